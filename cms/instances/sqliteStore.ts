import type { Payload } from 'payload'
import { sqliteExecute } from '../lib/rawDb'
import type { AtomicStore, ContentChange } from './atomicStore'

/** The atomic writes on SQLite: each one statement, which SQLite runs alone even when several processes share the file. */
export class SqliteAtomicStore implements AtomicStore {
  constructor(private readonly payload: Payload) {}

  private run(sql: string, args: (string | number)[] = []) {
    return sqliteExecute(this.payload, sql, args)
  }

  async nextInSequence(key: string, floor: number) {
    const [row] = await this.run(
      `INSERT INTO sequences (key, value) VALUES (?1, ?2 + 1)
       ON CONFLICT (key) DO UPDATE SET value = MAX(sequences.value, ?2) + 1
       RETURNING value`,
      [key, floor],
    )
    return Number(row.value)
  }

  async renewLease(instance: string, expiresAt: number) {
    await this.run(
      `INSERT INTO instance_leases (instance, expires_at) VALUES (?1, ?2)
       ON CONFLICT (instance) DO UPDATE SET expires_at = ?2`,
      [instance, expiresAt],
    )
  }

  async liveInstances(now: number) {
    return (await this.run('SELECT instance FROM instance_leases WHERE expires_at > ?1', [now])).map((row) => String(row.instance))
  }

  async dropExpiredLeases(now: number) {
    await this.run('DELETE FROM instance_leases WHERE expires_at <= ?1', [now])
  }

  async endLease(instance: string) {
    await this.run('DELETE FROM instance_leases WHERE instance = ?1', [instance])
  }

  async recordChange(instance: string, tags: string[], at: number) {
    await this.run('INSERT INTO content_changes (instance, tags, at) VALUES (?1, ?2, ?3)', [instance, tags.join('\n'), at])
  }

  async changesAfter(after: number, limit: number): Promise<ContentChange[]> {
    const rows = await this.run('SELECT id, instance, tags FROM content_changes WHERE id > ?1 ORDER BY id LIMIT ?2', [after, limit])
    return rows.map((row) => ({ id: Number(row.id), instance: String(row.instance), tags: String(row.tags).split('\n') }))
  }

  async latestChange() {
    const [row] = await this.run('SELECT MAX(id) AS id FROM content_changes')
    return Number(row?.id ?? 0)
  }

  async forgetChanges(before: number) {
    // The latest row stays: SQLite would otherwise give the next change a position some instance already passed.
    await this.run('DELETE FROM content_changes WHERE at < ?1 AND id < (SELECT MAX(id) FROM content_changes)', [before])
  }

  async claimJob(id: number | string) {
    return (await this.run('UPDATE payload_jobs SET processing = 1 WHERE id = ?1 AND processing = 0 RETURNING id', [id])).length === 1
  }
}
