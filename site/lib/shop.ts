import { getSearch } from '../../cms/search/sync'
import type { Filter } from '../../cms/search/types'
import type { Product, Producer, ProductCategory } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { asAnonymous, payload } from './payload'
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

export type ProductCard = Pick<
  Product,
  'id' | 'title' | 'slug' | 'price' | 'compareAtPrice' | 'gallery' | 'trackStock' | 'madeToOrder' | 'variants' | 'producer'
>

/**
 * One page of the catalog. Filters and sorting run in the search engine (the same index /cari uses);
 * the cards themselves are read from the database, so prices and stock shown are current.
 */
export const listProducts = async (locale: Locale, q: CatalogQuery) => {
  const and: Filter[] = [{ field: 'locale', op: 'eq', value: locale }]
  if (q.category) and.push({ field: 'categorySlug', op: 'eq', value: q.category })
  if (q.producer) and.push({ field: 'producerSlug', op: 'eq', value: q.producer })
  if (q.min !== undefined) and.push({ field: 'price', op: 'gte', value: q.min })
  if (q.max !== undefined) and.push({ field: 'price', op: 'lte', value: q.max })
  if (q.inStock) and.push({ field: 'inStock', op: 'eq', value: true })
  const engine = await getSearch(await payload())
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

export const listCategories = async (locale: Locale): Promise<ProductCategory[]> =>
  (await (await payload()).find({ collection: 'product-categories', locale, limit: 100, depth: 0, sort: 'title', ...asAnonymous })).docs

export const listProducers = async (locale: Locale): Promise<Producer[]> =>
  (
    await (
      await payload()
    ).find({ collection: 'producers', locale, limit: 200, depth: 0, sort: 'name', select: { name: true, slug: true }, ...asAnonymous })
  ).docs as Producer[]

export const getProduct = async (slug: string, locale: Locale): Promise<Product | null> => {
  const { docs } = await (
    await payload()
  ).find({ collection: 'products', locale, where: { slug: { equals: slug } }, limit: 1, depth: 2, ...asAnonymous })
  return docs[0] ?? null
}

export const relatedProducts = async (productId: number, category: number, locale: Locale): Promise<ProductCard[]> => {
  const { docs } = await (
    await payload()
  ).find({
    collection: 'products',
    locale,
    where: { and: [{ category: { equals: category } }, { id: { not_equals: productId } }] },
    limit: 4,
    depth: 1,
    select: cardSelect,
    ...asAnonymous,
  })
  return docs
}

export const getProducer = async (slug: string, locale: Locale): Promise<Producer | null> => {
  const { docs } = await (
    await payload()
  ).find({ collection: 'producers', locale, where: { slug: { equals: slug } }, limit: 1, depth: 1, ...asAnonymous })
  return docs[0] ?? null
}

export const producerProducts = async (producerId: number, locale: Locale): Promise<ProductCard[]> => {
  const { docs } = await (
    await payload()
  ).find({
    collection: 'products',
    locale,
    where: { producer: { equals: producerId } },
    limit: 48,
    depth: 1,
    select: cardSelect,
    ...asAnonymous,
  })
  return docs
}

export const featuredProducts = async (locale: Locale): Promise<ProductCard[]> => {
  const { docs } = await (
    await payload()
  ).find({ collection: 'products', locale, where: { featured: { equals: true } }, limit: 4, depth: 1, select: cardSelect, ...asAnonymous })
  return docs
}

/** The cards of products an article or episode links to, in the editor's order; inactive ones are left out. */
export const productCards = async (refs: (number | { id: number })[] | null | undefined, locale: Locale): Promise<ProductCard[]> => {
  const ids = (refs ?? []).map((ref) => idOf(ref))
  if (!ids.length) return []
  const { docs } = await (
    await payload()
  ).find({ collection: 'products', locale, where: { id: { in: ids } }, limit: ids.length, depth: 1, select: cardSelect, ...asAnonymous })
  return ids.flatMap((id) => (docs as unknown as ProductCard[]).filter((doc) => doc.id === id))
}

export { availability } from '../../cms/shop/availability'
