import type { Where } from 'payload'
import { isFinal, STATUSES } from './status'

/** The queue's default view: the requests still to handle. */
export const OPEN_REQUESTS: Where = { status: { in: STATUSES.filter((s) => !isFinal(s)) } }

/**
 * Whether the admin list's query filters on the status itself (as `where[…][status]…` search parameters, or
 * their parsed form): then it shows what the filter asks for, finished requests included.
 */
export const filtersOnStatus = (query: unknown): boolean =>
  Object.keys(query && typeof query === 'object' ? query : {}).some((key) => key.startsWith('where') && key.includes('[status]')) ||
  JSON.stringify((query as { where?: unknown } | null)?.where ?? {}).includes('"status"')
