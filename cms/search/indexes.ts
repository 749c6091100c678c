import type { IndexConfig, SearchDocument } from './types'

/**
 * Every index and the shape of its documents. Sources (sources/*.ts) turn a published CMS document
 * into these fields; a content type without a source yet simply has an empty index.
 *
 * - pages: title, summary, body — the village profile.
 * - products: title, description, producer, category (names, and their slugs for the catalog's filters),
 *   variants; price (integer rupiah), priceRange
 *   (a facet bucket, see priceRange()), inStock.
 * - news: title, excerpt, body, category, tags, publishedAt (ISO date).
 * - episodes: title, notes, transcript, publishedAt.
 * - services: title (the service's name), description, requirements.
 * Every document also has id, locale, village, path and summary (see SearchDocument).
 */
export const INDEXES: IndexConfig[] = [
  {
    name: 'pages',
    searchable: ['title', 'summary', 'body'],
    filterable: [],
    sortable: ['title'],
    facets: [],
    highlight: ['title', 'summary', 'body'],
  },
  {
    name: 'products',
    searchable: ['title', 'producer', 'category', 'variants', 'description'],
    filterable: ['category', 'producer', 'categorySlug', 'producerSlug', 'priceRange', 'inStock', 'price'],
    sortable: ['price', 'title', 'publishedAt'],
    facets: ['category', 'producer', 'priceRange', 'inStock'],
    highlight: ['title', 'description'],
  },
  {
    name: 'news',
    searchable: ['title', 'excerpt', 'tags', 'category', 'body'],
    filterable: ['category', 'tags'],
    sortable: ['publishedAt', 'title'],
    facets: ['category'],
    highlight: ['title', 'excerpt', 'body'],
  },
  {
    name: 'episodes',
    searchable: ['title', 'notes', 'transcript'],
    filterable: [],
    sortable: ['publishedAt', 'title'],
    facets: [],
    highlight: ['title', 'notes', 'transcript'],
  },
  {
    name: 'services',
    searchable: ['title', 'description', 'requirements'],
    filterable: [],
    sortable: ['title'],
    facets: [],
    highlight: ['title', 'description', 'requirements'],
  },
]

/** The document shapes the sources of each index produce (dates as ISO strings, money in integer rupiah). */
export type ProductDocument = SearchDocument & {
  description: string
  producer: string
  category: string
  variants: string[]
  price: number
  priceRange: string
  inStock: boolean
  publishedAt: string
}
export type NewsDocument = SearchDocument & { excerpt: string; body: string; category: string; tags: string[]; publishedAt: string }
export type EpisodeDocument = SearchDocument & { notes: string; transcript: string; publishedAt: string }
export type ServiceDocument = SearchDocument & { description: string; requirements: string }

/** Price buckets of the product facet, in rupiah: [key, lowest price, next bucket's lowest price]. */
export const PRICE_RANGES = [
  ['under-25k', 0, 25_000],
  ['25k-50k', 25_000, 50_000],
  ['50k-100k', 50_000, 100_000],
  ['100k-plus', 100_000, Infinity],
] as const

export const priceRange = (rupiah: number): string => PRICE_RANGES.find(([, low, high]) => rupiah >= low && rupiah < high)![0]
