import { createHash, timingSafeEqual } from 'node:crypto'
import type { Payload, Where } from 'payload'
import { PaymentRequest as PaymentRequestApi } from 'xendit-node/payment_request'
import type { CreatePaymentRequestRequest } from 'xendit-node/payment_request/apis'
import type { PaymentMethodParameters, PaymentRequest } from 'xendit-node/payment_request/models'
import type { OrderContext } from '../collections/Orders/statusHooks'
import { config } from '../lib/config'
import { DEFAULT_LOCALE } from '../lib/messages'
import { translate } from '../messages'
import type { Order } from '../payload-types'
import { orderLink } from './emails'
import type { ShopMessage } from './messages'
import {
  applyCallback,
  described,
  type CallbackResult,
  type PaymentCallback,
  type PaymentProvider,
  type PaymentStart,
} from './paymentProvider'
import { XENDIT_METHODS, type PaymentStatus, type XenditMethod } from './statuses'
import { settingsOf } from '../villages/settings'

/**
 * A Xendit payment lives as long as a manual payment's stock hold (SHOP_UNVERIFIED_HOLD_MINUTES); the order's
 * stock waits a quarter of an hour longer, so a payment made at the code's last minute still finds its stock.
 */
const GRACE_MINUTES = 15
export const xenditHoldMinutes = () => config().shop.unverifiedHoldMinutes + GRACE_MINUTES

/** How each method is paid at Xendit: a Payment Request of this type and channel. */
const CHANNELS: Record<XenditMethod, { type: 'QR_CODE' | 'VIRTUAL_ACCOUNT' | 'EWALLET'; channel: string }> = {
  'xendit-qris': { type: 'QR_CODE', channel: 'QRIS' },
  'va-bca': { type: 'VIRTUAL_ACCOUNT', channel: 'BCA' },
  'va-bni': { type: 'VIRTUAL_ACCOUNT', channel: 'BNI' },
  'va-bri': { type: 'VIRTUAL_ACCOUNT', channel: 'BRI' },
  'va-mandiri': { type: 'VIRTUAL_ACCOUNT', channel: 'MANDIRI' },
  'va-permata': { type: 'VIRTUAL_ACCOUNT', channel: 'PERMATA' },
  'ewallet-ovo': { type: 'EWALLET', channel: 'OVO' },
  'ewallet-dana': { type: 'EWALLET', channel: 'DANA' },
  'ewallet-shopeepay': { type: 'EWALLET', channel: 'SHOPEEPAY' },
  'ewallet-linkaja': { type: 'EWALLET', channel: 'LINKAJA' },
}

/** Xendit's Payment Request API when XENDIT_SECRET_KEY is set; XENDIT_API_URL (tests) points the SDK at a local fake. */
export const xenditClient = (): PaymentRequestApi | null => {
  const settings = config().xendit
  return settings ? new PaymentRequestApi({ secretKey: settings.secretKey, xenditURL: settings.apiUrl }) : null
}

/** What the buyer pays with, built from the order alone: the exact total, its number as reference, its expiry. */
const paymentMethodOf = (order: Order, method: XenditMethod, link: string, expiresAt: Date): PaymentMethodParameters => {
  const { type, channel } = CHANNELS[method]
  const base = { type, reusability: 'ONE_TIME_USE' as const, referenceId: order.number }
  if (type === 'VIRTUAL_ACCOUNT')
    return {
      ...base,
      virtualAccount: {
        channelCode: channel as 'BCA',
        amount: order.total,
        currency: 'IDR',
        channelProperties: { customerName: order.buyer.name.slice(0, 50), expiresAt },
      },
    }
  if (type === 'QR_CODE') return { ...base, qrCode: { channelCode: 'QRIS', channelProperties: { expiresAt } } }
  return {
    ...base,
    ewallet: {
      channelCode: channel as 'DANA',
      // OVO asks the buyer in its app (by phone number); the others send them to the wallet's page and back here.
      channelProperties:
        channel === 'OVO'
          ? { mobileNumber: order.buyer.phone }
          : { successReturnUrl: link, failureReturnUrl: link, cancelReturnUrl: link, pendingReturnUrl: link },
    },
  }
}

