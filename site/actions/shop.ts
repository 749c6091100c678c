import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions'
import { z } from 'astro/zod'
import { addLine, setQuantity, MAX_QUANTITY } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { CheckoutError, placeOrder } from '../../cms/shop/orders'
import { startStripeCheckout } from '../../cms/shop/stripe'
import { isEmail } from '../../cms/lib/email'
import { normalizePhone } from '../../cms/lib/phone'
import { PAYMENT_METHODS, type PaymentMethod } from '../../cms/shop/statuses'
import { payload } from '../lib/payload'
import { CART_COOKIE, readCart, writeCart } from '../lib/cart'
import { attachProof } from '../lib/orders'
import { limitRequest, waitMinutes, type Purpose } from '../lib/rateLimit'

const quantity = z.coerce.number().int('error.quantity').min(1, 'error.quantity').max(MAX_QUANTITY, 'error.quantity')

/** The messages of a CheckoutError travel as "key:detail" to the page, which translates them. */
const refuse = (err: unknown): never => {
  if (err instanceof CheckoutError) throw new ActionError({ code: 'CONFLICT', message: `error.${err.code}:${err.detail ?? ''}` })
  throw err
}

/** Over the limit, the page shows "wait N minutes" with what the buyer typed (the middleware answers 429). */
const limit = async (purpose: Purpose, context: ActionAPIContext) => {
  const wait = await limitRequest(context, purpose)
  if (wait) throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: `error.tooMany:${waitMinutes(wait)}` })
}

export const shop = {
  addToCart: defineAction({
    accept: 'form',
    input: z.object({ productId: z.coerce.number().int().positive(), variantId: z.string().min(1).max(64), quantity }),
    handler: async (input, context) => {
      await limit('cart', context)
      const catalog = await loadCatalog(await payload(), [input.productId], context.locals.locale)
      const variant = catalog.get(String(input.productId))?.variants.find((v) => v.id === input.variantId)
      if (!variant) throw new ActionError({ code: 'NOT_FOUND', message: 'error.product:' })
      // The price is remembered only to tell the buyer later that it changed; it is never charged.
      writeCart(context.cookies, addLine(readCart(context.cookies), { ...input, seenPrice: variant.price }))
      return { added: true }
    },
  }),

  updateCart: defineAction({
    accept: 'form',
    input: z.object({
      variantId: z.string().min(1).max(64),
      quantity: z.coerce.number().int('error.quantity').min(0, 'error.quantity').max(MAX_QUANTITY, 'error.quantity'),
    }),
    handler: async (input, context) => {
      await limit('cart', context)
      writeCart(context.cookies, setQuantity(readCart(context.cookies), input.variantId, input.quantity))
      return { updated: true }
    },
  }),

  checkout: defineAction({
    accept: 'form',
    input: z
      .object({
        name: z.string().trim().min(1, 'error.name').max(120, 'error.name'),
        email: z.string().trim().refine(isEmail, 'error.email'),
        phone: z
          .string()
          .trim()
          .refine((v) => normalizePhone(v) !== null, 'error.phone'),
        delivery: z.enum(['pickup', 'courier']),
        province: z.string().trim().max(80).optional(),
        city: z.string().trim().max(80).optional(),
        district: z.string().trim().max(80).optional(),
        postalCode: z.string().trim().max(10).optional(),
        street: z.string().trim().max(500).optional(),
        paymentMethod: z.enum(Object.keys(PAYMENT_METHODS) as [PaymentMethod, ...PaymentMethod[]]),
      })
      .refine((v) => v.delivery === 'pickup' || (v.province && v.city && v.district && v.street && /^\d{5}$/.test(v.postalCode ?? '')), {
        message: 'error.address',
        path: ['street'],
      }),
    handler: async (input, context) => {
      await limit('checkout', context)
      const cart = readCart(context.cookies)
      const order = await placeOrder(await payload(), {
        locale: context.locals.locale,
        cart,
        buyer: { name: input.name, email: input.email.toLowerCase(), phone: normalizePhone(input.phone)! },
        delivery:
          input.delivery === 'pickup'
            ? { method: 'pickup' }
            : {
                method: 'courier',
                province: input.province,
                city: input.city,
                district: input.district,
                postalCode: input.postalCode,
                street: input.street,
              },
        paymentMethod: input.paymentMethod,
      }).catch(refuse)
      if (order.paymentMethod === 'stripe') {
        const url = await startStripeCheckout(await payload(), order, order.accessToken)
        // The cart stays when Stripe cannot be reached, so the buyer can pick another way to pay.
        if (!url) throw new ActionError({ code: 'BAD_GATEWAY', message: 'error.stripe:' })
        context.cookies.delete(CART_COOKIE, { path: '/' })
        return { number: order.number, token: order.accessToken, redirect: url }
      }
      context.cookies.delete(CART_COOKIE, { path: '/' })
      return { number: order.number, token: order.accessToken, redirect: null }
    },
  }),

  uploadProof: defineAction({
    accept: 'form',
    input: z.object({ number: z.string().max(40), token: z.string().max(64), proof: z.instanceof(File, { message: 'error.proof' }) }),
    handler: async (input, context) => {
      await limit('proof', context)
      const problem = await attachProof(input.number, input.token, input.proof, context.locals.locale)
      if (problem === 'notFound') throw new ActionError({ code: 'NOT_FOUND', message: 'order.notFound:' })
      if (problem) throw new ActionError({ code: 'BAD_REQUEST', message: `error.proof:${problem}` })
      return { uploaded: true }
    },
  }),
}
