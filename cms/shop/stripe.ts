import type { Payload, Where } from 'payload'
import Stripe from 'stripe'
import { config } from '../lib/config'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'
import type { Order } from '../payload-types'
import { orderLink } from './emails'
import { toStripeAmount } from './money'
import { canMovePayment, type PaymentStatus } from './statuses'

/** Stripe when STRIPE_SECRET_KEY is set; STRIPE_API_URL (tests only) points the SDK at a local fake of Stripe's API. */
export const stripeClient = (): Stripe | null => {
  const { secretKey, apiUrl } = config().stripe
  if (!secretKey) return null
  const connection = apiUrl
    ? { host: apiUrl.hostname, port: Number(apiUrl.port), protocol: apiUrl.protocol === 'http:' ? ('http' as const) : ('https' as const) }
    : {}
  return new Stripe(secretKey, { ...connection, maxNetworkRetries: 1, timeout: 15_000 })
}

/** Stripe's limits on expires_at are 30 minutes to 24 hours; the reservation outlives the session a little. */
const SESSION_MINUTES = 31

/** A Checkout Session built only from the order's database prices; retried calls reuse the same session. */
const createCheckoutSession = async (stripe: Stripe, order: Order, token: string, now = new Date()) => {
  const link = orderLink(order, token)
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.lines.map((l) => ({
    quantity: l.quantity,
    price_data: {
      currency: 'idr',
      unit_amount: toStripeAmount(l.unitPrice),
      product_data: { name: l.variantLabel ? `${l.title} (${l.variantLabel})` : l.title },
    },
  }))
  return stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: lineItems,
      ...(order.shippingFee > 0
        ? {
            shipping_options: [
              {
                shipping_rate_data: {
                  display_name: order.delivery.zone ?? translate(asLocale(order.locale), { code: 'shipping.courier' }),
                  type: 'fixed_amount',
                  fixed_amount: { amount: toStripeAmount(order.shippingFee), currency: 'idr' },
                },
              },
            ],
          }
        : {}),
      locale: asLocale(order.locale),
      customer_email: order.buyer.email,
      client_reference_id: order.number,
      metadata: { orderId: String(order.id), orderNumber: order.number },
      payment_intent_data: { metadata: { orderId: String(order.id), orderNumber: order.number } },
      expires_at: Math.floor(now.getTime() / 1000) + SESSION_MINUTES * 60,
      success_url: link,
      cancel_url: link,
    },
    { idempotencyKey: `checkout-${order.number}` },
  )
}

/**
 * Starts Stripe Checkout for a freshly placed card order and remembers the session. When Stripe cannot be
 * reached the order fails, which puts its reserved stock back.
 */
export const startStripeCheckout = async (payload: Payload, order: Order, token: string) => {
  const stripe = stripeClient()
  if (!stripe) throw new Error('Stripe is not configured')
  try {
    const session = await createCheckoutSession(stripe, order, token)
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { stripeSessionId: session.id },
      overrideAccess: true,
      context: { actor: 'Stripe' },
    })
    return session.url!
  } catch (err) {
    payload.logger.error({ err, order: order.number }, 'Could not start Stripe Checkout')
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { paymentStatus: 'failed' },
      overrideAccess: true,
      context: { actor: 'sistem' },
    })
    return null
  }
}

/** Staff refund a paid card order: the whole payment, once (the idempotency key makes retries safe). */
export const refundOrder = (stripe: Stripe, order: Pick<Order, 'number' | 'stripePaymentIntentId'>) => {
  if (!order.stripePaymentIntentId) throw new Error(`Order ${order.number} has no Stripe payment to refund`)
  return stripe.refunds.create({ payment_intent: order.stripePaymentIntentId }, { idempotencyKey: `refund-${order.number}` })
}

/** The payment status an event asks for, and where to find its order. */
const targetOf = (event: Stripe.Event): { status: PaymentStatus; orderId?: string; paymentIntent?: string } | null => {
  switch (event.type) {
    case 'checkout.session.completed':
      return event.data.object.payment_status === 'paid'
        ? {
            status: 'paid',
            orderId: event.data.object.metadata?.orderId,
            paymentIntent: String(event.data.object.payment_intent ?? '') || undefined,
          }
        : null
    case 'checkout.session.async_payment_succeeded':
      return {
        status: 'paid',
        orderId: event.data.object.metadata?.orderId,
        paymentIntent: String(event.data.object.payment_intent ?? '') || undefined,
      }
    case 'checkout.session.async_payment_failed':
      return { status: 'failed', orderId: event.data.object.metadata?.orderId }
    case 'checkout.session.expired':
      return { status: 'expired', orderId: event.data.object.metadata?.orderId }
    case 'charge.refunded':
      return event.data.object.refunded ? { status: 'refunded', paymentIntent: String(event.data.object.payment_intent ?? '') } : null
    default:
      return null
  }
}

type WebhookResult = { status: number; body: { received: boolean; duplicate?: boolean; ignored?: boolean; error?: string } }

/**
 * Verifies a webhook on its raw body, applies it once (event ids are stored) and only ever moves an
 * order's payment forward, so repeated and out-of-order events are harmless.
 */
export const handleStripeWebhook = async (payload: Payload, rawBody: string, signature: string | null): Promise<WebhookResult> => {
  const secret = config().stripe.webhookSecret
  if (!secret) return { status: 503, body: { received: false, error: 'Stripe webhooks are not configured' } }
  let event: Stripe.Event
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? '', secret)
  } catch {
    return { status: 400, body: { received: false, error: 'Invalid signature' } }
  }
  const seen = await payload.find({
    collection: 'stripe-events',
    where: { eventId: { equals: event.id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (seen.docs.length) return { status: 200, body: { received: true, duplicate: true } }

  const target = targetOf(event)
  let applied = false
  if (target) {
    const where: Where = target.orderId
      ? { id: { equals: Number(target.orderId) } }
      : { stripePaymentIntentId: { equals: target.paymentIntent ?? '-' } }
    const { docs } = await payload.find({ collection: 'orders', where, limit: 1, depth: 0, overrideAccess: true })
    const order = docs[0]
    if (
      order &&
      order.paymentMethod === 'stripe' &&
      canMovePayment(order.paymentStatus, target.status) &&
      order.paymentStatus !== target.status
    ) {
      await payload.update({
        collection: 'orders',
        id: order.id,
        overrideAccess: true,
        context: { actor: 'Stripe', fromStripe: true },
        data: { paymentStatus: target.status, ...(target.paymentIntent ? { stripePaymentIntentId: target.paymentIntent } : {}) },
      })
      applied = true
    }
  }
  try {
    await payload.create({ collection: 'stripe-events', data: { eventId: event.id, type: event.type, applied }, overrideAccess: true })
  } catch {
    // Another delivery of the same event got here first; it was applied at most once thanks to canMovePayment.
  }
  return { status: 200, body: { received: true, ...(applied ? {} : { ignored: true }) } }
}