/** What the order's page shows from the created payment. */
const gatewayOf = (created: PaymentRequest, method: XenditMethod, expiresAt: Date): NonNullable<Order['gateway']> => {
  const { type, channel } = CHANNELS[method]
  const redirect = (created.actions ?? []).find((a) => a.url && ['MOBILE', 'WEB', 'DEEPLINK'].includes(a.urlType))?.url ?? null
  const pm = created.paymentMethod
  return {
    provider: 'xendit',
    paymentId: created.id,
    paymentMethodId: pm?.id ?? null,
    channel,
    ...(type === 'VIRTUAL_ACCOUNT'
      ? { kind: 'virtualAccount' as const, code: pm?.virtualAccount?.channelProperties?.virtualAccountNumber ?? null }
      : type === 'QR_CODE'
        ? { kind: 'qrCode' as const, code: pm?.qrCode?.channelProperties?.qrString ?? null }
        : redirect
          ? { kind: 'redirect' as const, url: redirect }
          : { kind: 'app' as const }),
    expiresAt: (pm?.virtualAccount?.channelProperties?.expiresAt ?? pm?.qrCode?.channelProperties?.expiresAt ?? expiresAt).toISOString(),
  }
}

/**
 * Asks Xendit for the payment, once more when the first try got no answer or a server error (a connection the
 * other side had just closed): the same idempotency key cannot make a second payment. A refusal (4xx) is final.
 */
const createOnce = async (client: PaymentRequestApi, request: CreatePaymentRequestRequest) => {
  try {
    return await client.createPaymentRequest(request)
  } catch (err) {
    const status = (err as { status?: unknown }).status
    if (typeof status === 'number' && status < 500) throw err
    return client.createPaymentRequest(request)
  }
}

/**
 * Creates the Xendit payment of a freshly placed order (a retried call reuses it: the idempotency key is the
 * order's number), in the village's sub-account when the settings name one. When Xendit cannot be reached, or
 * answers without what the buyer needs, the order fails and its stock goes back.
 */
export const startXenditPayment = async (payload: Payload, order: Order, token: string): Promise<PaymentStart | null> => {
  const client = xenditClient()
  const method = XENDIT_METHODS.find((m) => m === order.paymentMethod)
  if (!client || !method) throw new Error(`Xendit is not configured for ${order.paymentMethod}`)
  const held = order.reservation?.expiresAt ? new Date(order.reservation.expiresAt) : new Date(Date.now() + xenditHoldMinutes() * 60_000)
  const expiresAt = new Date(held.getTime() - GRACE_MINUTES * 60_000)
  try {
    const subAccount = (await settingsOf(payload, order.village, { depth: 0 })).xendit?.subAccountId?.trim() || null
    const created = await createOnce(client, {
      idempotencyKey: `payment-${order.number}`,
      forUserId: subAccount ?? undefined,
      data: {
        referenceId: order.number,
        amount: order.total,
        currency: 'IDR',
        description: order.number,
        paymentMethod: paymentMethodOf(order, method, orderLink(order, token), expiresAt),
        metadata: { orderId: String(order.id), orderNumber: order.number },
      },
    })
    const gateway = { ...gatewayOf(created, method, expiresAt), subAccount }
    if ((gateway.kind === 'virtualAccount' || gateway.kind === 'qrCode') && !gateway.code)
      throw new Error(`Xendit returned no ${gateway.kind} for ${order.number}`)
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { gateway },
      overrideAccess: true,
      context: { actor: 'xendit' } satisfies OrderContext,
    })
    return { redirect: gateway.kind === 'redirect' ? gateway.url! : null }
  } catch (err) {
    payload.logger.error({ err, order: order.number }, 'Could not create the Xendit payment')
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { paymentStatus: 'failed' },
      overrideAccess: true,
      context: { actor: 'system', note: translate(DEFAULT_LOCALE, { code: 'timeline.xenditUnreachable' }) } satisfies OrderContext,
    })
    return null
  }
}

/** QRIS, virtual accounts and e-wallets through Xendit, as a payment provider. */
export const xenditProvider: PaymentProvider = {
  name: 'Xendit',
  methods: XENDIT_METHODS,
  actor: 'xendit',
  start: startXenditPayment,
  lateMoney: 'flag',
}

/** The part of a callback's body we read (Payment Request API v2: `payment.*` and `payment_method.*` events). */
type XenditCallbackBody = {
  event?: unknown
  /** The Xendit account (business) the payment belongs to: a village's xenPlatform sub-account, or the key owner's. */
  business_id?: unknown
  data?: {
    id?: unknown
    business_id?: unknown
    payment_request_id?: unknown
    payment_method_id?: unknown
    reference_id?: unknown
    amount?: unknown
    currency?: unknown
    status?: unknown
    failure_code?: unknown
    metadata?: { orderId?: unknown } | null
    payment_method?: { id?: unknown } | null
  }
}

const textOf = (value: unknown) => (typeof value === 'string' && value ? value : null)

/**
 * Whether the callback is about the account the order's payment was made in, by the business id Xendit puts in it: a
 * payment in a village's sub-account (kept on the order, even if the village has moved to another since) gets only
 * callbacks naming it; one in the key owner's account, none naming a village's sub-account (the key owner's own
 * business id is not configured here). A callback naming no business is checked by token and payment alone.
 */
