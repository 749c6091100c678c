import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { listProducts, parseCatalogQuery } from '../../../site/lib/shop'
import { config } from '../../../cms/lib/config'
import { placeOrder } from '../../../cms/shop/orders'
import { startPayload } from '../../support/payload'
import { checkoutFor } from '../../support/shop'

let payload: Payload
const catalog = (query: string) => listProducts('id', parseCatalogQuery(new URLSearchParams(query)))

beforeAll(async () => {
  payload = await startPayload()
})

describe('the catalog, filtered and sorted by the search engine', () => {
  it('lists every active product, twelve to a page', async () => {
    const active = await payload.count({ collection: 'products', where: { status: { equals: 'active' } } })
    const first = await catalog('')
    expect(first.totalDocs).toBe(active.totalDocs)
    expect(first.docs).toHaveLength(Math.min(12, active.totalDocs))
    const second = await catalog('hal=2')
    expect(second.docs.map((d) => d.id)).not.toContain(first.docs[0].id)
  })

  it('filters by category and producer slugs and by a price range', async () => {
    const category = (await payload.find({ collection: 'product-categories', limit: 1 })).docs[0]
    const inCategory = await catalog(`kategori=${category.slug}`)
    expect(inCategory.totalDocs).toBe(
      (await payload.count({ collection: 'products', where: { category: { equals: category.id }, status: { equals: 'active' } } }))
        .totalDocs,
    )
    const producer = (await payload.find({ collection: 'producers', limit: 1 })).docs[0]
    for (const product of (await catalog(`produsen=${producer.slug}`)).docs)
      expect((product.producer as { slug: string }).slug).toBe(producer.slug)
    const cheap = await catalog('min=10000&max=30000')
    expect(cheap.docs.every((p) => p.price! >= 10_000 && p.price! <= 30_000)).toBe(true)
  })

  it('sorts by price both ways and leaves sold-out products out when asked', async () => {
    const prices = (await catalog('urut=price-asc')).docs.map((p) => p.price!)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
    const descending = (await catalog('urut=price-desc')).docs.map((p) => p.price!)
    expect(descending).toEqual([...descending].sort((a, b) => b - a))
    const everything = (await catalog('')).totalDocs
    const available = await catalog('tersedia=1')
    expect(available.totalDocs).toBeLessThan(everything)
    expect(available.docs.every((p) => p.madeToOrder || p.trackStock === false || (p.variants ?? []).some((v) => v.stock > 0))).toBe(true)
  })
})

describe('stock sold at checkout', () => {
  it("reaches the catalog's availability filter once the queued sync runs", async () => {
    const product = (
      await payload.find({
        collection: 'products',
        where: { status: { equals: 'active' }, trackStock: { equals: true }, madeToOrder: { not_equals: true } },
        limit: 50,
      })
    ).docs // All of its stock in one line, within the shop's cap per line.
      .find((p) => (p.variants ?? []).length === 1 && p.variants[0].stock > 0 && p.variants[0].stock <= config().shop.maxUnitsPerLine)!
    expect((await catalog('tersedia=1&urut=price-asc&hal=1')).totalDocs).toBeGreaterThan(0)
    const before = (await listAll('tersedia=1')).includes(product.id)
    expect(before).toBe(true)
    await placeOrder(payload, checkoutFor(product, product.variants[0].stock))
    await payload.jobs.run({ queue: 'search' })
    expect((await listAll('tersedia=1')).includes(product.id)).toBe(false)
  })
})

const listAll = async (query: string) => {
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const result = await catalog(`${query}&hal=${page}`)
    ids.push(...result.docs.map((d) => d.id))
    if (page >= result.totalPages) return ids
  }
}
