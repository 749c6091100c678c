import type { Payload } from 'payload'
import type { Product } from '../payload-types'
import type { CatalogProduct } from './pricing'

const relationId = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : (value as number | string)

/** A product as pricing needs it. */
export const toCatalogProduct = (p: Product): CatalogProduct => ({
  id: p.id,
  title: p.title,
  slug: p.slug,
  producerId: relationId(p.producer),
  trackStock: p.trackStock !== false,
  variants: (p.variants ?? []).map((v) => ({ id: v.id!, label: v.label, sku: v.sku, price: v.price, stock: v.stock, weight: v.weight })),
})

/** The products of a cart as the public may buy them: active only, read fresh from the database. */
export const loadCatalog = async (payload: Payload, productIds: (number | string)[], locale: 'id' | 'en') => {
  const catalog = new Map<string, CatalogProduct>()
  if (!productIds.length) return catalog
  const { docs } = await payload.find({
    collection: 'products',
    where: { id: { in: productIds } },
    locale,
    depth: 0,
    limit: productIds.length,
    overrideAccess: false,
  })
  for (const p of docs) catalog.set(String(p.id), toCatalogProduct(p))
  return catalog
}
