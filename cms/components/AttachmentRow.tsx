'use client'
import { useDocumentInfo, useRowLabel, useTranslation } from '@payloadcms/ui'

/** An attachment's row title with a link to the access-checked download. */
export const AttachmentRow = () => {
  const { data, rowNumber } = useRowLabel<{ label?: string; purgedAt?: string }>()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const label = data?.label ?? (en ? 'Attachment' : 'Lampiran')
  if (data?.purgedAt || id === undefined) return <span>{label}</span>
  return (
    <a href={`/api/service-requests/${id}/attachments/${rowNumber}`} target="_blank" rel="noopener" onClick={(e) => e.stopPropagation()}>
      {label} ({en ? 'open' : 'buka'})
    </a>
  )
}
