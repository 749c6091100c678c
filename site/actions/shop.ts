import { defineAction } from 'astro:actions'
import { z } from 'astro/zod'
import { addLine, setQuantity, MAX_QUANTITY } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { config } from '../../cms/lib/config'
import type { CatalogProduct, CatalogVariant } from '../../cms/shop/pricing'
import { CheckoutError, placeOrder, type CheckoutInput } from '../../cms/shop/orders'
import { providerFor } from '../../cms/shop/providers'
import { isEmail } from '../../cms/lib/email'
import { normalizePhone } from '../../cms/lib/phone'
import { provinceNamed } from '../../cms/shop/provinces'
import { PAYMENT_METHODS } from '../../cms/shop/statuses'
import { payload } from '../lib/payload'
import { clearCart, readCart, writeCart } from '../lib/cart'
import { attachProof, findOrderToken } from '../lib/orders'
import { limit, readForm, refuse } from '../lib/refusal'
import { refund } from '../../cms/lib/rateLimit'

// Schema issue messages are message codes: a refused post shows each field's own message (see readForm).
const quantity = (min: number) => z.coerce.number().int('error.quantity').min(min, 'error.quantity').max(MAX_QUANTITY, 'error.quantity')

export const addition = z.object({
  productId: z.coerce.number().int().positive(),
  variantId: z.string().min(1).max(64),
  quantity: quantity(1),
})
export const change = z.object({ variantId: z.string().min(1).max(64), quantity: quantity(0) })
/** The buyer's contact, delivery and way to pay, as the village's checkout and the portal's post them. */
export const buyer = z
  .object({
    name: z.string({ error: 'error.nameRequired' }).trim().min(1, 'error.nameRequired').max(120, 'error.name'),
    email: z.string({ error: 'error.emailRequired' }).trim().min(1, 'error.emailRequired').refine(isEmail, 'error.email'),
    phone: z
      .string({ error: 'error.phoneRequired' })
      .trim()
      .min(1, 'error.phoneRequired')
      .refine((v) => normalizePhone(v) !== null, 'error.phone'),
    delivery: z.enum(['pickup', 'courier'], { error: 'error.delivery' }),
    province: z.string().trim().max(80).optional(),
    city: z.string().trim().max(80).optional(),
    district: z.string().trim().max(80).optional(),
    postalCode: z.string().trim().max(10).optional(),
    street: z.string().trim().max(500).optional(),
    paymentMethod: z.enum(PAYMENT_METHODS, { error: 'error.paymentMethod' }),
  })
  .superRefine(
    (v, ctx) => {
      if (v?.delivery !== 'courier') return
      // Each missing part of the address is marked at its own field.
      const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
      if (!v.province || !provinceNamed(v.province)) missing('province', 'error.province')
      if (!v.city) missing('city', 'error.city')
      if (!v.district) missing('district', 'error.district')
      if (!/^\d{5}$/.test(v.postalCode ?? '')) missing('postalCode', 'error.postalCode')
      if (!v.street) missing('street', 'error.street')
    },
    // Also when other fields are wrong, so every problem is marked at once.
    { when: () => true },
  )
const lookup = z.object({
  number: z.string({ error: 'error.orderNumber' }).trim().min(1, 'error.orderNumber').max(40, 'error.orderNumber'),
  contact: z.string({ error: 'error.orderContact' }).trim().min(1, 'error.orderContact').max(254, 'error.orderContact'),
})
const proof = z.object({ number: z.string().max(40), token: z.string().max(64), proof: z.instanceof(File, { message: 'error.proof' }) })

/** What a checkout form says of the buyer, the delivery and the way to pay, as an order keeps it. */
export const orderDetails = (input: z.infer<typeof buyer>): Pick<CheckoutInput, 'buyer' | 'delivery' | 'paymentMethod'> => ({
  buyer: { name: input.name, email: input.email.toLowerCase(), phone: normalizePhone(input.phone)! },
  delivery:
    input.delivery === 'pickup'
      ? { method: 'pickup' }
      : {
          method: 'courier',
          province: provinceNamed(input.province ?? '') ?? undefined,
          city: input.city,
          district: input.district,
          postalCode: input.postalCode,
          street: input.street,
        },
  paymentMethod: input.paymentMethod,
})

