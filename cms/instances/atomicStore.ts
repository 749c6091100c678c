import type { Payload } from 'payload'
import { isMongo } from '../lib/rawDb'
import { MongoAtomicStore } from './mongoStore'
import { SqliteAtomicStore } from './sqliteStore'

/** A save's invalidated tags as another instance reads them (see sharedInvalidations.ts). */
export type ContentChange = { id: number; instance: string; tags: string[] }

/**
 * The writes several app instances must make as one, each a single atomic statement of the database, so that
 * no instance ever needs to hold anything in memory that the others rely on. Implemented once per database
 * engine (sqliteStore.ts, mongoStore.ts); both are checked by tests/integration/atomic-store.test.ts.
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
}

/** The store of the app's database. */
export const atomicStore = (payload: Payload): AtomicStore =>
  isMongo(payload) ? new MongoAtomicStore(payload) : new SqliteAtomicStore(payload)
