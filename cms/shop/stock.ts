import type { Payload } from 'payload'
import { isMongo, mongoCollection, sqliteBatch } from '../lib/rawDb'
import { enqueueSync } from '../search/sync'
import { invalidations } from '../page-cache/invalidations'
import { documentTag, listTag } from '../page-cache/tags'

/**
 * Stock moves only together with the order line that records it, so that at any moment the order lines
 * tell exactly which stock is out of the shelf (see placeOrder). On SQLite every move is one transaction;
 * on MongoDB the shelf and the order are two documents and the two writes follow each other (a kill
 * between them loses that line's units: run MongoDB as a replica set and recount after a crash).
 */

/** The line (of an order still being placed) and what it asks for. */
type LineClaim = { orderId: number | string; lineId: string; variantId: string; quantity: number }

/**
 * Takes a line's quantity off the shelf (only while stock >= quantity, so concurrent checkouts can never
 * take the same unit twice nor go below zero) and records it on the line, in one write. Only while the
 * order is still being placed: an order the recovery removed takes nothing. False when not enough is left.
 */
export const takeLineStock = async (payload: Payload, { orderId, lineId, variantId, quantity }: LineClaim): Promise<boolean> => {
  if (isMongo(payload)) {
    const orders = mongoCollection(payload, 'orders')
    const taken = await mongoCollection(payload, 'products').updateOne(
      { variants: { $elemMatch: { id: variantId, stock: { $gte: quantity } } } },
      { $inc: { 'variants.$.stock': -quantity } },
    )
    if (taken.modifiedCount !== 1) return false
    const recorded = await orders.updateOne(
      { _id: orderId, 'reservation.state': 'placing', 'lines.id': lineId },
      { $set: { 'lines.$.reserved': quantity } },
    )
    if (recorded.modifiedCount === 1) return true
    await returnStock(payload, variantId, quantity)
    return false
  }
  const [taken] = await sqliteBatch(payload, [
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

/**
 * Removes an order that is still being placed and puts back the stock its lines recorded, in one write.
 * False when the order had already left that state (placed, or removed by someone else).
 */
export const discardPlacingOrder = async (payload: Payload, orderId: number | string): Promise<boolean> => {
  if (isMongo(payload)) {
    const order = (await mongoCollection(payload, 'orders').findOneAndDelete({ _id: orderId, 'reservation.state': 'placing' })) as {
      lines?: { variantId?: string; reserved?: number }[]
    } | null
    for (const line of order?.lines ?? []) if (line.variantId) await returnStock(payload, line.variantId, line.reserved ?? 0)
    return order !== null
  }
  const [, removed] = await sqliteBatch(payload, [
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

/** The order, all its stock taken, becomes a reservation. False when it was no longer being placed. */
export const finishPlacing = async (payload: Payload, orderId: number | string): Promise<boolean> => {
  if (isMongo(payload)) {
    const result = await mongoCollection(payload, 'orders').updateOne(
      { _id: orderId, 'reservation.state': 'placing' },
      { $set: { 'reservation.state': 'reserved' } },
    )
    return result.modifiedCount === 1
  }
  const [changed] = await sqliteBatch(payload, [
    { sql: `UPDATE orders SET reservation_state = 'reserved' WHERE id = ?1 AND reservation_state = 'placing'`, args: [orderId] },
  ])
  return changed === 1
}

/** Puts `quantity` of a variant back on the shelf. */
const returnStock = async (payload: Payload, variantId: string, quantity: number): Promise<void> => {
  if (quantity <= 0) return
  if (isMongo(payload)) {
    await mongoCollection(payload, 'products').updateOne({ 'variants.id': variantId }, { $inc: { 'variants.$.stock': quantity } })
    return
  }
  await sqliteBatch(payload, [{ sql: 'UPDATE products_variants SET stock = stock + ?1 WHERE id = ?2', args: [quantity, variantId] }])
}

/** reserved → sold exactly once, whoever gets there first: a webhook or a staff click. True when this caller won. */
export const markSold = async (payload: Payload, orderId: number | string): Promise<boolean> => {
  if (isMongo(payload)) {
    const result = await mongoCollection(payload, 'orders').updateOne(
      { _id: orderId, 'reservation.state': 'reserved' },
      { $set: { 'reservation.state': 'sold' } },
    )
    return result.modifiedCount === 1
  }
  const [changed] = await sqliteBatch(payload, [
    { sql: `UPDATE orders SET reservation_state = 'sold' WHERE id = ?1 AND reservation_state = 'reserved'`, args: [orderId] },
  ])
  return changed === 1
}

/**
 * reserved or sold → released exactly once (a webhook, a staff click or the expiry job), and the stock its
 * lines hold back on the shelf in the same write; the lines then hold nothing. True when this caller released it.
 */
export const releaseReservation = async (
  payload: Payload,
  order: { id: number | string; lines?: { id?: string | null; variantId?: string | null; reserved?: number | null }[] | null },
): Promise<boolean> => {
  if (isMongo(payload)) {
    const orders = mongoCollection(payload, 'orders')
    const result = await orders.updateOne(
      { _id: order.id, 'reservation.state': { $in: ['reserved', 'sold'] } },
      { $set: { 'reservation.state': 'released' } },
    )
    if (result.modifiedCount !== 1) return false
    for (const line of order.lines ?? []) {
      if (!line.variantId) continue
      await returnStock(payload, line.variantId, line.reserved ?? 0)
      await orders.updateOne({ _id: order.id, 'lines.id': line.id }, { $set: { 'lines.$.reserved': 0 } })
    }
    return true
  }
  const [released] = await sqliteBatch(payload, [
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

/**
 * released → sold, taking every tracked line's units off the shelf again in one write, and only when all of
 * them are there (a late payment, or staff packing an order whose hold had lapsed). False when any is short
 * (or the order was not released): then nothing is taken.
 */
export const retakeReservation = async (
  payload: Payload,
  order: { id: number | string; lines?: { id?: string | null; variantId?: string | null; quantity: number }[] | null },
): Promise<boolean> => {
  if (isMongo(payload)) return retakeInMongo(payload, order)
  const tracked = `COALESCE((SELECT p.track_stock FROM products p WHERE p.id = v._parent_id), 1) = 1`
  const wanted = `(SELECT SUM(l.quantity) FROM orders_lines l WHERE l._parent_id = ?1 AND l.variant_id = v.id)`
  const [taken] = await sqliteBatch(payload, [
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

/** MongoDB keeps the shelf and the order in separate documents: line by line, giving back what was taken when one is short. */
const retakeInMongo = async (
  payload: Payload,
  order: { id: number | string; lines?: { id?: string | null; variantId?: string | null; quantity: number }[] | null },
): Promise<boolean> => {
  const products = mongoCollection(payload, 'products')
  const orders = mongoCollection(payload, 'orders')
  const taken: { id?: string | null; variantId: string; quantity: number }[] = []
  for (const line of order.lines ?? []) {
    if (!line.variantId) return false
    if (await products.findOne({ 'variants.id': line.variantId, trackStock: false })) continue
    const result = await products.updateOne(
      { variants: { $elemMatch: { id: line.variantId, stock: { $gte: line.quantity } } } },
      { $inc: { 'variants.$.stock': -line.quantity } },
    )
    if (result.modifiedCount !== 1) {
      for (const back of taken) await returnStock(payload, back.variantId, back.quantity)
      return false
    }
    taken.push({ id: line.id, variantId: line.variantId, quantity: line.quantity })
  }
  const sold = await orders.updateOne({ _id: order.id, 'reservation.state': 'released' }, { $set: { 'reservation.state': 'sold' } })
  if (sold.modifiedCount !== 1) {
    for (const back of taken) await returnStock(payload, back.variantId, back.quantity)
    return false
  }
  for (const line of taken) await orders.updateOne({ _id: order.id, 'lines.id': line.id }, { $set: { 'lines.$.reserved': line.quantity } })
  return true
}

/**
 * Stock changes by conditional writes, outside Payload's hooks: the pages that show these products (and the lists
 * that filter by stock) and the search index (in stock or not) hear of it here.
 */
export const stockMoved = async (payload: Payload, lines: { productId?: number | string | null }[]) => {
  const products = new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))
  await invalidations().invalidate([listTag('products'), ...[...products].map((id) => documentTag('products', id))])
  for (const id of products) await enqueueSync(payload, 'products', id)
}
