import type { AstroCookies } from 'astro'
import { decodeCart, encodeCart, unitCount } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { priceCart, type CartLine, type PricedLine } from '../../cms/shop/pricing'
import type { VillagePart } from '../../cms/shop/marketplace'
import { config } from '../../cms/lib/config'
import { idOf } from '../../cms/lib/relation'
import { payloadSecret } from '../../cms/lib/secret'
import { activeVillage } from '../../cms/villages/resolve'
import type { Locale } from '../i18n/locales'
import { payload } from './payload'
import { portalVillages, type PortalVillage } from './portal'

/**
 * The regency portal's cart: lines of several villages' products in one signed cookie, apart from the villages' own
 * carts (`keranjang`, under each village's path), so a village served under /desa/<slug>/ on the same host keeps its own.
 */
export const PORTAL_CART_COOKIE = 'keranjang_portal'
/** The number of units in the portal's cart, for the header's count on pages kept for everyone (see PORTAL_CART_COUNT). */
export const PORTAL_CART_COUNT_COOKIE = 'keranjang_portal_n'

const cookieOptions = { path: '/', sameSite: 'lax' as const, maxAge: 60 * 60 * 24 * 30 }

export const readPortalCart = (cookies: AstroCookies): CartLine[] => decodeCart(cookies.get(PORTAL_CART_COOKIE)?.value, payloadSecret())

export const writePortalCart = (cookies: AstroCookies, lines: CartLine[]) => {
  const secure = config().secureCookies
  cookies.set(PORTAL_CART_COOKIE, encodeCart(lines, payloadSecret()), { ...cookieOptions, secure, httpOnly: true })
  cookies.set(PORTAL_CART_COUNT_COOKIE, String(unitCount(lines)), { ...cookieOptions, secure, httpOnly: false })
}

export const clearPortalCart = (cookies: AstroCookies) => {
  cookies.delete(PORTAL_CART_COOKIE, { path: '/' })
  cookies.delete(PORTAL_CART_COUNT_COOKIE, { path: '/' })
}

/** The village of each product the portal sells (an active product of an active village), by product id. */
const villagesOfProducts = async (ids: (number | string)[]) => {
  if (!ids.length) return new Map<string, number>()
  const { docs } = await (
    await payload()
  ).find({
    collection: 'products',
    where: { id: { in: ids } },
    select: { village: true },
    depth: 0,
    limit: ids.length,
    overrideAccess: false,
  })
  return new Map(docs.flatMap((doc) => (doc.village == null ? [] : [[String(doc.id), idOf(doc.village)] as const])))
}

/** One village's part of the portal's cart, priced from the database. */
export type PortalCartGroup = { village: PortalVillage; lines: PricedLine[]; subtotal: number; weight: number }

/**
 * The portal's cart re-priced from the database, its lines grouped by village in the directory's order, with what
 * changed since each line was added (as the village's cart reports it). With `fix` (the cart page) what was shown is
 * settled in the cookie: new prices remembered, lines gone dropped, quantities lowered to what can be sold.
 */
export const pricedPortalCart = async (cookies: AstroCookies, locale: Locale, { fix = true } = {}) => {
  const lines = readPortalCart(cookies)
  const ids = [...new Set(lines.map((l) => l.productId))]
  const [catalog, owners, villages] = await Promise.all([
    loadCatalog(await payload(), ids, locale),
    villagesOfProducts(ids),
    portalVillages(),
  ])
  const priced = priceCart(lines, catalog, config().shop.maxUnitsPerLine)
  // A product of a village no longer on the portal is gone like a product no longer sold.
  const villageOf = (line: { productId: number | string }) => villages.find((v) => v.id === owners.get(String(line.productId)))
  const listed = priced.lines.filter((l) => villageOf(l))
  const problems = [
    ...priced.problems,
    ...priced.lines
      .filter((l) => !villageOf(l))
      .map((l) => ({ kind: 'unavailable' as const, productId: l.productId, variantId: l.variantId })),
  ]
  const shown =
    fix && problems.length
      ? listed.filter((l) => l.sellable > 0).map((l) => ({ ...l, quantity: Math.min(l.quantity, l.sellable) }))
      : listed
  if (fix && problems.length)
    writePortalCart(
      cookies,
      shown.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity, seenPrice: l.unitPrice })),
    )
  const groups: PortalCartGroup[] = villages.flatMap((village) => {
    const own = shown.filter((l) => villageOf(l) === village).map((l) => ({ ...l, lineTotal: l.unitPrice * l.quantity }))
    if (!own.length) return []
    return [
      {
        village,
        lines: own,
        subtotal: own.reduce((sum, l) => sum + l.lineTotal, 0),
        weight: own.reduce((sum, l) => sum + l.weight * l.quantity, 0),
      },
    ]
  })
  return {
    groups,
    problems,
    units: groups.reduce((n, g) => n + g.lines.reduce((m, l) => m + l.quantity, 0), 0),
    subtotal: groups.reduce((sum, g) => sum + g.subtotal, 0),
  }
}

/** The portal cart's lines as the checkout places them: one part per village, each with the village's scope. */
export const portalCartParts = async (cookies: AstroCookies): Promise<VillagePart[]> => {
  const lines = readPortalCart(cookies)
  const [owners, villages] = await Promise.all([villagesOfProducts([...new Set(lines.map((l) => l.productId))]), portalVillages()])
  const parts: VillagePart[] = []
  for (const village of villages) {
    const cart = lines.filter((l) => owners.get(String(l.productId)) === village.id)
    const ref = cart.length ? await activeVillage(await payload(), village.id) : null
    if (ref) parts.push({ village: ref, name: village.name, cart })
  }
  return parts
}
