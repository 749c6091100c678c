'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { isFinal, STATUS_LABELS, type Status } from '../resident-services/status'

/** Above the applicant's data: until when it can be corrected, or that it no longer can. */
export const CorrectionNote = () => {
  const status = useFormFields(([fields]) => fields.status?.value as Status | undefined)
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  if (!status) return null
  const closed = isFinal(status)
  const text = !closed
    ? en
      ? "The applicant's data and the answers can be corrected until the letter is signed; each correction is kept in the audit log."
      : 'Data pemohon dan jawaban dapat dikoreksi sampai surat ditandatangani; setiap koreksi tercatat di log audit.'
    : status === 'done'
      ? en
        ? "The letter is signed: the applicant's data and the answers can no longer be changed."
        : 'Surat sudah ditandatangani: data pemohon dan jawaban tidak dapat diubah lagi.'
      : en
        ? `This request is ${STATUS_LABELS[status].en.toLowerCase()}: the applicant's data and the answers can no longer be changed.`
        : `Permohonan ini sudah ${STATUS_LABELS[status].id}: data pemohon dan jawaban tidak dapat diubah lagi.`
  return (
    <p
      className="correction-note"
      role={closed ? 'note' : undefined}
      style={{
        margin: '0 0 1rem',
        padding: '0.6rem 0.8rem',
        borderLeft: '4px solid var(--theme-elevation-400)',
        background: 'var(--theme-elevation-50)',
      }}
    >
      {text}
    </p>
  )
}
