import { pbkdf2, randomBytes } from 'node:crypto'
import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { clientAddressFrom } from '../lib/clientAddress'
import { atomicStore } from '../instances/atomicStore'
import { hit, limitsOff, waitMinutes } from '../lib/rateLimit'
import { localize } from '../messages'
import type { AuthMessage } from './messages'

/**
 * Sign-ins are slowed down per account and client address: the first wrong passwords cost nothing, then
 * each next attempt from that address waits twice as long (15 s, 30 s, 1 min … at most 15 minutes), until the
 * right password resets it. Unlike an account lock, someone guessing from one address never keeps the
 * owner (at another address) out, and the right password is refused only while a wait runs. Every failure
 * answers alike: an unknown email costs the same password hashing as a wrong password, so neither the
 * message nor the time tells which accounts exist. Every address also has a ceiling of attempts over all
 * accounts (`login` in cms/lib/rateLimit.ts).
 *
 * This runs inside Payload's login operation, so every spelling of the path (/api/users/%6cogin,
 * /api/users/./login…) is counted alike.
 */
export const LOGIN_FREE_ATTEMPTS = 5
const MAX_DELAY_SECONDS = 15 * 60
/** A run of failures is forgotten a day after the last one. */
const FORGET_MS = 24 * 60 * 60 * 1000

/** Seconds before the next attempt after `failures` attempts in a row that did not sign in. */
export const loginDelay = (failures: number) =>
  failures < LOGIN_FREE_ATTEMPTS ? 0 : Math.min(15 * 2 ** (failures - LOGIN_FREE_ATTEMPTS), MAX_DELAY_SECONDS)

const emailOf = (data: unknown) => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' ? email.toLowerCase().trim() : ''
}

const throttleKey = (req: PayloadRequest, email: string) => `login-account:${email}|${clientAddressFrom(req.headers)}`

/**
 * Takes the next attempt of a run: 0 when it may go ahead (counted before the password is checked, so
 * parallel guesses cannot slip through together), otherwise the seconds to wait.
 */
const takeAttempt = async (req: PayloadRequest, key: string, now = Date.now()): Promise<number> => {
  const counters = atomicStore(req.payload)
  for (let tries = 0; tries < 5; tries++) {
    const current = await counters.readCounter(key, now)
    const failures = current?.count ?? 0
    const readyAt = current ? current.resetAt - FORGET_MS + loginDelay(failures) * 1000 : 0
    if (now < readyAt) return Math.ceil((readyAt - now) / 1000)
    if (await counters.swapCounter(key, current, { count: failures + 1, resetAt: now + FORGET_MS }, now)) return 0
  }
  return 1
}

/** The wait in whole minutes, as the refusal says it ("1 minute", "3 minutes"). */
const waitOf = (seconds: number): AuthMessage => {
  const minutes = waitMinutes(seconds)
  return minutes === 1 ? { code: 'login.oneMinute' } : { code: 'login.minutes', params: { minutes } }
}

const tooMany = (req: PayloadRequest, seconds: number, code: 'login.tooMany' | 'login.addressLimit') => {
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(seconds))
  req.responseHeaders.set('Cache-Control', 'no-store')
  return new APIError(localize(req, { code, params: { wait: waitOf(seconds) } }), 429, undefined, true)
}

// Payload 3's password hash (pbkdf2-sha256-v1): the work an unknown email must cost too.
const HASH_ITERATIONS = 600_000
const HASH_BYTES = 32

/** The same hashing a wrong password costs, for an email no account has. */
const hashLikeAPassword = (password: unknown) =>
  new Promise<void>((resolve) =>
    pbkdf2(
      String(typeof password === 'string' ? password : ''),
      randomBytes(32).toString('hex'),
      HASH_ITERATIONS,
      HASH_BYTES,
      'sha256',
      () => resolve(),
    ),
  )

/** Counts the attempt toward the address's ceiling and the account's run of failures; throws 429 when it must wait. */
const takeAttempts = async (req: PayloadRequest, email: string) => {
  const addressWait = await hit(req.payload, 'login', clientAddressFrom(req.headers))
  if (addressWait) throw tooMany(req, addressWait, 'login.addressLimit')
  const wait = await takeAttempt(req, throttleKey(req, email))
  if (wait) throw tooMany(req, wait, 'login.tooMany')
}

export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { password?: unknown } }).data
  const email = emailOf(data)
  if (!limitsOff()) await takeAttempts(req, email)
  const account = email ? await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req }) : null
  if (!account) await hashLikeAPassword(data?.password)
  return args
}

/** The right password ends the run of failures for this account and address. */
export const forgetLoginFailures: CollectionAfterLoginHook = async ({ req, user }) => {
  if (!limitsOff()) await atomicStore(req.payload).removeCounter(throttleKey(req, emailOf(user)))
  return user
}
