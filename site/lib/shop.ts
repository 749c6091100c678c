import { getSearch } from '../../cms/search/sync'
import { villageFilter } from '../../cms/search/filters'
import type { Filter } from '../../cms/search/types'
import type { Product, Producer, ProductCategory } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { cachedRead } from '../../cms/page-cache/cachedRead'
import { facetTag, listRead, listTag } from '../../cms/page-cache/tags'
import { recordRead } from '../../cms/page-cache/reads'
import { currentVillage } from '../../cms/villages/current'
import { listZones } from '../../cms/shop/orders'
import { asAnonymous, byKey, listedAs, payload } from './payload'
import { idOf } from '../../cms/lib/relation'

/** The marketplace as an anonymous visitor sees it: active products only (the collection's access rules). */

const PAGE_SIZE = 12
/** Catalog orderings, as the search engine sorts them. */
export const SORTS = {
  newest: { field: 'publishedAt', direction: 'desc' },
  'price-asc': { field: 'price', direction: 'asc' },
  'price-desc': { field: 'price', direction: 'desc' },
} as const
export type SortKey = keyof typeof SORTS

type CatalogQuery = {
  category?: string
  producer?: string
  min?: number
  max?: number
  inStock: boolean
  sort: SortKey
  page: number
}

const wholeNumber = (raw: string | null) => (raw && /^\d{1,12}$/.test(raw) ? Number(raw) : undefined)

/** Reads the catalog's filters from the query string; anything malformed is ignored, never an error. */
export const parseCatalogQuery = (params: URLSearchParams): CatalogQuery => {
  const sort = params.get('urut') ?? 'newest'
  return {
    category: params.get('kategori') || undefined,
    producer: params.get('produsen') || undefined,
    min: wholeNumber(params.get('min')),
    max: wholeNumber(params.get('max')),
    inStock: params.get('tersedia') === '1',
    sort: sort in SORTS ? (sort as SortKey) : 'newest',
    page: Math.max(1, Math.min(wholeNumber(params.get('hal')) ?? 1, 1000)),
  }
}

/** The query string of a catalog view (only what differs from the defaults), for links and pagination. */
export const catalogSearch = (q: CatalogQuery, changes: Partial<CatalogQuery> = {}) => {
  const v = { ...q, ...changes }
  const params = new URLSearchParams()
  if (v.category) params.set('kategori', v.category)
  if (v.producer) params.set('produsen', v.producer)
  if (v.min !== undefined) params.set('min', String(v.min))
  if (v.max !== undefined) params.set('max', String(v.max))
  if (v.inStock) params.set('tersedia', '1')
  if (v.sort !== 'newest') params.set('urut', v.sort)
  if (v.page > 1) params.set('hal', String(v.page))
  const s = params.toString()
  return s ? `?${s}` : ''
}

const cardSelect = {
  title: true,
  slug: true,
  price: true,
  compareAtPrice: true,
  gallery: true,
  trackStock: true,
  madeToOrder: true,
  variants: true,
  producer: true,
} as const

/** What a card shows of the producer and of its first photo's neighbours: not their whole documents. */
const cardPopulate = { producers: { name: true, slug: true } } as const

export type ProductCard = Pick<
  Product,
  'id' | 'title' | 'slug' | 'price' | 'compareAtPrice' | 'gallery' | 'trackStock' | 'madeToOrder' | 'variants' | 'producer'
>

/**
 * One page of the catalog. Filters and sorting run in the search engine (the same index /cari uses);
 * the cards themselves are read from the database, so prices and stock shown are current.
 */
export const listProducts = (locale: Locale, q: CatalogQuery) =>
  cachedRead(`catalog:${locale}:${catalogSearch(q)}`, () => searchCatalog(locale, q))

const searchCatalog = async (locale: Locale, q: CatalogQuery) => {
  // The search engine is no Payload read: the catalog depends on which products exist and what they cost.
  recordRead(...listRead(listTag('products'), currentVillage()?.id))
  const p = await payload()
  const and: Filter[] = [await villageFilter(p), { field: 'locale', op: 'eq', value: locale }]
  if (q.category) and.push({ field: 'categorySlug', op: 'eq', value: q.category })
  if (q.producer) and.push({ field: 'producerSlug', op: 'eq', value: q.producer })
  if (q.min !== undefined) and.push({ field: 'price', op: 'gte', value: q.min })
  if (q.max !== undefined) and.push({ field: 'price', op: 'lte', value: q.max })
  if (q.inStock) and.push({ field: 'inStock', op: 'eq', value: true })
  const engine = await getSearch(p)
  const result = await engine.search({
    index: 'products',
    text: '',
    filter: { and },
    sort: [SORTS[q.sort]],
    page: q.page,
    perPage: PAGE_SIZE,
  })
  const ids = result.hits.map((hit) => Number(hit.document.id.split('_')[0]))
  return { docs: await productCards(ids, locale), totalDocs: result.total, totalPages: Math.ceil(result.total / PAGE_SIZE), page: q.page }
}

