/**
 * Every rate limit of the public site, in one place: a fixed window per client and purpose, in memory.
 * One server process serves the site; several instances would each count on their own.
 */
type Window = { started: number; count: number }

export type Limit = { max: number; windowMs: number }

export const LIMITS = {
  /** Service request submissions. */
  submit: { max: 10, windowMs: 10 * 60 * 1000 },
  /** Tracking look-ups (reference + phone digits): slows down guessing. */
  track: { max: 20, windowMs: 10 * 60 * 1000 },
  /** Live search suggestions while typing. */
  search: { max: 30, windowMs: 10 * 1000 },
  /** Sign-ins to the admin (POST /api/users/login), counted by server/loginLimit.ts. */
  login: { max: 10, windowMs: 10 * 60 * 1000 },
} satisfies Record<string, Limit>

const windows = new Map<string, Window>()

/** Counts one attempt; returns the seconds to wait when the client is over its limit, otherwise 0. */
export const hit = (purpose: keyof typeof LIMITS, client: string, now = Date.now()): number => {
  const limit: Limit = process.env.RATE_LIMIT_OFF === '1' ? { max: Infinity, windowMs: 1 } : LIMITS[purpose]
  const key = `${purpose}:${client}`
  let window = windows.get(key)
  if (!window || now - window.started >= limit.windowMs) {
    window = { started: now, count: 0 }
    windows.set(key, window)
    if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.started >= limit.windowMs) windows.delete(k)
  }
  window.count += 1
  return window.count > limit.max ? Math.ceil((window.started + limit.windowMs - now) / 1000) : 0
}
