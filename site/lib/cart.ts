import type { AstroCookies } from 'astro'
import { decodeCart, encodeCart, unitCount } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { priceCart, type CartLine } from '../../cms/shop/pricing'
import { config } from '../../cms/lib/config'
import { payloadSecret } from '../../cms/lib/secret'
import { villageBase } from '../../cms/villages/current'
import type { Locale } from '../i18n/locales'
import { payload } from './payload'

export const CART_COOKIE = 'keranjang'
/**
 * The number of units in the cart, readable by the page's script: the header shows it on every page while
 * the cached HTML stays the same for everyone. It says nothing the cart cookie does not (which stays HttpOnly).
 */
export const CART_COUNT_COOKIE = 'keranjang_n'

/** A village served on the regency's host keeps its cart under its own path there, apart from its neighbours'. */
const cookiePath = () => villageBase() || '/'

const cookieOptions = () => ({
  path: cookiePath(),
  sameSite: 'lax' as const,
  secure: config().secureCookies,
  maxAge: 60 * 60 * 24 * 30,
})

export const readCart = (cookies: AstroCookies): CartLine[] => decodeCart(cookies.get(CART_COOKIE)?.value, payloadSecret())

export const writeCart = (cookies: AstroCookies, lines: CartLine[]) => {
  cookies.set(CART_COOKIE, encodeCart(lines, payloadSecret()), { ...cookieOptions(), httpOnly: true })
  cookies.set(CART_COUNT_COOKIE, String(unitCount(lines)), { ...cookieOptions(), httpOnly: false })
}

export const clearCart = (cookies: AstroCookies) => {
  cookies.delete(CART_COOKIE, { path: cookiePath() })
  cookies.delete(CART_COUNT_COOKIE, { path: cookiePath() })
}

/**
 * The cart re-priced from the database on every view, with what changed since each line was added. With
 * `fix` (the cart page), what was shown is settled in the cookie: new prices are remembered, lines that are
 * gone are dropped and quantities are lowered to what can be sold; the checkout page reads without fixing,
 * so it can send the buyer to the cart to see what changed.
 */
export const pricedCart = async (cookies: AstroCookies, locale: Locale, { fix = true } = {}) => {
  const lines = readCart(cookies)
  const catalog = await loadCatalog(await payload(), [...new Set(lines.map((l) => l.productId))], locale)
  const priced = priceCart(lines, catalog, config().shop.maxUnitsPerLine)
  if (!fix || !priced.problems.length) return priced
  const kept = priced.lines.filter((l) => l.sellable > 0).map((l) => ({ ...l, quantity: Math.min(l.quantity, l.sellable) }))
  writeCart(
    cookies,
    kept.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity, seenPrice: l.unitPrice })),
  )
  const fixed = kept.map((l) => ({ ...l, lineTotal: l.unitPrice * l.quantity }))
  return {
    ...priced,
    lines: fixed,
    subtotal: fixed.reduce((sum, l) => sum + l.lineTotal, 0),
    weight: fixed.reduce((sum, l) => sum + l.weight * l.quantity, 0),
  }
}
