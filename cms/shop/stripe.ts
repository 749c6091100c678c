import type { Payload, Where } from 'payload'
import Stripe from 'stripe'
import { config } from '../lib/config'
import { asLocale, DEFAULT_LOCALE } from '../lib/messages'
import { translate } from '../messages'
import type { Order } from '../payload-types'
import { orderLink } from './emails'
import { toStripeAmount } from './money'
import { applyCallback, described, type CallbackResult, type PaymentCallback, type PaymentProvider } from './paymentProvider'
import type { OrderContext } from '../collections/Orders/statusHooks'
import type { ShopMessage } from './messages'
import type { PaymentStatus } from './statuses'
import { stripeAccountOf } from './stripeAccount'

/** Stripe when STRIPE_SECRET_KEY is set; STRIPE_API_URL (tests only) points the SDK at a local fake of Stripe's API. */
export const stripeClient = (): Stripe | null => {
  const { secretKey, apiUrl } = config().stripe
  if (!secretKey) return null
  const connection = apiUrl
    ? { host: apiUrl.hostname, port: Number(apiUrl.port), protocol: apiUrl.protocol === 'http:' ? ('http' as const) : ('https' as const) }
    : {}
  return new Stripe(secretKey, { ...connection, maxNetworkRetries: 1, timeout: 15_000 })
}

/**
 * Stripe lets a Checkout Session expire 30 minutes to 24 hours after it is created: ours lives 31 minutes
 * (a little over the minimum, for clocks that differ), and the card order's stock hold outlives it by a
 * quarter of an hour, so a payment completed at the session's last minute still finds its stock.
 */
const SESSION_MINUTES = 31
export const CARD_HOLD_MINUTES = SESSION_MINUTES + 15

/** The request options of a call about an order of the village on `account` (its connected account, else the platform's). */
const onAccount = (account: string | null, idempotencyKey: string): Stripe.RequestOptions =>
  account ? { idempotencyKey, stripeAccount: account } : { idempotencyKey }

/**
 * A Checkout Session built only from the order's database prices, on the village's connected account when it has
 * one (a direct charge: the village's BUMDes is the merchant of record); retried calls reuse the same session.
 */
const createCheckoutSession = async (stripe: Stripe, order: Order, token: string, account: string | null, now = new Date()) => {
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
    onAccount(account, `checkout-${order.number}`),
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
    const account = await stripeAccountOf(payload, order.village)
    const session = await createCheckoutSession(stripe, order, token, account)
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { stripeSessionId: session.id, stripeAccount: account },
      overrideAccess: true,
      context: { actor: 'stripe' } satisfies OrderContext,
    })
    return session.url!
  } catch (err) {
    payload.logger.error({ err, order: order.number }, 'Could not start Stripe Checkout')
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { paymentStatus: 'failed' },
      overrideAccess: true,
      context: { actor: 'system', note: translate(DEFAULT_LOCALE, { code: 'timeline.stripeUnreachable' }) } satisfies OrderContext,
    })
    return null
  }
}

/**
 * Staff refund a paid card order: the whole payment, once (the idempotency key makes retries safe), from the account
 * it was paid to (the village's connected account its session was made on, or the platform's).
 */
export const refundOrder = (stripe: Stripe, order: Pick<Order, 'number' | 'stripePaymentIntentId' | 'stripeAccount'>) => {
  if (!order.stripePaymentIntentId) throw new Error(`Order ${order.number} has no Stripe payment to refund`)
  return stripe.refunds.create(
    { payment_intent: order.stripePaymentIntentId },
    onAccount(order.stripeAccount || null, `refund-${order.number}`),
  )
}

/** What a Checkout Session event says about its order's payment. */
type SessionEvent = {
  status: PaymentStatus
  session: Stripe.Checkout.Session
  /** Whether the session's amount and currency must equal the order's (money came in). */
  paid: boolean
}

const sessionEventOf = (event: Stripe.Event): SessionEvent | null => {
  switch (event.type) {
    case 'checkout.session.completed':
      // A delayed method (a bank debit) completes unpaid and succeeds later, with its own event.
      return event.data.object.payment_status === 'paid' ? { status: 'paid', session: event.data.object, paid: true } : null
    case 'checkout.session.async_payment_succeeded':
      return { status: 'paid', session: event.data.object, paid: true }
    case 'checkout.session.async_payment_failed':
      return { status: 'failed', session: event.data.object, paid: false }
    case 'checkout.session.expired':
      return { status: 'expired', session: event.data.object, paid: false }
    default:
      return null
  }
}

