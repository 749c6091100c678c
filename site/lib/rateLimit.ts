import { config } from '../../cms/lib/config'

/**
 * Every rate limit of the public site, in one place: a fixed window per client and purpose, in memory.
 * One server process serves the site; several instances would each count on their own.
 * Handlers call `limitRequest`; the middleware then answers 429 with Retry-After (see `limitedResponse`).
 */
type Window = { started: number; count: number }

type Limit = { max: number; windowMs: number }

export const LIMITS = {
  /** Service request forms (check and submit). */
  submit: { max: 10, windowMs: 10 * 60 * 1000 },
  /** Tracking look-ups (reference + phone digits) and the resident's own changes: slows down guessing. */
  track: { max: 20, windowMs: 10 * 60 * 1000 },
  /** Finding an order by its number and the buyer's phone or email: slows down guessing, like tracking. */
  orderLookup: { max: 20, windowMs: 10 * 60 * 1000 },
  /** Checking a PDF file against a signed letter. */
  verify: { max: 20, windowMs: 10 * 60 * 1000 },
  /** The search page and its live suggestions while typing. */
  search: { max: 30, windowMs: 10 * 1000 },
  /** Adding to and changing the cart. */
  cart: { max: 60, windowMs: 60 * 1000 },
  /** Placing orders (each reserves stock). */
  checkout: { max: 10, windowMs: 10 * 60 * 1000 },
  /** Payment proof uploads. */
  proof: { max: 10, windowMs: 10 * 60 * 1000 },
  /** Sign-ins to the admin (POST /api/users/login), counted by server/loginLimit.ts. */
  login: { max: 10, windowMs: 10 * 60 * 1000 },
} satisfies Record<string, Limit>

export type Purpose = keyof typeof LIMITS

const windows = new Map<string, Window>()

/** Counts one attempt; returns the seconds to wait when the client is over its limit, otherwise 0. */
export const hit = (purpose: Purpose, client: string, now = Date.now()): number => {
  const limit: Limit = config().rateLimitOff ? { max: Infinity, windowMs: 1 } : LIMITS[purpose]
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

/**
 * Counts a request of a public route (page, endpoint or action) toward its limit. Over it, returns the seconds
 * to wait and notes them on the request, so the middleware answers 429 with Retry-After; the handler then
 * shows its localized message instead of doing the work (keeping what the visitor typed).
 */
export const limitRequest = (purpose: Purpose, context: { clientAddress: string; locals: App.Locals }): number => {
  const wait = hit(purpose, context.clientAddress || 'unknown')
  if (wait > 0) context.locals.retryAfter = wait
  return wait
}

/** The response of a request that was over its limit: 429 and Retry-After, with the page or message it rendered. */
export const limitedResponse = (response: Response, retryAfter: number): Response => {
  const headers = new Headers(response.headers)
  headers.set('Retry-After', String(retryAfter))
  headers.set('Cache-Control', 'no-store')
  return new Response(response.body, { status: 429, statusText: 'Too Many Requests', headers })
}
