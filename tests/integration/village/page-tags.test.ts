import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { invalidations } from '../../../cms/page-cache/invalidations'
import { collectReads } from '../../../cms/page-cache/reads'
import { documentTag, facetTag, listRead, listTag } from '../../../cms/page-cache/tags'
import { idOf } from '../../../cms/lib/relation'
import { getArticle } from '../../../site/lib/news'
import { featuredProducts, getProduct, listProducts, parseCatalogQuery, relatedProducts } from '../../../site/lib/shop'
import { getSettings } from '../../../site/lib/village'
import { startPayload } from '../../support/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

/** The tags a read records, as the server collects them around a page's render. */
const tagsOf = async (read: () => Promise<unknown>) => {
  const { tags, result } = collectReads(read)
  await result
  return [...tags]
}

const firstProduct = async () =>
  (await payload.find({ collection: 'products', where: { status: { equals: 'active' } }, limit: 1, depth: 0 })).docs[0]

describe('what a product page reads, as tags', () => {
  it('the product, its producer, category and photos, not the whole collection', async () => {
    const product = await firstProduct()
    const tags = await tagsOf(() => getProduct(product.slug, 'id'))
    expect(tags).toEqual(
      expect.arrayContaining([
        documentTag('products', product.id),
        documentTag('producers', idOf(product.producer)),
        documentTag('product-categories', idOf(product.category)),
        ...(product.gallery ?? []).map((m) => documentTag('media', idOf(m))),
      ]),
    )
    expect(tags).not.toContain(listTag('products'))
  })

  it('its related products by their category’s list, the home page’s by the featured list, the catalog by every product', async () => {
    const product = await firstProduct()
    const category = idOf(product.category)
    expect(await tagsOf(() => relatedProducts(product.id, category, 'id'))).toContain(facetTag('products', 'category', category))
    expect(await tagsOf(() => featuredProducts('id'))).toContain(facetTag('products', 'featured', true))
    expect(await tagsOf(() => listProducts('id', parseCatalogQuery(new URLSearchParams())))).toContain(listTag('products'))
  })

  it('a slug that finds nothing depends on the collection: a product may be published under it', async () => {
    expect(await tagsOf(() => getProduct('belum-ada', 'id'))).toEqual(listRead(listTag('products'), undefined))
  })

  it("the village's settings, also when they come from memory", async () => {
    const { id } = await getSettings('id')
    expect(await tagsOf(() => getSettings('id'))).toContain(documentTag('settings', id))
  })
})

describe('a save, and the reads kept in memory', () => {
  it('shows a saved product on the next read, and keeps what it did not change', async () => {
    const [product, other] = (await payload.find({ collection: 'products', where: { status: { equals: 'active' } }, limit: 2, depth: 0 }))
      .docs
    const before = await getProduct(other.slug, 'id')
    const mark = invalidations().mark()
    const otherTags = await tagsOf(() => getProduct(other.slug, 'id'))
    await payload.update({
      collection: 'products',
      id: product.id,
      data: { summary: 'Ringkasan baru' },
      locale: 'id',
      overrideAccess: true,
    })
    expect((await getProduct(product.slug, 'id'))?.summary).toBe('Ringkasan baru')
    expect(await getProduct(other.slug, 'id')).toBe(before)
    expect(invalidations().changedSince(otherTags, mark)).toBe(false)
  })

  it('a product withdrawn from sale leaves the related products it was in', async () => {
    const page = await firstProduct()
    const category = idOf(page.category)
    const related = async () => (await relatedProducts(page.id, category, 'id')).map((p) => p.id)
    const [shown] = await related()
    expect(shown).toBeDefined()
    await payload.update({ collection: 'products', id: shown, data: { status: 'archived' }, overrideAccess: true })
    expect(await related()).not.toContain(shown)
  })

  it('an article’s new title shows on its page at once', async () => {
    const article = (await payload.find({ collection: 'news', limit: 1, depth: 0 })).docs[0]
    await getArticle(article.slug, 'id')
    await payload.update({ collection: 'news', id: article.id, data: { title: 'Judul yang baru' }, locale: 'id', overrideAccess: true })
    expect((await getArticle(article.slug, 'id'))?.title).toBe('Judul yang baru')
  })
})
