'use client'
import { useRowLabel, useTranslation } from '@payloadcms/ui'
import { STATUS_LABELS, type Status } from '../resident-services/status'
import { formatWitaDateTime } from '../resident-services/workingDays'

type Entry = { status?: Status; at?: string; byName?: string | null; byUser?: unknown }

/** A request's timeline entry titled by what happened, when (WITA) and who: "Diperiksa · 1 Des 2026, 17.14 WITA · Petugas Rina". */
export const RequestTimelineRow = () => {
  const { data } = useRowLabel<Entry>()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'id'
  // Entries without a staff account are the resident's own (the submission, a reply, a cancellation).
  const who = data?.byUser ? data.byName : language === 'en' ? 'Applicant' : 'Pemohon'
  return (
    <span>
      {[data?.status && STATUS_LABELS[data.status][language], data?.at && formatWitaDateTime(data.at, language), who]
        .filter(Boolean)
        .join(' · ')}
    </span>
  )
}
