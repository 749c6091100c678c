import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { getSearch, reindexAll } from '../../../cms/search/sync'
import { startPayload } from '../../support/payload'

let payload: Payload

const titlesFound = async (index: string, text: string, locale: 'id' | 'en' = 'id') =>
  (await (await getSearch(payload)).search({ index, text, filter: { field: 'locale', op: 'eq', value: locale } })).hits.map(
    (h) => h.document,
  )

beforeAll(async () => {
  payload = await startPayload()
})

describe('what search finds in the seeded village', () => {
  it('finds news articles by words of their body, stemmed, in both languages, with their categories', async () => {
    const article = (await payload.find({ collection: 'news', limit: 1, depth: 1, locale: 'id' })).docs[0]
    const word = article.title.split(/\s+/).find((w) => w.length > 5)!
    const hits = await titlesFound('news', word)
    expect(hits.map((h) => h.path)).toContain(`/berita/${article.slug}`)
    const hit = hits.find((h) => h.path === `/berita/${article.slug}`)!
    expect(hit.body).toBeTruthy()
    expect(hit.publishedAt).toBe(article.publishedAt)
    const english = (await payload.findByID({ collection: 'news', id: article.id, locale: 'en' })).title
    expect(
      (
        await titlesFound(
          'news',
          english.split(/\s+/).find((w) => w.length > 5)!,
          'en',
        )
      ).map((h) => h.title),
    ).toContain(english)
  })

  it('finds podcast episodes by what is said in their transcript', async () => {
    const episode = (
      await payload.find({ collection: 'episodes', limit: 1, depth: 1, locale: 'id', where: { transcript: { exists: true } } })
    ).docs[0]
    const cues = (episode.transcript as { cues: { text: string }[] }).cues
    const spoken = cues
      .map((c) => c.text)
      .join(' ')
      .split(/\s+/)
      .find((w) => w.length > 7 && !episode.title.toLowerCase().includes(w.toLowerCase()))!
    const hits = await titlesFound('episodes', spoken.replace(/[^\p{L}]/gu, ''))
    expect(hits.map((h) => h.path)).toContain(`/podcast/${episode.slug}`)
  })
})

describe('products and services in search', () => {
  it('finds active products with producer, category, price bucket and availability as facets', async () => {
    const product = (
      await payload.find({ collection: 'products', limit: 1, depth: 1, locale: 'id', where: { status: { equals: 'active' } } })
    ).docs[0]
    const search = await getSearch(payload)
    const result = await search.search({
      index: 'products',
      text: product.title,
      filter: { field: 'locale', op: 'eq', value: 'id' },
      facets: ['category', 'producer', 'priceRange', 'inStock'],
    })
    const hit = result.hits.find((h) => h.document.path === `/produk/${product.slug}`)!.document
    expect(hit.price).toBe(product.price)
    expect(hit.producer).toBe((product.producer as { name: string }).name)
    expect(hit.category).toBe((product.category as { title: string }).title)
    expect(typeof hit.inStock).toBe('boolean')
    expect(Object.keys(result.facets ?? {})).toEqual(expect.arrayContaining(['category', 'producer', 'priceRange', 'inStock']))
  })

  it('says which products are out of stock', async () => {
    const all = await payload.find({ collection: 'products', limit: 100, depth: 0, where: { status: { equals: 'active' } } })
    const soldOut = all.docs.find((p) => p.trackStock !== false && !p.madeToOrder && (p.variants ?? []).every((v) => v.stock === 0))!
    const search = await getSearch(payload)
    const result = await search.search({ index: 'products', text: soldOut.title, filter: { field: 'locale', op: 'eq', value: 'id' } })
    expect(result.hits.find((h) => h.document.path === `/produk/${soldOut.slug}`)!.document.inStock).toBe(false)
  })

  it('finds services by the documents they require', async () => {
    const service =
      (await payload.find({ collection: 'services', limit: 1, locale: 'id', where: { slug: { equals: 'surat-keterangan-domisili' } } }))
        .docs[0] ?? (await payload.find({ collection: 'services', limit: 1, locale: 'id' })).docs[0]
    const hits = await titlesFound('services', service.name)
    expect(hits.map((h) => h.path)).toContain(`/layanan/${service.slug}`)
    expect(hits.find((h) => h.path === `/layanan/${service.slug}`)!.requirements).toBeTruthy()
  })
})

describe('a full rebuild', () => {
  it('leaves no queued document syncs behind: it already indexed the database as it is', async () => {
    const pending = () =>
      payload.count({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: 'searchSync' } }, { completedAt: { exists: false } }] },
      })
    await payload.update({ collection: 'pages', where: {}, data: { order: 20 }, overrideAccess: true })
    expect((await pending()).totalDocs).toBeGreaterThan(0)
    await reindexAll(payload)
    expect((await pending()).totalDocs).toBe(0)
  })
})
