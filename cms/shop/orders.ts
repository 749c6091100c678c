import { randomInt } from 'node:crypto'
import type { Payload } from 'payload'
import { atomicStore } from '../instances/atomicStore'
import { instanceId } from '../instances/identity'
import { config } from '../lib/config'
import { DEFAULT_LOCALE, type Locale } from '../lib/messages'
import { translate } from '../messages'
import { witaDate } from '../lib/wita'
import type { Order } from '../payload-types'
import { loadCatalog } from './catalog'
import { hashToken, orderLinkToken } from './orderToken'
import { sendOrderPlaced } from './emails'
import { priceCart, type CartLine, type PricedLine } from './pricing'
import { shippingFee, zoneFor, type ShippingZone } from './shipping'
import { CARD_HOLD_MINUTES } from './stripe'
import { stockMoved } from './stock'
import type { OrderContext } from '../collections/Orders/statusHooks'
import type { ShopMessage } from './messages'
import { isXenditMethod, XENDIT_METHODS, type PaymentMethod } from './statuses'
import { xenditHoldMinutes } from './xendit'
import { idOf } from '../lib/relation'
import { settingsOf } from '../villages/settings'

/**
 * How long reserved stock waits for payment: a card payment outlives its Stripe session, a Xendit payment its
 * code or virtual account; a manual payment
 * is held briefly until the buyer sends a receipt (see attachProof) or staff start packing.
 */
const holdMinutes = (method: PaymentMethod) =>
  method === 'stripe' ? CARD_HOLD_MINUTES : isXenditMethod(method) ? xenditHoldMinutes() : config().shop.unverifiedHoldMinutes

export type CheckoutInput = {
  locale: Locale
  cart: CartLine[]
  buyer: { name: string; email: string; phone: string }
  delivery: { method: 'pickup' | 'courier'; province?: string; city?: string; district?: string; postalCode?: string; street?: string }
  paymentMethod: PaymentMethod
}

type CheckoutRefusal = Extract<ShopMessage, { code: `checkout.${string}` }>
export type CheckoutErrorCode = CheckoutRefusal['code'] extends `checkout.${infer Code}` ? Code : never

/** A checkout the buyer can fix, with the message (`checkout.*` of the shop's catalogue) that tells them how. */
export class CheckoutError extends Error {
  readonly code: CheckoutErrorCode
  constructor(readonly reason: CheckoutRefusal) {
    super(`checkout refused: ${reason.code}`)
    this.code = reason.code.slice('checkout.'.length) as CheckoutErrorCode
  }
}

const NUMBER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** "DD-261122-7KQ4M": readable over the phone, date in WITA, no look-alike characters. */
export const newOrderNumber = (now = new Date()) => {
  const date = witaDate(now).slice(2).replaceAll('-', '')
  const suffix = Array.from({ length: 5 }, () => NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)]).join('')
  return `DD-${date}-${suffix}`
}

/** How buyers may pay the village in scope: its settings switch each method, the install's keys enable the online ones. */
export const enabledPaymentMethods = async (payload: Payload): Promise<PaymentMethod[]> => {
  const settings = await settingsOf(payload, null, { depth: 0 })
  const switches = settings.paymentMethods ?? {}
  const methods: PaymentMethod[] = []
  if (switches.bankTransfer !== false) methods.push('bank-transfer')
  if (switches.qris !== false && (settings.qris?.payload || settings.qrisImage)) methods.push('qris')
  if (switches.cash !== false) methods.push('cash')
  if (config().stripe.secretKey) methods.push('stripe')
  if (config().xendit) methods.push(...XENDIT_METHODS)
  return methods
}

export const listZones = async (payload: Payload, locale: Locale): Promise<ShippingZone[]> => {
  const { docs } = await payload.find({ collection: 'shipping-zones', locale, limit: 100, depth: 0, overrideAccess: false })
  return docs.map((z) => ({ name: z.name, provinces: z.provinces ?? [], baseFee: z.baseFee, perKgFee: z.perKgFee }))
}

/** What a checkout of the village in scope will charge, once every check passed: its priced lines and its delivery fee. */
export type Quote = { priced: ReturnType<typeof priceCart>; fee: number; zoneName?: string }