/** How many of a variant one cart line may hold: what is on the shelf, at most the shop's cap per line. */
export const sellable = (product: CatalogProduct, variant: CatalogVariant) =>
  Math.min(product.trackStock ? Math.max(0, variant.stock) : Infinity, config().shop.maxUnitsPerLine, MAX_QUANTITY)

export const shop = {
  addToCart: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, addition, { code: 'error.quantity' })
      await limit(context, 'cart')
      const catalog = await loadCatalog(await payload(), [input.productId], context.locals.locale)
      const product = catalog.get(String(input.productId))
      const variant = product?.variants.find((v) => v.id === input.variantId)
      if (!product || !variant) return refuse(context, 'NOT_FOUND', { code: 'error.product' })
      const max = sellable(product, variant)
      if (max === 0) return refuse(context, 'CONFLICT', { code: 'error.soldOut' })
      const lines = readCart(context.cookies)
      const before = lines.find((l) => l.variantId === input.variantId)?.quantity ?? 0
      // The price is remembered only to tell the buyer later that it changed; it is never charged.
      writeCart(context.cookies, addLine(lines, { ...input, seenPrice: variant.price }, max))
      return { added: true, capped: before + input.quantity > max ? max : null }
    },
  }),

  updateCart: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, change, { code: 'error.quantity' })
      await limit(context, 'cart')
      const lines = readCart(context.cookies)
      const line = lines.find((l) => l.variantId === input.variantId)
      const product = line && (await loadCatalog(await payload(), [line.productId], context.locals.locale)).get(String(line.productId))
      const variant = product?.variants.find((v) => v.id === input.variantId)
      // A line whose product is gone is dropped by the cart page; here only what can be sold is kept.
      const max = product && variant ? sellable(product, variant) : 0
      writeCart(context.cookies, setQuantity(lines, input.variantId, input.quantity, max))
      return { updated: true, capped: input.quantity > max ? max : null }
    },
  }),

  /** "Hitung ongkir" without JavaScript: the page shows the fee for what was posted, and nothing is ordered. */
  quoteShipping: defineAction({
    accept: 'form',
    handler: () => ({ quoted: true }),
  }),

  checkout: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, buyer, { code: 'checkout.fixErrors' })
      await limit(context, 'checkout')
      const cart = readCart(context.cookies)
      const order = await placeOrder(await payload(), { locale: context.locals.locale, cart, ...orderDetails(input) }).catch(
        (err: unknown) => (err instanceof CheckoutError ? refuse(context, 'CONFLICT', err.reason) : Promise.reject(err)),
      )
      const provider = providerFor(order.paymentMethod)
      if (provider) {
        const started = await provider.start(await payload(), order, order.accessToken)
        // The cart stays when the provider cannot be reached, so the buyer can pick another way to pay.
        if (!started) return refuse(context, 'BAD_GATEWAY', { code: provider.actor === 'stripe' ? 'error.stripe' : 'error.gateway' })
        clearCart(context.cookies)
        // A card or e-wallet page, or the order's own page with the virtual account or QR code.
        return { number: order.number, token: order.accessToken, redirect: started.redirect }
      }
      clearCart(context.cookies)
      return { number: order.number, token: order.accessToken, redirect: null }
    },
  }),

  findOrder: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, lookup, { code: 'checkout.fixErrors' })
      const number = input.number.toUpperCase()
      await limit(context, 'orderLookupAddress', form, { scope: 'network' })
      await limit(context, 'orderLookup', form, { key: number, scope: 'reference' })
      const token = await findOrderToken(number, input.contact)
      if (!token) return refuse(context, 'NOT_FOUND', { code: 'error.orderLookup' })
      // The right contact was no guess.
      await refund(await payload(), 'orderLookup', number)
      return { number, token }
    },
  }),

  uploadProof: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, proof, { code: 'error.proof' })
      await limit(context, 'proof')
      const problem = await attachProof(input.number, input.token, input.proof)
      if (problem === 'notFound') return refuse(context, 'NOT_FOUND', { code: 'order.notFound' })
      if (problem === 'notAwaiting') return refuse(context, 'CONFLICT', { code: 'error.notAwaiting' })
      if (problem === 'byGateway') return refuse(context, 'CONFLICT', { code: 'error.byGateway' })
      if (problem) return refuse(context, 'BAD_REQUEST', problem)
      return { uploaded: true }
    },
  }),
}
