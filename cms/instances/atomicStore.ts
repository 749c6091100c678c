import type { Payload } from 'payload'
import { isMongo } from '../lib/rawDb'
import { MongoAtomicStore } from './mongoStore'
import { SqliteAtomicStore } from './sqliteStore'

/** A save's invalidated tags as another instance reads them (see sharedInvalidations.ts). */
export type ContentChange = { id: number; instance: string; tags: string[] }

/** A counter of the `rate-limits` collection in its fixed window. */
export type Counter = { count: number; resetAt: number }

/** The line (of an order still being placed) and what it asks for. */
export type LineClaim = { orderId: number | string; lineId: string; variantId: string; quantity: number }

/** An order's lines as the stock moves read them. */
export type OrderLines = {
  id: number | string
  lines?: { id?: string | null; variantId?: string | null; quantity: number; reserved?: number | null }[] | null
}

/**
 * The writes several app instances must make as one, each a single atomic statement of the database (or, on
 * SQLite, one transaction), so that no instance ever needs to hold anything in memory that the others rely on.
 * Implemented once per database engine (sqliteStore.ts, mongoStore.ts); both are checked by the same contract,
 * tests/integration/atomic-store.test.ts. Nothing outside these two files writes to the database around Payload.
 */
export interface AtomicStore {
  /** Advances the sequence by one and returns its new value; a new sequence (or one behind `floor`) continues from `floor`. */
  nextInSequence(key: string, floor: number): Promise<number>

  /** Writes (or renews) the instance's lease until `expiresAt` (ms since the epoch). */
  renewLease(instance: string, expiresAt: number): Promise<void>
  /** The instances whose lease runs past `now`. */
  liveInstances(now: number): Promise<string[]>
  /** Forgets the leases that ran out before `now`. */
  dropExpiredLeases(now: number): Promise<void>
  /** Ends the instance's lease (a clean stop). */
  endLease(instance: string): Promise<void>

  /** Appends a change; returns its position. */
  recordChange(instance: string, tags: string[], at: number): Promise<void>
  /** The changes after position `after`, oldest first, at most `limit`. */
  changesAfter(after: number, limit: number): Promise<ContentChange[]>
  /** The position of the latest change (0 when there is none). */
  latestChange(): Promise<number>
  /** Forgets the changes made before `at`. */
  forgetChanges(before: number): Promise<void>

  /**
   * Marks the job as being processed when it is not already: true for the one caller that moved it. Payload's
   * own claim reads the waiting jobs and then writes `processing` on each, so two instances can both take one.
   */
  claimJob(id: number | string): Promise<boolean>

  /**
   * Adds `amount` (negative to take back, never below 0) to the counter in its current fixed window; a counter
   * whose window has ended starts a new one of `windowMs` from `now`. Returns the counter after the change.
   */
  addToWindow(key: string, amount: number, windowMs: number, now: number): Promise<Counter>
  /** The counter, or null when there is none or it has run out. */
  readCounter(key: string, now: number): Promise<Counter | null>
  /** Replaces the counter with `next` only if it is still `expected` (null: none, or run out): two readers cannot both move it on. */
  swapCounter(key: string, expected: Counter | null, next: Counter, now: number): Promise<boolean>
  removeCounter(key: string): Promise<void>
  /** Forgets the counters that ran out by `now`. */
  dropExpiredCounters(now: number): Promise<void>

  /**
   * Takes a line's quantity off the shelf (only while stock >= quantity, so concurrent checkouts can never take
   * the same unit twice nor go below zero) and records it on the line, in one write. Only while the order is
   * still being placed: an order the recovery removed takes nothing. False when not enough is left.
   */
  takeLineStock(claim: LineClaim): Promise<boolean>
  /** Removes an order still being placed and puts back the stock its lines recorded, in one write. False when it had left that state. */
  discardPlacingOrder(orderId: number | string): Promise<boolean>
  /** placing → reserved (all its stock taken) or reserved → sold (paid), exactly once: true when this caller moved it. */
  advanceReservation(orderId: number | string, from: 'placing' | 'reserved'): Promise<boolean>
  /**
   * reserved or sold → released exactly once, and the stock its lines hold back on the shelf in the same write;
   * the lines then hold nothing. True when this caller released it.
   */
  releaseReservation(order: OrderLines): Promise<boolean>
  /**
   * released → sold, taking every tracked line's units off the shelf again, only when all of them are there (a
   * late payment, or staff packing an order whose hold had lapsed). False when any is short: then nothing is taken.
   */
  retakeReservation(order: OrderLines): Promise<boolean>

  /** Makes a service request, written marked incomplete, count: until then staff and tracking do not see it. */
  completeRequest(id: number | string): Promise<void>

  /** Adds `views` to the page views of the village's site on `day` (YYYY-MM-DD, WITA). */
  addVisits(village: number | string, day: string, views: number): Promise<void>
}

/** The store of the app's database. */
export const atomicStore = (payload: Payload): AtomicStore =>
  isMongo(payload) ? new MongoAtomicStore(payload) : new SqliteAtomicStore(payload)
