'use client'
import { useDocumentInfo, useRowLabel, useTranslation } from '@payloadcms/ui'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'

/** An attachment's row title with a link to the access-checked download. */
export const AttachmentRow = () => {
  const { i18n } = useTranslation()
  const { data, rowNumber } = useRowLabel<{ label?: string; purgedAt?: string }>()
  const { id } = useDocumentInfo()
  const locale = asLocale(i18n.language)
  const label = data?.label ?? translate(locale, { code: 'admin.attachment' })
  if (data?.purgedAt || id === undefined) return <span>{label}</span>
  return (
    <a href={`/api/service-requests/${id}/attachments/${rowNumber}`} target="_blank" rel="noopener" onClick={(e) => e.stopPropagation()}>
      {translate(locale, { code: 'admin.openAttachment', params: { label } })}
    </a>
  )
}