export const listCategories = (locale: Locale): Promise<ProductCategory[]> =>
  cachedRead(
    `product-categories:${locale}`,
    async () =>
      (await (await payload()).find({ collection: 'product-categories', locale, limit: 100, depth: 0, sort: 'title', ...asAnonymous }))
        .docs,
  )

export const listProducers = (locale: Locale): Promise<Producer[]> =>
  cachedRead(
    `producers:${locale}`,
    async () =>
      (
        await (
          await payload()
        ).find({ collection: 'producers', locale, limit: 200, depth: 0, sort: 'name', select: { name: true, slug: true }, ...asAnonymous })
      ).docs as Producer[],
  )

/** The shipping zones, for the delivery facts of product pages. */
export const shippingZones = (locale: Locale) => cachedRead(`shipping-zones:${locale}`, async () => listZones(await payload(), locale))

/**
 * One document by id with only the fields a page shows, kept on its own: a product page read again after its
 * product's save reads the product alone, its producer, category and photos stay as they were read.
 */
const keptById = <T>(collection: 'producers' | 'product-categories', id: number, locale: Locale, select: Record<string, true>) =>
  cachedRead(`${collection}:${locale}:${id}`, async () => {
    const { docs } = await (
      await payload()
    ).find({ collection, locale, where: { id: { equals: id } }, limit: 1, depth: 1, select, ...asAnonymous })
    return (docs[0] as T | undefined) ?? null
  })

/** Pictures by id, in one read, in the order asked. */
const keptMedia = (ids: number[]) =>
  ids.length
    ? cachedRead(`media:${ids.join(',')}`, async () => {
        const { docs } = await (
          await payload()
        ).find({ collection: 'media', where: { id: { in: ids } }, limit: ids.length, depth: 0, ...asAnonymous })
        return ids.flatMap((id) => docs.filter((doc) => doc.id === id))
      })
    : Promise.resolve([])

export const getProduct = (slug: string, locale: Locale): Promise<Product | null> =>
  cachedRead(`product:${locale}:${slug}`, async () => {
    const { docs } = await (
      await payload()
    ).find({ collection: 'products', locale, where: { slug: { equals: slug } }, limit: 1, depth: 0, ...asAnonymous, ...byKey })
    const product = docs[0]
    if (!product) return null
    const [producer, category, gallery] = await Promise.all([
      keptById<Producer>('producers', idOf(product.producer), locale, { name: true, slug: true, whatsapp: true, photo: true }),
      keptById<ProductCategory>('product-categories', idOf(product.category), locale, { title: true, slug: true }),
      keptMedia((product.gallery ?? []).map((m) => idOf(m))),
    ])
    return { ...product, producer: producer ?? product.producer, category: category ?? product.category, gallery }
  })

/** Other products of the category, newest first: only a product joining or leaving the category changes which. */
export const relatedProducts = (productId: number, category: number, locale: Locale): Promise<ProductCard[]> =>
  cachedRead(`related:${locale}:${category}:${productId}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'products',
      locale,
      where: { and: [{ category: { equals: category } }, { id: { not_equals: productId } }] },
      limit: 4,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
      ...asAnonymous,
      ...listedAs(facetTag('products', 'category', category)),
    })
    return docs
  })

export const getProducer = (slug: string, locale: Locale): Promise<Producer | null> =>
  cachedRead(`producer:${locale}:${slug}`, async () => {
    const { docs } = await (
      await payload()
    ).find({ collection: 'producers', locale, where: { slug: { equals: slug } }, limit: 1, depth: 1, ...asAnonymous, ...byKey })
    return docs[0] ?? null
  })

export const producerProducts = (producerId: number, locale: Locale): Promise<ProductCard[]> =>
  cachedRead(`producer-products:${locale}:${producerId}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'products',
      locale,
      where: { producer: { equals: producerId } },
      limit: 48,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
      ...asAnonymous,
      ...listedAs(facetTag('products', 'producer', producerId)),
    })
    return docs
  })

export const featuredProducts = (locale: Locale): Promise<ProductCard[]> =>
  cachedRead(`featured:${locale}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'products',
      locale,
      where: { featured: { equals: true } },
      limit: 4,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
      ...asAnonymous,
      ...listedAs(facetTag('products', 'featured', true)),
    })
    return docs
  })

/** The cards of products an article or episode links to, in the editor's order; inactive ones are left out. */
export const productCards = (refs: (number | { id: number })[] | null | undefined, locale: Locale): Promise<ProductCard[]> => {
  const ids = (refs ?? []).map((ref) => idOf(ref))
  if (!ids.length) return Promise.resolve([])
  return cachedRead(`cards:${locale}:${ids.join(',')}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'products',
      locale,
      where: { id: { in: ids } },
      limit: ids.length,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
      ...asAnonymous,
    })
    return ids.flatMap((id) => (docs as unknown as ProductCard[]).filter((doc) => doc.id === id))
  })
}

export { availability } from '../../cms/shop/availability'
