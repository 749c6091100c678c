'use client'
import { useRowLabel, useTranslation } from '@payloadcms/ui'
import { asLocale } from '../lib/messages'
import { formatWitaDateTime } from '../lib/wita'
import { translate } from '../messages'
import { statusName, type Status } from '../resident-services/status'

type Entry = { status?: Status; at?: string; byName?: string | null; byUser?: unknown }

/** A request's timeline entry titled by what happened, when (WITA) and who: "Diperiksa · 1 Des 2026, 17.14 WITA · Petugas Rina". */
export const RequestTimelineRow = () => {
  const { data } = useRowLabel<Entry>()
  const { i18n } = useTranslation()
  const language = asLocale(i18n.language)
  // Entries without a staff account are the resident's own (the submission, a reply, a cancellation).
  const who = data?.byUser ? data.byName : translate(language, { code: 'admin.applicant' })
  return (
    <span>
      {[data?.status && translate(language, statusName(data.status)), data?.at && formatWitaDateTime(data.at, language), who]
        .filter(Boolean)
        .join(' · ')}
    </span>
  )
}