/**
 * Checks a checkout of the village in scope without writing anything: re-prices the cart from the database and
 * finds the fee in the village's zones. Throws CheckoutError for anything the buyer can fix.
 */
export const quoteOrder = async (payload: Payload, input: CheckoutInput): Promise<Quote> => {
  if (!input.cart.length) throw new CheckoutError({ code: 'checkout.empty' })
  const methods = await enabledPaymentMethods(payload)
  if (!methods.includes(input.paymentMethod)) throw new CheckoutError({ code: 'checkout.methodUnavailable' })
  if (input.paymentMethod === 'cash' && input.delivery.method !== 'pickup') throw new CheckoutError({ code: 'checkout.pickupOnlyCash' })

  const limits = config().shop
  const catalog = await loadCatalog(payload, [...new Set(input.cart.map((l) => l.productId))], input.locale)
  const priced = priceCart(
    input.cart.map(({ seenPrice: _ignored, ...line }) => line),
    catalog,
    limits.maxUnitsPerLine,
  )
  const gone = priced.problems.find((p) => p.kind === 'unavailable')
  if (gone) throw new CheckoutError({ code: 'checkout.unavailable' })
  const short = priced.problems.find((p) => p.kind === 'stockShort')
  if (short && short.kind === 'stockShort') throw new CheckoutError({ code: 'checkout.outOfStock', params: { product: short.title } })
  if (priced.problems.some((p) => p.kind === 'overLimit'))
    throw new CheckoutError({ code: 'checkout.lineLimit', params: { limit: limits.maxUnitsPerLine } })
  if (priced.lines.reduce((n, l) => n + l.quantity, 0) > limits.maxUnitsPerOrder)
    throw new CheckoutError({ code: 'checkout.orderLimit', params: { limit: limits.maxUnitsPerOrder } })

  if (input.delivery.method !== 'courier') return { priced, fee: 0 }
  const zone = zoneFor(await listZones(payload, input.locale), input.delivery.province ?? '')
  if (!zone) throw new CheckoutError({ code: 'checkout.noZone' })
  return { priced, fee: shippingFee(zone, priced.weight), zoneName: zone.name }
}

/**
 * Starts a checkout: re-prices the cart from the database, reserves its stock and creates the pending order.
 * Throws CheckoutError for anything the buyer can fix; nothing is reserved then.
 */
export const placeOrder = async (payload: Payload, input: CheckoutInput, now = new Date()) => {
  const placed = await reserveOrder(payload, input, await quoteOrder(payload, input), now)
  await sendOrderPlaced(payload, placed, placed.accessToken)
  return placed
}

/**
 * Writes the order of a checked checkout (quoteOrder) and takes its stock; no email yet. `checkoutGroup` names the
 * checkout on the regency's portal it is one village's part of.
 *
 * Crash safety: the order is written first, hidden in the 'placing' state and holding nothing; then each
 * line takes its stock and records it on itself in one write; only then does the order become 'reserved'.
 * A kill at any point leaves a 'placing' order whose lines say exactly what to give back (recoverPlacingOrders).
 */
export const reserveOrder = async (
  payload: Payload,
  input: CheckoutInput,
  { priced, fee, zoneName }: Quote,
  now = new Date(),
  checkoutGroup?: string,
): Promise<Order> => {
  const expiresAt = new Date(now.getTime() + holdMinutes(input.paymentMethod) * 60_000)
  const number = newOrderNumber(now)
  const accessToken = orderLinkToken(number)
  const order = await payload.create({
    collection: 'orders',
    overrideAccess: true,
    // Payload's SQLite transactions would serialise concurrent checkouts; the 'placing' state makes this safe.
    disableTransaction: true,
    context: { actor: 'buyer' } satisfies OrderContext,
    data: {
      number,
      accessToken: hashToken(accessToken),
      ...(checkoutGroup ? { checkoutGroup } : {}),
      locale: input.locale,
      paymentMethod: input.paymentMethod,
      paymentStatus: 'pending',
      fulfilmentStatus: 'unfulfilled',
      lines: priced.lines.map((l) => ({
        title: l.title,
        variantLabel: l.variantLabel,
        sku: l.sku,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        weight: l.weight,
        product: l.productId as number,
        variantId: l.variantId,
        producer: l.producerId as number,
        reserved: 0,
      })),
      producers: [...new Set(priced.lines.map((l) => l.producerId))] as number[],
      subtotal: priced.subtotal,
      shippingFee: fee,
      total: priced.subtotal + fee,
      buyer: input.buyer,
      delivery: { ...input.delivery, zone: zoneName },
      reservation: { state: 'placing', expiresAt: expiresAt.toISOString(), instance: instanceId() },
      timeline: [
        {
          at: now.toISOString(),
          by: translate(DEFAULT_LOCALE, { code: 'timeline.byBuyer' }),
          event: translate(DEFAULT_LOCALE, { code: 'timeline.placed' }),
          code: 'placed',
        },
      ],
    },
  })
  await reserveLines(payload, order, priced.lines)
  await stockMoved(payload, priced.lines)
  // The order keeps the token's hash: the buyer's link is built from this return value (its accessToken is the token).
  const placed: Order = {
    ...order,
    accessToken,
    reservation: { ...order.reservation, state: 'reserved' },
    lines: order.lines.map((line, i) => ({ ...line, reserved: priced.lines[i].trackStock ? priced.lines[i].quantity : 0 })),
  }
  return placed
}

