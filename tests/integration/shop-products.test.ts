import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../cms/payload-types'
import { createUser, startPayload } from '../support/payload'
import { createProduct } from '../support/shop'

let payload: Payload
let staff: User
beforeAll(async () => {
  payload = await startPayload()
  staff = await createUser(payload, 'editor')
})
afterAll(async () => {
  await payload.destroy()
})

const reload = (id: number) => payload.findByID({ collection: 'products', id, depth: 0, overrideAccess: true })

describe('saving a product', () => {
  it('a save refused for a clash writes nothing: the variants stay', async () => {
    const a = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const b = await createProduct(payload, [
      { price: 20_000, stock: 7, label: 'Kecil' },
      { price: 30_000, stock: 3, label: 'Besar' },
    ])
    const attempts = [
      // Another product's slug.
      { slug: a.slug, variants: [{ sku: 'B-1', price: 1, stock: 1, weight: 100 }] },
      // Another product's variant row (its id), copied from the API.
      { variants: [{ ...a.variants[0] }, { sku: 'B-2', price: 2, stock: 2, weight: 100 }] },
    ]
    for (const data of attempts) {
      await expect(payload.update({ collection: 'products', id: b.id, data, user: staff, overrideAccess: false })).rejects.toMatchObject({
        status: 400,
      })
      const after = await reload(b.id)
      expect(after.slug).toBe(b.slug)
      expect(after.variants.map((v) => [v.label, v.price, v.stock])).toEqual([
        ['Kecil', 20_000, 7],
        ['Besar', 30_000, 3],
      ])
      expect((await reload(a.id)).variants.map((v) => v.stock)).toEqual([5])
    }
  })
})
