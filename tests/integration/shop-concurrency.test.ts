import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckoutError, placeOrder } from '../../cms/shop/orders'
import { startPayload } from '../support/payload'
import { checkoutFor, createProduct } from '../support/shop'
import { setEnvironment } from '../../cms/lib/config'

// A real SQLite file, not :memory:, so concurrent writes go through the same locking as production.
setEnvironment({ DATABASE_URL: `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-shop-')), 'shop.db')}` })

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
})

describe('stock under concurrent checkouts', () => {
  it('50 concurrent checkouts for 5 units → exactly 5 orders, stock 0, never negative', async () => {
    const product = await createProduct(payload, [{ price: 40_000, stock: 5 }])
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => placeOrder(payload, checkoutFor(product, 1))))

    const placed = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(placed).toHaveLength(5)
    expect(refused).toHaveLength(45)
    for (const r of refused) expect(r.reason).toBeInstanceOf(CheckoutError)
    expect(refused.every((r) => (r.reason as CheckoutError).code === 'outOfStock')).toBe(true)

    const orders = await payload.count({ collection: 'orders', where: { 'lines.product': { equals: product.id } }, overrideAccess: true })
    expect(orders.totalDocs).toBe(5)
    const stored = await payload.findByID({ collection: 'products', id: product.id, overrideAccess: true })
    expect(stored.variants[0].stock).toBe(0)
  })

  it('a multi-line checkout takes all its stock or none of it', async () => {
    const product = await createProduct(payload, [
      { price: 10_000, stock: 3 },
      { price: 20_000, stock: 1 },
    ])
    const input = checkoutFor(product, 2)
    input.cart.push({ productId: product.id, variantId: product.variants[1].id!, quantity: 2 })
    await expect(placeOrder(payload, input)).rejects.toMatchObject({ code: 'outOfStock' })
    const stored = await payload.findByID({ collection: 'products', id: product.id, overrideAccess: true })
    expect(stored.variants.map((v) => v.stock)).toEqual([3, 1])
  })
})
