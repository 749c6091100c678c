'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'
import type { ResidentServicesMessage } from '../resident-services/messages'
import { isFinal, statusName, type Status } from '../resident-services/status'

/** Above the applicant's data: until when it can be corrected, or that it no longer can. */
export const CorrectionNote = () => {
  const status = useFormFields(([fields]) => fields.status?.value as Status | undefined)
  const { i18n } = useTranslation()
  if (!status) return null
  const closed = isFinal(status)
  const message: ResidentServicesMessage = !closed
    ? { code: 'admin.correctable' }
    : status === 'done'
      ? { code: 'admin.signedNote' }
      : { code: 'admin.closedNote', params: { status: statusName(status) } }
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
      {translate(asLocale(i18n.language), message)}
    </p>
  )
}
