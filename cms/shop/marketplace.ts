import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import type { OrderContext } from '../collections/Orders/statusHooks'
import { DEFAULT_LOCALE } from '../lib/messages'
import { translate } from '../messages'
import type { Order } from '../payload-types'
import { inVillage, type VillageRef } from '../villages/current'
import { sendOrderPlaced } from './emails'
import { groupLinkToken } from './orderToken'
import { CheckoutError, enabledPaymentMethods, quoteOrder, reserveOrder, type CheckoutInput, type Quote } from './orders'
import type { CartLine } from './pricing'
import type { PaymentMethod } from './statuses'

/**
 * The regency portal's marketplace: one cart of several villages' products, one checkout, and at placement one order
 * per village, each in that village's scope (its stock, shipping zones, payment details, number and emails), grouped
 * by a checkout group id the buyer's page lists them by.
 */

/**
 * How a portal buyer may pay: the ways paid to the village's own account and confirmed by its staff. A card or an
 * e-wallet sends the buyer to one payment page, and a portal checkout makes one payment per village.
 */
export const PORTAL_METHODS = ['bank-transfer', 'qris', 'cash'] as const satisfies readonly PaymentMethod[]

const isPortalMethod = (method: PaymentMethod): method is (typeof PORTAL_METHODS)[number] =>
  (PORTAL_METHODS as readonly PaymentMethod[]).includes(method)

/** One village's part of a portal cart: the village (as a request for it carries it), its name, its lines. */
export type VillagePart = { village: VillageRef; name: string; cart: CartLine[] }

export type MarketplaceInput = Omit<CheckoutInput, 'cart'> & { parts: VillagePart[] }

/** The ways to pay every one of these villages accepts, in the portal's order. */
export const commonPaymentMethods = async (payload: Payload, villages: VillageRef[]): Promise<PaymentMethod[]> => {
  const each = await Promise.all(villages.map((village) => inVillage(village, () => enabledPaymentMethods(payload))))
  return PORTAL_METHODS.filter((method) => each.every((methods) => methods.includes(method)))
}

/** A refusal of one village's part, naming the village. */
const refusalIn = (part: VillagePart, err: unknown, method: PaymentMethod): unknown => {
  if (!(err instanceof CheckoutError)) return err
  if (err.code === 'methodUnavailable')
    return new CheckoutError({ code: 'checkout.methodNotInVillage', params: { village: part.name, method: { code: `payment.${method}` } } })
  return new CheckoutError({ code: 'checkout.inVillage', params: { village: part.name, reason: err.reason } })
}

/** Cancels an order placed for a checkout that then failed: its stock goes back through the order's lifecycle. */
const cancelPlaced = (payload: Payload, village: VillageRef, order: Order) =>
  inVillage(village, () =>
    payload.update({
      collection: 'orders',
      id: order.id,
      data: { fulfilmentStatus: 'cancelled' },
      overrideAccess: true,
      context: { actor: 'system', note: translate(DEFAULT_LOCALE, { code: 'timeline.groupFailed' }) } satisfies OrderContext,
    }),
  )

/**
 * Places a portal checkout: every village's part is checked first (prices from the database, stock, the village's
 * zones and payment methods), then each village's order is placed in turn. If placing one fails, the orders already
 * placed are cancelled (their stock goes back) and the checkout is refused, naming the village; the buyer is emailed
 * only once every order stands, by each village. Returns the group, its link's token and the orders, in the cart's order.
 */
export const placeMarketplaceOrder = async (payload: Payload, { parts, ...input }: MarketplaceInput, now = new Date()) => {
  const filled = parts.filter((part) => part.cart.length)
  if (!filled.length) throw new CheckoutError({ code: 'checkout.empty' })
  if (!isPortalMethod(input.paymentMethod)) throw new CheckoutError({ code: 'checkout.methodUnavailable' })

  const quotes: Quote[] = []
  for (const part of filled) {
    const checkout = { ...input, cart: part.cart }
    quotes.push(
      await inVillage(part.village, () => quoteOrder(payload, checkout)).catch((err: unknown) => {
        throw refusalIn(part, err, input.paymentMethod)
      }),
    )
  }

  const group = randomBytes(12).toString('base64url')
  const placed: { part: VillagePart; order: Order }[] = []
  for (const [i, part] of filled.entries()) {
    try {
      const order = await inVillage(part.village, () => reserveOrder(payload, { ...input, cart: part.cart }, quotes[i], now, group))
      placed.push({ part, order })
    } catch (err) {
      for (const done of placed) await cancelPlaced(payload, done.part.village, done.order)
      if (err instanceof CheckoutError) throw refusalIn(part, err, input.paymentMethod)
      payload.logger.error({ err, village: part.village.slug }, 'A village order of a portal checkout could not be placed')
      throw new CheckoutError({ code: 'checkout.villageFailed', params: { village: part.name } })
    }
  }
  for (const { part, order } of placed) await inVillage(part.village, () => sendOrderPlaced(payload, order, order.accessToken))
  return { group, token: groupLinkToken(group), orders: placed.map(({ order }) => order) }
}
