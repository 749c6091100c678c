import { defineAction, type ActionAPIContext } from 'astro:actions'
import { addLine, setQuantity } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { placeMarketplaceOrder } from '../../cms/shop/marketplace'
import { CheckoutError } from '../../cms/shop/orders'
import { isRegencyPortal } from '../../cms/villages/current'
import { payload } from '../lib/payload'
import { clearPortalCart, portalCartParts, readPortalCart, writePortalCart } from '../lib/portalCart'
import { limit, readForm, refuse } from '../lib/refusal'
import { addition, buyer, change, orderDetails, sellable } from './shop'

/** The portal's cart and checkout answer on the regency's hosts only; a village's site has its own. */
const onPortal = (context: ActionAPIContext) => {
  if (!isRegencyPortal()) refuse(context, 'NOT_FOUND', { code: 'error.product' })
}

/** The regency portal's marketplace: one cart of several villages' products, one checkout, one order per village. */
export const portal = {
  addToCart: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      onPortal(context)
      const input = readForm(context, form, addition, { code: 'error.quantity' })
      await limit(context, 'cart')
      // On the portal the catalogue is every active village's products for sale.
      const product = (await loadCatalog(await payload(), [input.productId], context.locals.locale)).get(String(input.productId))
      const variant = product?.variants.find((v) => v.id === input.variantId)
      if (!product || !variant) return refuse(context, 'NOT_FOUND', { code: 'error.product' })
      const max = sellable(product, variant)
      if (max === 0) return refuse(context, 'CONFLICT', { code: 'error.soldOut' })
      const lines = readPortalCart(context.cookies)
      const before = lines.find((l) => l.variantId === input.variantId)?.quantity ?? 0
      writePortalCart(context.cookies, addLine(lines, { ...input, seenPrice: variant.price }, max))
      return { added: product.title, capped: before + input.quantity > max ? max : null }
    },
  }),

  updateCart: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      onPortal(context)
      const input = readForm(context, form, change, { code: 'error.quantity' })
      await limit(context, 'cart')
      const lines = readPortalCart(context.cookies)
      const line = lines.find((l) => l.variantId === input.variantId)
      const product = line && (await loadCatalog(await payload(), [line.productId], context.locals.locale)).get(String(line.productId))
      const variant = product?.variants.find((v) => v.id === input.variantId)
      const max = product && variant ? sellable(product, variant) : 0
      writePortalCart(context.cookies, setQuantity(lines, input.variantId, input.quantity, max))
      return { updated: true, capped: input.quantity > max ? max : null }
    },
  }),

  checkout: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      onPortal(context)
      const input = readForm(context, form, buyer, { code: 'checkout.fixErrors' })
      await limit(context, 'checkout')
      const parts = await portalCartParts(context.cookies)
      // A line whose village left the portal since the cart page: the cart says what changed.
      if (parts.reduce((n, p) => n + p.cart.length, 0) !== readPortalCart(context.cookies).length)
        return refuse(context, 'CONFLICT', { code: 'checkout.unavailable' })
      const placed = await placeMarketplaceOrder(await payload(), { locale: context.locals.locale, parts, ...orderDetails(input) }).catch(
        (err: unknown) => (err instanceof CheckoutError ? refuse(context, 'CONFLICT', err.reason) : Promise.reject(err)),
      )
      clearPortalCart(context.cookies)
      return { group: placed.group, token: placed.token }
    },
  }),
}
