import type { Payload } from 'payload'
import type { Product } from '../payload-types'
import type { CatalogProduct } from './pricing'
import { idOf } from '../lib/relation'

/** A product as pricing needs it. */
const toCatalogProduct = (p: Product): CatalogProduct => ({
  id: p.id,
  title: p.title,
  slug: p.slug,
  producerId: idOf(p.producer),
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
