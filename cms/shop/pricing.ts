/** A line as the cart remembers it: which variant, how many, and the unit price the buyer saw. */
export type CartLine = { productId: number | string; variantId: string; quantity: number; seenPrice?: number }

export type CatalogVariant = { id: string; label?: string | null; sku: string; price: number; stock: number; weight: number }
export type CatalogProduct = {
  id: number | string
  title: string
  slug: string
  producerId: number | string
  trackStock: boolean
  variants: CatalogVariant[]
}

export type PricedLine = {
  productId: number | string
  variantId: string
  title: string
  slug: string
  variantLabel: string
  sku: string
  producerId: number | string
  unitPrice: number
  quantity: number
  weight: number
  lineTotal: number
  trackStock: boolean
  /** How many are on the shelf now (Infinity when stock is not tracked). */
  available: number
  /** How many one line may hold: what is on the shelf, and at most the shop's cap per line. */
  sellable: number
}

type PricingProblem =
  | { kind: 'unavailable'; productId: number | string; variantId: string }
  | { kind: 'priceChanged'; productId: number | string; variantId: string; title: string; was: number; now: number }
  | { kind: 'stockShort'; productId: number | string; variantId: string; title: string; wanted: number; available: number }
  | { kind: 'overLimit'; productId: number | string; variantId: string; title: string; wanted: number; limit: number }

type PricedCart = { lines: PricedLine[]; subtotal: number; weight: number; problems: PricingProblem[] }

/**
 * Prices every cart line from the catalog (the database), never from what the browser sent.
 * Lines whose product or variant is gone are dropped and reported; price and stock changes, and lines over
 * the shop's cap per line, are reported.
 */
export const priceCart = (cart: CartLine[], catalog: Map<string, CatalogProduct>, maxUnitsPerLine = Infinity): PricedCart => {
  const lines: PricedLine[] = []
  const problems: PricingProblem[] = []
  for (const line of cart) {
    const product = catalog.get(String(line.productId))
    const variant = product?.variants.find((v) => v.id === line.variantId)
    if (!product || !variant) {
      problems.push({ kind: 'unavailable', productId: line.productId, variantId: line.variantId })
      continue
    }
    const title = variant.label ? `${product.title} (${variant.label})` : product.title
    if (line.seenPrice !== undefined && line.seenPrice !== variant.price) {
      problems.push({ kind: 'priceChanged', productId: product.id, variantId: variant.id, title, was: line.seenPrice, now: variant.price })
    }
    const available = product.trackStock ? Math.max(0, variant.stock) : Infinity
    if (line.quantity > available) {
      problems.push({ kind: 'stockShort', productId: product.id, variantId: variant.id, title, wanted: line.quantity, available })
    } else if (line.quantity > maxUnitsPerLine) {
      problems.push({
        kind: 'overLimit',
        productId: product.id,
        variantId: variant.id,
        title,
        wanted: line.quantity,
        limit: maxUnitsPerLine,
      })
    }
    lines.push({
      productId: product.id,
      variantId: variant.id,
      title: product.title,
      slug: product.slug,
      variantLabel: variant.label ?? '',
      sku: variant.sku,
      producerId: product.producerId,
      unitPrice: variant.price,
      quantity: line.quantity,
      weight: variant.weight,
      lineTotal: variant.price * line.quantity,
      trackStock: product.trackStock,
      available,
      sellable: Math.min(available, maxUnitsPerLine),
    })
  }
  return {
    lines,
    subtotal: lines.reduce((sum, l) => sum + l.lineTotal, 0),
    weight: lines.reduce((sum, l) => sum + l.weight * l.quantity, 0),
    problems,
  }
}
