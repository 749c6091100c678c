import type { Payload } from 'payload'
import { isMongo, sqliteExecute } from './rawDb'

/**
 * Counters in the app's own database (the `rate-limits` collection), shared by every app instance on it.
 * Each change is one atomic statement: an upsert on SQLite, a findOneAndUpdate on MongoDB. Payload's
 * key-value store has no atomic increment, and rate-limiter-flexible's SQLite store needs its own driver
 * (sqlite3 or better-sqlite3), not the libSQL client Payload's adapter holds; so the few statements live here.
 */
export type Counter = { count: number; resetAt: number }

type MongoRow = { key: string; count: number; resetAt: number }
type NativeCollection = {
  findOneAndUpdate: (filter: object, update: object | object[], options: object) => Promise<MongoRow | null>
  findOne: (filter: object) => Promise<MongoRow | null>
  updateOne: (filter: object, update: object, options?: object) => Promise<{ matchedCount: number; upsertedCount: number }>
  deleteMany: (filter: object) => Promise<unknown>
}

const mongo = (payload: Payload): NativeCollection =>
  (payload.db as unknown as { collections: Record<string, { collection: NativeCollection }> }).collections['rate-limits'].collection

const fromRow = (row: Record<string, unknown>): Counter => ({
  count: Number(row.count),
  resetAt: Number(row.reset_at ?? row.resetAt),
})

/**
 * Adds `amount` (negative to take back, never below 0) to the counter in its current fixed window; a counter
 * whose window has ended starts a new one of `windowMs` from `now`. Returns the counter after the change.
 */
export const addToWindow = async (payload: Payload, key: string, amount: number, windowMs: number, now = Date.now()): Promise<Counter> => {
  const resetAt = now + windowMs
  if (isMongo(payload)) {
    const running = { $gt: [{ $ifNull: ['$resetAt', 0] }, now] }
    const row = await mongo(payload).findOneAndUpdate(
      { key },
      [
        {
          $set: {
            count: { $max: [{ $cond: [running, { $add: ['$count', amount] }, amount] }, 0] },
            resetAt: { $cond: [running, '$resetAt', resetAt] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after' },
    )
    return fromRow(row!)
  }
  const [row] = await sqliteExecute(
    payload,
    `INSERT INTO rate_limits (key, count, reset_at) VALUES (?1, MAX(?2, 0), ?3)
     ON CONFLICT (key) DO UPDATE SET
       count = MAX(CASE WHEN rate_limits.reset_at > ?4 THEN rate_limits.count + ?2 ELSE ?2 END, 0),
       reset_at = CASE WHEN rate_limits.reset_at > ?4 THEN rate_limits.reset_at ELSE ?3 END
     RETURNING count, reset_at`,
    [key, amount, resetAt, now],
  )
  return fromRow(row)
}

/** The counter, or null when there is none or it has run out. */
export const readCounter = async (payload: Payload, key: string, now = Date.now()): Promise<Counter | null> => {
  const row = isMongo(payload)
    ? await mongo(payload).findOne({ key })
    : (await sqliteExecute(payload, 'SELECT count, reset_at FROM rate_limits WHERE key = ?1', [key]))[0]
  const counter = row ? fromRow(row) : null
  return counter && counter.resetAt > now ? counter : null
}

/**
 * Replaces the counter with `next` only if it is still `expected` (null: none, or run out). Returns whether
 * it did: two requests that read the same counter cannot both move it on.
 */
export const swapCounter = async (payload: Payload, key: string, expected: Counter | null, next: Counter, now = Date.now()) => {
  if (isMongo(payload)) {
    const collection = mongo(payload)
    const set = { $set: { count: next.count, resetAt: next.resetAt } }
    if (expected) return (await collection.updateOne({ key, count: expected.count, resetAt: expected.resetAt }, set)).matchedCount === 1
    const result = await collection.updateOne({ key, resetAt: { $lte: now } }, set)
    if (result.matchedCount === 1) return true
    try {
      return (await collection.updateOne({ key }, { $setOnInsert: { key, ...set.$set } }, { upsert: true })).upsertedCount === 1
    } catch {
      // Another request inserted it first (the key is unique).
      return false
    }
  }
  const rows = expected
    ? await sqliteExecute(
        payload,
        'UPDATE rate_limits SET count = ?2, reset_at = ?3 WHERE key = ?1 AND count = ?4 AND reset_at = ?5 RETURNING key',
        [key, next.count, next.resetAt, expected.count, expected.resetAt],
      )
    : await sqliteExecute(
        payload,
        `INSERT INTO rate_limits (key, count, reset_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET count = ?2, reset_at = ?3 WHERE rate_limits.reset_at <= ?4
         RETURNING key`,
        [key, next.count, next.resetAt, now],
      )
  return rows.length === 1
}

export const removeCounter = async (payload: Payload, key: string) => {
  if (isMongo(payload)) await mongo(payload).deleteMany({ key })
  else await sqliteExecute(payload, 'DELETE FROM rate_limits WHERE key = ?1', [key])
}

let sweptAt = 0
/** Forgets counters that ran out; at most once a minute per process, so it costs nothing on the way. */
export const sweepCounters = async (payload: Payload, now = Date.now()) => {
  if (now - sweptAt < 60_000) return
  sweptAt = now
  if (isMongo(payload)) await mongo(payload).deleteMany({ resetAt: { $lte: now } })
  else await sqliteExecute(payload, 'DELETE FROM rate_limits WHERE reset_at <= ?1', [now])
}