/** Takes every line's stock or none of it: on a line that cannot be had, the order goes with what it took. */
const reserveLines = async (payload: Payload, order: Order, lines: PricedLine[]) => {
  const shelf = atomicStore(payload)
  try {
    for (const [i, line] of lines.entries()) {
      if (!line.trackStock) continue
      const claim = { orderId: order.id, lineId: order.lines[i].id!, variantId: line.variantId, quantity: line.quantity }
      if (!(await shelf.takeLineStock(claim))) throw new CheckoutError({ code: 'checkout.outOfStock', params: { product: line.title } })
    }
    if (!(await shelf.advanceReservation(order.id, 'placing')))
      throw new Error(`Order ${order.number} was recovered while it was being placed`)
  } catch (err) {
    await shelf.discardPlacingOrder(order.id)
    throw err
  }
}

/**
 * Orders a checkout left half-placed (the process died, or the database failed mid-way) and created before
 * `before`, except those of the instances in `alive` (still placing them): the stock their lines recorded goes
 * back and they are removed. Returns how many were removed.
 */
export const recoverPlacingOrders = async (payload: Payload, before: Date, alive: string[] = []) => {
  const { docs } = await payload.find({
    collection: 'orders',
    where: {
      and: [
        { 'reservation.state': { equals: 'placing' } },
        { createdAt: { less_than: before.toISOString() } },
        ...(alive.length ? [{ or: [{ 'reservation.instance': { exists: false } }, { 'reservation.instance': { not_in: alive } }] }] : []),
      ],
    },
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  let removed = 0
  for (const order of docs) {
    if (!(await atomicStore(payload).discardPlacingOrder(order.id))) continue
    removed += 1
    await stockMoved(
      payload,
      (order.lines ?? []).map((line) => ({ productId: line.product as number })),
    )
  }
  return removed
}

/** Puts an order's reserved stock back, once, whoever asks first. */
export const releaseOrderStock = async (payload: Payload, order: Pick<Order, 'id' | 'lines'>) => {
  if (!(await atomicStore(payload).releaseReservation(order))) return false
  await stockMoved(
    payload,
    (order.lines ?? []).map((line) => ({ productId: idOf(line.product) })),
  )
  return true
}

/** Marks pending orders whose reservation ran out as expired (their hook releases the stock). */
export const expireReservations = async (payload: Payload, now = new Date()) => {
  const { docs } = await payload.find({
    collection: 'orders',
    where: {
      and: [
        { 'reservation.state': { equals: 'reserved' } },
        { 'reservation.expiresAt': { less_than: now.toISOString() } },
        { paymentStatus: { equals: 'pending' } },
        // Staff packing or handing over an order stop its clock (see lifecycle.ts).
        { fulfilmentStatus: { equals: 'unfulfilled' } },
      ],
    },
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  for (const order of docs) {
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { paymentStatus: 'expired' },
      overrideAccess: true,
      context: { actor: 'system', note: translate(DEFAULT_LOCALE, { code: 'timeline.expired' }) } satisfies OrderContext,
    })
  }
  return docs.length
}
