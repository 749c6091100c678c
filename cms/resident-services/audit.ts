import type { Payload } from 'payload'

export type AuditAction = 'view' | 'change' | 'correct' | 'download'

/** The server's own reads and writes of requests: every access is allowed, and none is written to the audit log. */
export const systemAccess = { overrideAccess: true, context: { skipAudit: true } } as const

/**
 * One line of the audit log: who looked at, changed or corrected a resident's request, and when (a correction with the
 * value before and after). It belongs to the request's village: only that village's administrators read it.
 */
export const recordAudit = async (
  payload: Payload,
  entry: {
    request: number
    village: number | null
    user?: number | null
    action: AuditAction
    detail?: string
    before?: string | null
    after?: string | null
  },
) => {
  await payload.create({
    collection: 'audit-log',
    data: {
      request: entry.request,
      village: entry.village,
      user: entry.user ?? null,
      action: entry.action,
      detail: entry.detail ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: new Date().toISOString(),
    },
    overrideAccess: true,
    context: { skipAudit: true },
  })
}
