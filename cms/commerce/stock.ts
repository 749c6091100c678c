import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { enqueueSync } from '../search/sync'

type SqlRunner = { run: (query: unknown) => Promise<{ rowsAffected: number }> }
type MongoProducts = { updateOne: (filter: object, update: object) => Promise<{ modifiedCount: number }> }

const isMongo = (payload: Payload) => payload.db.name === 'mongoose'

/**
 * Takes `quantity` of a variant off the shelf in ONE conditional write (stock >= quantity), so concurrent
 * checkouts can never take the same unit twice and stock never goes below zero. False when not enough is left.
 */
export const takeStock = async (payload: Payload, variantId: string, quantity: number): Promise<boolean> => {
  if (isMongo(payload)) {
    const products = (payload.db as unknown as { collections: { products: MongoProducts } }).collections.products
    const result = await products.updateOne(
      { variants: { $elemMatch: { id: variantId, stock: { $gte: quantity } } } },
      { $inc: { 'variants.$.stock': -quantity } },
    )
    return result.modifiedCount === 1
  }
  const db = (payload.db as unknown as { drizzle: SqlRunner }).drizzle
  const result = await db.run(sql`UPDATE products_variants SET stock = stock - ${quantity} WHERE id = ${variantId} AND stock >= ${quantity}`)
  return result.rowsAffected === 1
}

/** Puts `quantity` of a variant back on the shelf. */
export const returnStock = async (payload: Payload, variantId: string, quantity: number): Promise<void> => {
  if (quantity <= 0) return
  if (isMongo(payload)) {
    const products = (payload.db as unknown as { collections: { products: MongoProducts } }).collections.products
    await products.updateOne({ 'variants.id': variantId }, { $inc: { 'variants.$.stock': quantity } })
    return
  }
  const db = (payload.db as unknown as { drizzle: SqlRunner }).drizzle
  await db.run(sql`UPDATE products_variants SET stock = stock + ${quantity} WHERE id = ${variantId}`)
}

/**
 * Moves an order's reservation forward exactly once (reserved → sold, reserved or sold → released), whoever
 * gets there first: a webhook, a staff click or the expiry job. True when this caller won the move.
 */
export const settleReservation = async (payload: Payload, orderId: number | string, to: 'sold' | 'released'): Promise<boolean> => {
  const from = to === 'sold' ? ['reserved'] : ['reserved', 'sold']
  if (isMongo(payload)) {
    const orders = (payload.db as unknown as { collections: { orders: MongoProducts } }).collections.orders
    const result = await orders.updateOne({ _id: orderId, 'reservation.state': { $in: from } }, { $set: { 'reservation.state': to } })
    return result.modifiedCount === 1
  }
  const db = (payload.db as unknown as { drizzle: SqlRunner }).drizzle
  const result = await db.run(
    to === 'sold'
      ? sql`UPDATE orders SET reservation_state = 'sold' WHERE id = ${orderId} AND reservation_state = 'reserved'`
      : sql`UPDATE orders SET reservation_state = 'released' WHERE id = ${orderId} AND reservation_state IN ('reserved', 'sold')`,
  )
  return result.rowsAffected === 1
}

/** Stock changes by conditional writes, outside Payload's hooks: the search index (in stock or not) hears of it here. */
export const stockMoved = async (payload: Payload, lines: { productId?: number | string | null }[]) => {
  const products = new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))
  for (const id of products) await enqueueSync(payload, 'products', id)
}
