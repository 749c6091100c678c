import type { Payload } from 'payload'
import { config } from './config'
import { atomicStore } from '../instances/atomicStore'

/**
 * Every rate limit, in one place: a fixed window per purpose and key, counted in the app's database
 * (`rate-limits`, through cms/instances/atomicStore.ts) so that all app instances count together. The expensive limits are keyed by what
 * is attacked (a reference, a submission), so that one address cannot lock out everyone behind it (a
 * village on one carrier-grade NAT address, or every visitor behind a proxy); each of them also has a much
 * higher ceiling per client address.
 */
export type Limit = { max: number; windowMs: number }

const MINUTE = 60 * 1000

export const LIMITS = {
  /** What a request form costs us, per submission: each stored file and the created request. */
  submit: { max: 10, windowMs: 10 * MINUTE },
  /** The same costs from one client address, whatever the submission. */
  submitAddress: { max: 60, windowMs: 10 * MINUTE },
  /** Every post of a request form from one address (a flood of bodies that store nothing). */
  formPosts: { max: 300, windowMs: 10 * MINUTE },
  /** Wrong look-ups of one reference (reference + last 4 phone digits): slows down guessing the digits. */
  track: { max: 10, windowMs: 10 * MINUTE },
  /** Every tracking look-up (and the confirmation page) from one address. */
  trackAddress: { max: 300, windowMs: 10 * MINUTE },
  /** Wrong look-ups of one order number (number + the buyer's phone or email): slows down guessing the contact. */
  orderLookup: { max: 10, windowMs: 10 * MINUTE },
  /** Every order look-up from one address. */
  orderLookupAddress: { max: 300, windowMs: 10 * MINUTE },
  /** Checking a PDF file against a signed letter, per address. */
  verify: { max: 20, windowMs: 10 * MINUTE },
  /** The search page and its live suggestions while typing, per address. */
  search: { max: 30, windowMs: 10 * 1000 },
  /** Adding to and changing the cart, per address. */
  cart: { max: 60, windowMs: MINUTE },
  /** Placing orders (each reserves stock), per address. */
  checkout: { max: 10, windowMs: 10 * MINUTE },
  /** Payment proof uploads, per address. */
  proof: { max: 10, windowMs: 10 * MINUTE },
  /** Every sign-in attempt from one address, whatever the account (cms/auth/loginThrottle.ts slows each account down). */
  login: { max: 50, windowMs: 10 * MINUTE },
} satisfies Record<string, Limit>

export type Purpose = keyof typeof LIMITS

/** RATE_LIMIT_OFF=1 turns every limit off (the benchmark's load comes from one address). */
export const limitsOff = () => config().rateLimitOff

let sweptAt = 0
/** Forgets counters that ran out; at most once a minute per process, so it costs nothing on the way. */
const sweepCounters = async (payload: Payload, now: number) => {
  if (now - sweptAt < 60_000) return
  sweptAt = now
  await atomicStore(payload).dropExpiredCounters(now)
}

/**
 * Counts `amount` (default one attempt) for `key` toward the purpose's limit; returns the seconds to wait
 * when that is over the limit, otherwise 0.
 */
export const hit = async (payload: Payload, purpose: Purpose, key: string, amount = 1, now = Date.now()): Promise<number> => {
  if (limitsOff()) return 0
  const limit: Limit = LIMITS[purpose]
  await sweepCounters(payload, now)
  const counter = await atomicStore(payload).addToWindow(`${purpose}:${key}`, amount, limit.windowMs, now)
  return counter.count > limit.max ? Math.max(1, Math.ceil((counter.resetAt - now) / 1000)) : 0
}

/** Takes back one counted attempt that turned out to cost nothing (a tracking look-up that found its request). */
export const refund = async (payload: Payload, purpose: Purpose, key: string, now = Date.now()) => {
  if (limitsOff()) return
  await atomicStore(payload).addToWindow(`${purpose}:${key}`, -1, LIMITS[purpose].windowMs, now)
}

/** Counts toward several limits at once; the longest wait wins. */
export const hitAll = async (payload: Payload, hits: [Purpose, string, number?][]): Promise<number> => {
  let wait = 0
  for (const [purpose, key, amount] of hits) wait = Math.max(wait, await hit(payload, purpose, key, amount))
  return wait
}

/** The wait as people say it: whole minutes, rounded up. */
export const waitMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))
