import type { Payload } from 'payload'
import { isMongo, sqliteExecute } from '../lib/rawDb'
import { claimJobsAtomically } from './jobClaims'

/**
 * Readies the database connection for several app instances (Payload's onInit): a SQLite file is put in
 * write-ahead-log mode, where readers never wait for a writer and each process's writes wait their turn
 * (busyTimeout), and job claims become atomic (jobClaims.ts).
 */
export const prepareSharedDatabase = async (payload: Payload) => {
  if (!isMongo(payload)) {
    const [mode] = await sqliteExecute(payload, 'PRAGMA journal_mode', [])
    // An in-memory database keeps its own mode.
    if (mode?.journal_mode !== 'memory') await sqliteExecute(payload, 'PRAGMA journal_mode = WAL', [])
  }
  claimJobsAtomically(payload)
}
