import { formatWitaDateTime } from '../../lib/wita'
import type { Locale } from '../../lib/messages'
import type { Status } from '../../resident-services/status'

export type TimelineEntry = { status: Status; at: string; note: string | null; byResident: boolean }

/** A request's status as a badge (its colour from `data-status` in the stylesheet), named in the reader's language. */
export const StatusBadge = ({ status, name }: { status: Status; name: string }) => (
  <span className="status-pill" data-status={status}>
    {name}
  </span>
)

/**
 * A request's timeline, oldest first: what happened, when (WITA, 24-hour) and each note labelled as the
 * officer's or the resident's own. The resident reads it on the tracking page (site/islands/TrackedRequest.tsx);
 * the names of statuses and labels come from the caller, in the reader's language, so it needs no catalogue.
 */
export const RequestTimeline = ({
  entries,
  locale,
  statusName,
  labels,
}: {
  entries: TimelineEntry[]
  locale: Locale
  statusName: (status: Status) => string
  labels: { officer: string; resident: string }
}) => (
  <ol className="timeline">
    {entries.map((entry, i) => (
      <li key={`${entry.at}-${i}`}>
        <strong>{statusName(entry.status)}</strong>
        <time dateTime={entry.at}>{formatWitaDateTime(entry.at, locale)}</time>
        {entry.note && (
          <blockquote>
            <span className="hint">{entry.byResident ? labels.resident : labels.officer}:</span> {entry.note}
          </blockquote>
        )}
      </li>
    ))}
  </ol>
)
