'use client'
import { useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import { filtersOnStatus } from '../resident-services/queue'

/** Above the request queue: whether it shows the open requests only (the default) and a link to the other view. */
export const QueueScope = () => {
  const params = useSearchParams()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const all = filtersOnStatus(Object.fromEntries(params.entries()))
  return (
    <p className="queue-scope" style={{ margin: '0 0 1rem' }}>
      {all
        ? en
          ? 'Showing requests by the status filter. '
          : 'Menampilkan permohonan menurut saringan status. '
        : en
          ? 'Showing the open requests (not done, rejected or cancelled). '
          : 'Menampilkan permohonan yang masih terbuka (bukan Selesai, Ditolak atau Dibatalkan). '}
      <a href={all ? '?' : `?${ALL_REQUESTS}`}>
        {all ? (en ? 'Open requests only' : 'Hanya yang terbuka') : en ? 'Show all requests' : 'Tampilkan semua permohonan'}
      </a>
    </p>
  )
}

/** Every request, whatever its status: a filter on status that all of them pass. */
const ALL_REQUESTS = 'where[or][0][and][0][status][exists]=true'
