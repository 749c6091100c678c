import type { Product } from '../payload-types'

export type Availability = 'inStock' | 'madeToOrder' | 'outOfStock'

/** In stock when stock is not tracked or any variant has units left; made-to-order products are always orderable. */
export const availability = (p: Pick<Product, 'trackStock' | 'madeToOrder' | 'variants'>): Availability =>
  p.madeToOrder ? 'madeToOrder' : p.trackStock === false || (p.variants ?? []).some((v) => v.stock > 0) ? 'inStock' : 'outOfStock'
