'use client'
import { useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'
import { filtersOnStatus } from '../resident-services/queue'

/** Above the request queue: whether it shows the open requests only (the default) and a link to the other view. */
export const QueueScope = () => {
  const params = useSearchParams()
  const { i18n } = useTranslation()
  const locale = asLocale(i18n.language)
  const all = filtersOnStatus(Object.fromEntries(params.entries()))
  return (
    <p className="queue-scope" style={{ margin: '0 0 1rem' }}>
      {translate(locale, { code: all ? 'admin.queue.filtered' : 'admin.queue.open' })}{' '}
      <a href={all ? '?' : `?${ALL_REQUESTS}`}>{translate(locale, { code: all ? 'admin.queue.onlyOpen' : 'admin.queue.all' })}</a>
    </p>
  )
}

/** Every request, whatever its status: a filter on status that all of them pass. */
const ALL_REQUESTS = 'where[or][0][and][0][status][exists]=true'
