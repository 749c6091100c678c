import { defineAction } from 'astro:actions'
import { z } from 'astro/zod'
import { addLine, setQuantity, MAX_QUANTITY } from '../../cms/shop/cartCookie'
import { loadCatalog } from '../../cms/shop/catalog'
import { CheckoutError, placeOrder } from '../../cms/shop/orders'
import { startStripeCheckout } from '../../cms/shop/stripe'
import { isEmail } from '../../cms/lib/email'
import { normalizePhone } from '../../cms/lib/phone'
import { PAYMENT_METHODS } from '../../cms/shop/statuses'
import { payload } from '../lib/payload'
import { CART_COOKIE, readCart, writeCart } from '../lib/cart'
import { attachProof } from '../lib/orders'
import { limit, readForm, refuse } from '../lib/refusal'

// Schema issue messages are message codes: a refused post shows each field's own message (see readForm).
const quantity = (min: number) => z.coerce.number().int('error.quantity').min(min, 'error.quantity').max(MAX_QUANTITY, 'error.quantity')

const addition = z.object({ productId: z.coerce.number().int().positive(), variantId: z.string().min(1).max(64), quantity: quantity(1) })
const change = z.object({ variantId: z.string().min(1).max(64), quantity: quantity(0) })
const buyer = z
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
    paymentMethod: z.enum(PAYMENT_METHODS),
  })
  .refine((v) => v.delivery === 'pickup' || (v.province && v.city && v.district && v.street && /^\d{5}$/.test(v.postalCode ?? '')), {
    message: 'error.address',
    path: ['street'],
  })
const proof = z.object({ number: z.string().max(40), token: z.string().max(64), proof: z.instanceof(File, { message: 'error.proof' }) })

export const shop = {
  addToCart: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, addition, { code: 'error.quantity' })
      limit(context, 'cart')
      const catalog = await loadCatalog(await payload(), [input.productId], context.locals.locale)
      const variant = catalog.get(String(input.productId))?.variants.find((v) => v.id === input.variantId)
      if (!variant) return refuse(context, 'NOT_FOUND', { code: 'error.product' })
      // The price is remembered only to tell the buyer later that it changed; it is never charged.
      writeCart(context.cookies, addLine(readCart(context.cookies), { ...input, seenPrice: variant.price }))
      return { added: true }
    },
  }),

  updateCart: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, change, { code: 'error.quantity' })
      limit(context, 'cart')
      writeCart(context.cookies, setQuantity(readCart(context.cookies), input.variantId, input.quantity))
      return { updated: true }
    },
  }),

  checkout: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, buyer, { code: 'checkout.fixErrors' })
      limit(context, 'checkout')
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
      }).catch((err: unknown) => (err instanceof CheckoutError ? refuse(context, 'CONFLICT', err.reason) : Promise.reject(err)))
      if (order.paymentMethod === 'stripe') {
        const url = await startStripeCheckout(await payload(), order, order.accessToken)
        // The cart stays when Stripe cannot be reached, so the buyer can pick another way to pay.
        if (!url) return refuse(context, 'BAD_GATEWAY', { code: 'error.stripe' })
        context.cookies.delete(CART_COOKIE, { path: '/' })
        return { number: order.number, token: order.accessToken, redirect: url }
      }
      context.cookies.delete(CART_COOKIE, { path: '/' })
      return { number: order.number, token: order.accessToken, redirect: null }
    },
  }),

  uploadProof: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const input = readForm(context, form, proof, { code: 'error.proof' })
      limit(context, 'proof')
      const problem = await attachProof(input.number, input.token, input.proof)
      if (problem === 'notFound') return refuse(context, 'NOT_FOUND', { code: 'order.notFound' })
      if (problem) return refuse(context, 'BAD_REQUEST', problem)
      return { uploaded: true }
    },
  }),
}
