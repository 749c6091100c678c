import type { Payload } from 'payload'
import { sqliteBatch, sqliteExecute } from '../lib/rawDb'
import type { AtomicStore, ContentChange, Counter, LineClaim, OrderLines } from './atomicStore'

const counterOf = (row: Record<string, unknown>): Counter => ({ count: Number(row.count), resetAt: Number(row.reset_at) })

/**
 * The atomic writes on SQLite: each one statement, which SQLite runs alone even when several processes share the
 * file, or one batch (one transaction) where a move and its record must be written together.
 */
export class SqliteAtomicStore implements AtomicStore {
  constructor(private readonly payload: Payload) {}

  private run(sql: string, args: (string | number)[] = []) {
    return sqliteExecute(this.payload, sql, args)
  }

  private batch(statements: { sql: string; args: (string | number)[] }[]) {
    return sqliteBatch(this.payload, statements)
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

  async addVisits(village: number | string, day: string, views: number) {
    await this.run(
      `INSERT INTO site_visits (key, village, day, views) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (key) DO UPDATE SET views = site_visits.views + ?4`,
      [`${village}|${day}`, String(village), day, views],
    )
  }

  async addToWindow(key: string, amount: number, windowMs: number, now: number) {
    const [row] = await this.run(
      `INSERT INTO rate_limits (key, count, reset_at) VALUES (?1, MAX(?2, 0), ?3)
       ON CONFLICT (key) DO UPDATE SET
         count = MAX(CASE WHEN rate_limits.reset_at > ?4 THEN rate_limits.count + ?2 ELSE ?2 END, 0),
         reset_at = CASE WHEN rate_limits.reset_at > ?4 THEN rate_limits.reset_at ELSE ?3 END
       RETURNING count, reset_at`,
      [key, amount, now + windowMs, now],
    )
    return counterOf(row)
  }

  async readCounter(key: string, now: number) {
    const [row] = await this.run('SELECT count, reset_at FROM rate_limits WHERE key = ?1 AND reset_at > ?2', [key, now])
    return row ? counterOf(row) : null
  }

  async swapCounter(key: string, expected: Counter | null, next: Counter, now: number) {
    const rows = expected
      ? await this.run('UPDATE rate_limits SET count = ?2, reset_at = ?3 WHERE key = ?1 AND count = ?4 AND reset_at = ?5 RETURNING key', [
          key,
          next.count,
          next.resetAt,
          expected.count,
          expected.resetAt,
        ])
      : await this.run(
          `INSERT INTO rate_limits (key, count, reset_at) VALUES (?1, ?2, ?3)
           ON CONFLICT (key) DO UPDATE SET count = ?2, reset_at = ?3 WHERE rate_limits.reset_at <= ?4
           RETURNING key`,
          [key, next.count, next.resetAt, now],
        )
    return rows.length === 1
  }

  async removeCounter(key: string) {
    await this.run('DELETE FROM rate_limits WHERE key = ?1', [key])
  }

  async dropExpiredCounters(now: number) {
    await this.run('DELETE FROM rate_limits WHERE reset_at <= ?1', [now])
  }

  async takeLineStock({ orderId, lineId, variantId, quantity }: LineClaim) {
    const [taken] = await this.batch([
      {
        sql: `UPDATE products_variants SET stock = stock - ?1 WHERE id = ?2 AND stock >= ?1
                AND EXISTS (SELECT 1 FROM orders_lines l JOIN orders o ON o.id = l._parent_id WHERE l.id = ?3 AND o.id = ?4 AND o.reservation_state = 'placing')`,
        args: [quantity, variantId, lineId, orderId],
      },
      // changes(): the rows the statement before changed, so the line records exactly what was taken.
      { sql: 'UPDATE orders_lines SET reserved = ?1 WHERE id = ?2 AND changes() = 1', args: [quantity, lineId] },
    ])
    return taken === 1
  }

  async discardPlacingOrder(orderId: number | string) {
    const [, removed] = await this.batch([
      {
        sql: `UPDATE products_variants SET stock = stock + (SELECT SUM(l.reserved) FROM orders_lines l WHERE l._parent_id = ?1 AND l.variant_id = products_variants.id)
                WHERE id IN (SELECT l.variant_id FROM orders_lines l JOIN orders o ON o.id = l._parent_id WHERE o.id = ?1 AND o.reservation_state = 'placing' AND l.reserved > 0)`,
        args: [orderId],
      },
      // Its lines, timeline and relations go with it (foreign keys cascade).
      { sql: `DELETE FROM orders WHERE id = ?1 AND reservation_state = 'placing'`, args: [orderId] },
    ])
    return removed === 1
  }

  async advanceReservation(orderId: number | string, from: 'placing' | 'reserved') {
    const to = from === 'placing' ? 'reserved' : 'sold'
    const [changed] = await this.batch([
      { sql: 'UPDATE orders SET reservation_state = ?2 WHERE id = ?1 AND reservation_state = ?3', args: [orderId, to, from] },
    ])
    return changed === 1
  }

  async releaseReservation(order: OrderLines) {
    const [released] = await this.batch([
      {
        sql: `UPDATE orders SET reservation_state = 'released' WHERE id = ?1 AND reservation_state IN ('reserved', 'sold')`,
        args: [order.id],
      },
      {
        sql: `UPDATE products_variants SET stock = stock + (SELECT SUM(l.reserved) FROM orders_lines l WHERE l._parent_id = ?1 AND l.variant_id = products_variants.id)
                WHERE changes() = 1 AND id IN (SELECT l.variant_id FROM orders_lines l WHERE l._parent_id = ?1 AND l.reserved > 0)`,
        args: [order.id],
      },
      {
        sql: `UPDATE orders_lines SET reserved = 0 WHERE _parent_id = ?1 AND reserved > 0
                AND (SELECT reservation_state FROM orders WHERE id = ?1) = 'released'`,
        args: [order.id],
      },
    ])
    return released === 1
  }

  async retakeReservation(order: OrderLines) {
    const tracked = `COALESCE((SELECT p.track_stock FROM products p WHERE p.id = v._parent_id), 1) = 1`
    const wanted = `(SELECT SUM(l.quantity) FROM orders_lines l WHERE l._parent_id = ?1 AND l.variant_id = v.id)`
    const [taken] = await this.batch([
      {
        sql: `UPDATE orders SET reservation_state = 'sold' WHERE id = ?1 AND reservation_state = 'released'
                AND NOT EXISTS (SELECT 1 FROM orders_lines l WHERE l._parent_id = ?1 AND NOT EXISTS (SELECT 1 FROM products_variants v WHERE v.id = l.variant_id))
                AND NOT EXISTS (SELECT 1 FROM products_variants v WHERE v.id IN (SELECT l.variant_id FROM orders_lines l WHERE l._parent_id = ?1)
                                  AND ${tracked} AND v.stock < ${wanted})`,
        args: [order.id],
      },
      {
        sql: `UPDATE products_variants AS v SET stock = stock - ${wanted}
                WHERE changes() = 1 AND v.id IN (SELECT l.variant_id FROM orders_lines l WHERE l._parent_id = ?1) AND ${tracked}`,
        args: [order.id],
      },
      {
        sql: `UPDATE orders_lines SET reserved = quantity WHERE _parent_id = ?1 AND reserved = 0
                AND (SELECT reservation_state FROM orders WHERE id = ?1) = 'sold'
                AND COALESCE((SELECT p.track_stock FROM products_variants v JOIN products p ON p.id = v._parent_id WHERE v.id = orders_lines.variant_id), 1) = 1`,
        args: [order.id],
      },
    ])
    return taken === 1
  }

  async completeRequest(id: number | string) {
    await this.run('UPDATE service_requests SET incomplete = 0 WHERE id = ?1', [id])
  }
}