const businessProblems = async (payload: Payload, order: Pick<Order, 'gateway'>, body: XenditCallbackBody): Promise<ShopMessage[]> => {
  const got = textOf(body.business_id) ?? textOf(body.data?.business_id)
  if (!got) return []
  const want = order.gateway?.subAccount || null
  if (got === want) return []
  if (!want) {
    const villages = await payload.count({
      collection: 'settings',
      where: { 'xendit.subAccountId': { equals: got } },
      overrideAccess: true,
    })
    if (!villages.totalDocs) return []
  }
  return [{ code: 'xendit.otherBusiness', params: { got, want: want ?? { code: 'stripe.platform' } } }]
}

/** Why a payment does not belong to the order it names. */
const paymentProblems = (order: Pick<Order, 'total' | 'gateway'>, data: NonNullable<XenditCallbackBody['data']>, paid: boolean) => {
  const problems: ShopMessage[] = []
  const none = { code: 'stripe.none' } as const
  const got = textOf(data.payment_request_id)
  if (!got || got !== order.gateway?.paymentId)
    problems.push({
      code: 'xendit.otherPayment',
      params: { got: got ?? none, want: order.gateway?.paymentId ?? { code: 'stripe.noSession' } },
    })
  if (paid && data.currency !== 'IDR') problems.push({ code: 'xendit.otherCurrency', params: { got: textOf(data.currency) ?? none } })
  if (paid && data.amount !== order.total)
    problems.push({ code: 'xendit.otherAmount', params: { got: typeof data.amount === 'number' ? data.amount : none, want: order.total } })
  return problems
}

/** A Xendit callback as the payment port reads it: it concerns an order only from the account of the order's village. */
const callbackOf = (payload: Payload, body: XenditCallbackBody): PaymentCallback => {
  const event = textOf(body.event) ?? 'unknown'
  const data = body.data ?? {}
  const id = textOf(data.id)
  // A retried (or replayed) callback is the same event about the same payment object: that is its delivery id.
  const callback = { eventId: `xendit:${event}:${id ?? 'none'}`, type: event }
  const orderHint: Where[] = Number(data.metadata?.orderId) ? [{ id: { equals: Number(data.metadata?.orderId) } }] : []
  if (event === 'payment_method.expired') {
    // The VA or QR code itself ran out: the payment method's id is the key.
    const methodId = id
    if (!methodId) return { ...callback, change: null }
    return {
      ...callback,
      change: {
        to: 'expired',
        paid: false,
        lookups: [{ 'gateway.paymentMethodId': { equals: methodId } }],
        mismatch: async (order) => described(await businessProblems(payload, order, body)),
      },
    }
  }
  const to: PaymentStatus | null =
    event === 'payment.succeeded' && data.status === 'SUCCEEDED'
      ? 'paid'
      : event === 'payment.failed'
        ? /EXPIRED/.test(String(data.failure_code ?? ''))
          ? 'expired'
          : 'failed'
        : null
  if (!to) return { ...callback, change: null }
  const paymentRequest = textOf(data.payment_request_id)
  return {
    ...callback,
    change: {
      to,
      paid: to === 'paid',
      // The payment request we created is the key; the order id in its metadata only finds an order to tell staff about.
      lookups: [...(paymentRequest ? [{ 'gateway.paymentId': { equals: paymentRequest } }] : []), ...orderHint],
      mismatch: async (order) =>
        described([...(await businessProblems(payload, order, body)), ...paymentProblems(order, data, to === 'paid')]),
    },
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Whether the header is the callback token, compared in constant time (of equal-length digests). */
export const callbackTokenMatches = (given: string | null, expected: string) =>
  given !== null && timingSafeEqual(digest(given), digest(expected))

/**
 * Verifies a callback by its x-callback-token (Xendit's proof of origin) and applies it once through the
 * payment port: anything without the token is refused (401) before the body is read, and no order is touched.
 */
export const handleXenditCallback = async (payload: Payload, rawBody: string, token: string | null): Promise<CallbackResult> => {
  const settings = config().xendit
  if (!settings) return { status: 503, body: { received: false, error: 'Xendit callbacks are not configured' } }
  if (!callbackTokenMatches(token, settings.callbackToken))
    return { status: 401, body: { received: false, error: 'Invalid callback token' } }
  let body: XenditCallbackBody
  try {
    body = JSON.parse(rawBody) as XenditCallbackBody
  } catch {
    return { status: 400, body: { received: false, error: 'Invalid JSON' } }
  }
  if (!body || typeof body !== 'object') return { status: 400, body: { received: false, error: 'Invalid JSON' } }
  return applyCallback(payload, xenditProvider, callbackOf(payload, body))
}
