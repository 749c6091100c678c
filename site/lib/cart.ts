import type { AstroCookies } from 'astro'
import { decodeCart, encodeCart } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { priceCart, type CartLine } from '../../cms/shop/pricing'
import { config } from '../../cms/lib/config'
import { payloadSecret } from '../../cms/lib/secret'
import type { Locale } from '../i18n/locales'
import { payload } from './payload'

export const CART_COOKIE = 'keranjang'

export const readCart = (cookies: AstroCookies): CartLine[] => decodeCart(cookies.get(CART_COOKIE)?.value, payloadSecret())

export const writeCart = (cookies: AstroCookies, lines: CartLine[]) =>
  cookies.set(CART_COOKIE, encodeCart(lines, payloadSecret()), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config().secureCookies,
    maxAge: 60 * 60 * 24 * 30,
  })

/** The cart re-priced from the database on every view, with what changed since each line was added. */
export const pricedCart = async (cookies: AstroCookies, locale: Locale) => {
  const lines = readCart(cookies)
  const catalog = await loadCatalog(await payload(), [...new Set(lines.map((l) => l.productId))], locale)
  const priced = priceCart(lines, catalog)
  // Once shown, a price change is acknowledged: remember the new price and drop lines that are gone.
  if (priced.problems.length) {
    writeCart(
      cookies,
      priced.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity, seenPrice: l.unitPrice })),
    )
  }
  return priced
}