/**
 * Whether the event comes from the account the order's session was made on (its village's connected account then,
 * even if the village has moved to another since): a connected account's events (through the Connect endpoint) name
 * it in `account`, the platform's own name none.
 */
const accountProblems = (order: Pick<Order, 'stripeAccount'>, event: Stripe.Event): ShopMessage[] => {
  const want = order.stripeAccount || null
  const got = event.account ?? null
  const platform = { code: 'stripe.platform' } as const
  return got === want ? [] : [{ code: 'stripe.otherAccount', params: { got: got ?? platform, want: want ?? platform } }]
}

/** Why a session does not belong to the order it names. */
const sessionProblems = (order: Pick<Order, 'total' | 'stripeSessionId'>, session: Stripe.Checkout.Session, paid: boolean) => {
  const problems: ShopMessage[] = []
  const none = { code: 'stripe.none' } as const
  if (!session.id || session.id !== order.stripeSessionId)
    problems.push({
      code: 'stripe.otherSession',
      params: { got: session.id || none, want: order.stripeSessionId ?? { code: 'stripe.noSession' } },
    })
  if (paid && session.currency !== 'idr') problems.push({ code: 'stripe.otherCurrency', params: { got: session.currency ?? none } })
  if (paid && session.amount_total !== toStripeAmount(order.total))
    problems.push({ code: 'stripe.otherAmount', params: { got: session.amount_total ?? none, want: toStripeAmount(order.total) } })
  return problems
}

/** A Stripe event as the payment port reads it: it concerns an order only from the account of the order's village. */
const callbackOf = (event: Stripe.Event): PaymentCallback => {
  const callback = { eventId: event.id, type: event.type }
  if (event.type === 'charge.refunded') {
    const charge = event.data.object
    if (!charge.refunded || !charge.payment_intent) return { ...callback, change: null }
    return {
      ...callback,
      change: {
        to: 'refunded',
        paid: false,
        lookups: [{ stripePaymentIntentId: { equals: String(charge.payment_intent) } }],
        mismatch: (order) => described(accountProblems(order, event)),
      },
    }
  }
  const target = sessionEventOf(event)
  if (!target) return { ...callback, change: null }
  const { session } = target
  const paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id
  // The session we created is the key; the order id in its metadata only finds an order to tell staff about.
  const lookups: Where[] = [
    ...(session.id ? [{ stripeSessionId: { equals: session.id } }] : []),
    ...(Number(session.metadata?.orderId) ? [{ id: { equals: Number(session.metadata?.orderId) } }] : []),
  ]
  return {
    ...callback,
    change: {
      to: target.status,
      paid: target.paid,
      lookups,
      mismatch: (order) => described([...accountProblems(order, event), ...sessionProblems(order, session, target.paid)]),
      ...(paymentIntent ? { record: { stripePaymentIntentId: paymentIntent } } : {}),
    },
  }
}

/** Cards through Stripe Checkout, as a payment provider. */
export const stripeProvider: PaymentProvider = {
  name: 'Stripe',
  methods: ['stripe'],
  actor: 'stripe',
  start: async (payload, order, token) => {
    const url = await startStripeCheckout(payload, order, token)
    return url ? { redirect: url } : null
  },
  lateMoney: 'take',
}

/** The event, if the signature is one of the endpoints' (the platform's, the Connect endpoint's); null otherwise. */
const verified = (rawBody: string, signature: string, secrets: string[]) => {
  for (const secret of secrets) {
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, secret)
    } catch {
      // Not signed with this endpoint's secret: perhaps with the next one's.
    }
  }
  return null
}

/**
 * Verifies a webhook on its raw body, signed for the platform's endpoint (STRIPE_WEBHOOK_SECRET) or the Connect
 * endpoint that receives the connected accounts' events (STRIPE_CONNECT_WEBHOOK_SECRET), and applies it once
 * through the payment port (see applyCallback): a completed payment must come from the account of the order's
 * village and match the order's session, amount and currency.
 */
export const handleStripeWebhook = async (payload: Payload, rawBody: string, signature: string | null): Promise<CallbackResult> => {
  const { webhookSecret, connectWebhookSecret } = config().stripe
  const secrets = [webhookSecret, connectWebhookSecret].filter((secret): secret is string => Boolean(secret))
  if (!secrets.length) return { status: 503, body: { received: false, error: 'Stripe webhooks are not configured' } }
  const event = verified(rawBody, signature ?? '', secrets)
  if (!event) return { status: 400, body: { received: false, error: 'Invalid signature' } }
  return applyCallback(payload, stripeProvider, callbackOf(event))
}
