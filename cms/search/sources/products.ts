import { availability } from '../../shop/availability'
import { priceRange } from '../indexes'
import { richTextToPlain } from './plainText'
import { documentId, type SearchSource } from './types'
import { documentPath } from '../../lib/documentPaths'

const fieldOf = (value: unknown, field: 'title' | 'name' | 'slug'): string =>
  value && typeof value === 'object' && field in value ? String((value as Record<string, unknown>)[field]) : ''

/** Active products: what they are, who makes them, their category, price from, and whether they can be ordered. */
export const productsSource: SearchSource<'products'> = {
  collection: 'products',
  index: 'products',
  depth: 1,
  toDocument: (product, locale) => {
    const price = typeof product.price === 'number' ? product.price : 0
    return {
      id: documentId(product.id, locale),
      locale,
      title: product.title ?? '',
      path: documentPath('products', product.slug),
      summary: product.summary ?? '',
      description: [product.summary, richTextToPlain(product.description)].filter(Boolean).join('\n\n'),
      producer: fieldOf(product.producer, 'name'),
      producerSlug: fieldOf(product.producer, 'slug'),
      category: fieldOf(product.category, 'title'),
      categorySlug: fieldOf(product.category, 'slug'),
      variants: (product.variants ?? []).map((v: { label?: string | null; sku: string }) => v.label || v.sku),
      price,
      priceRange: priceRange(price),
      inStock: availability(product) !== 'outOfStock',
      publishedAt: product.createdAt ?? undefined,
    }
  },
}
