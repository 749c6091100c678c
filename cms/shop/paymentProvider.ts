import type { Payload, Where } from 'payload'
import type { OrderContext } from '../collections/Orders/statusHooks'
import { DEFAULT_LOCALE } from '../lib/messages'
import { isUniqueClash } from '../lib/uniqueClash'
import { translate } from '../messages'
import type { ShopMessage } from './messages'
import { formatRupiah } from './money'
import type { Order } from '../payload-types'
import { decide, stateOf, type Actor } from './lifecycle'
import type { Gateway, PaymentMethod, PaymentStatus } from './statuses'

/**
 * What `start` tells checkout: where the buyer goes next (the provider's page, an e-wallet's), or null when the
 * order's own page shows how to pay (a virtual account's number, a QR code, an app to approve in).
 */
export type PaymentStart = { redirect: string | null }

/**
 * The port every payment provider (a card processor, a local gateway) fits. An adapter does two things:
 * - `start` creates the provider's payment for a freshly placed order and tells where the buyer goes next;
 * - it verifies the provider's callbacks on their raw body (each provider signs differently) and reads each into
 *   a `PaymentCallback`.
 * What a callback does to the order is the same for all of them (`applyCallback`): applied once per delivery id,
 * only forward through the state machine, and never "paid" unless it is the order's payment, amount and currency.
 */
export type PaymentProvider = {
  /** The provider's name in the order's timeline. */
  name: string
  /** The payment methods of the orders it takes (a gateway serves several: QRIS, each bank's virtual account, e-wallets). */
  methods: readonly PaymentMethod[]
  /** Who it is to the state machine and in the order's timeline. */
  actor: Extract<Actor, Gateway>
  /** Creates the payment of a freshly placed order; null when it could not and the order failed. */
  start: (payload: Payload, order: Order, token: string) => Promise<PaymentStart | null>
  /**
   * Money for an order that already expired or failed: `take` revives it (paid, its stock taken again if still
   * there: a card session that completed at its last minute); `flag` leaves it as it is and asks staff (a
   * virtual account or QR paid after the order was given up, whose stock may be sold).
   */
  lateMoney: 'take' | 'flag'
}

/** A verified callback, read: what it says happened to which payment. */
export type PaymentCallback = {
  /** The delivery's id, the same on every retry: a callback is applied once. */
  eventId: string
  /** The provider's name of the event, for the timeline. */
  type: string
  /** What it asks of an order's payment; null when it concerns none. */
  change: {
    to: PaymentStatus
    /** Whether money came in: then the payment must be the order's, in its amount and currency. */
    paid: boolean
    /** Where to look for the order, in turn: the payment id stored on it first; a hint in the metadata only finds an order to tell staff about. */
    lookups: Where[]
    /** Why this payment is not the order's (another payment, amount, currency or account), in words for the timeline; null when it is. */
    mismatch: (order: Order) => Promise<string | null> | string | null
    /** What the order stores with the change (the provider's id of the money, for a refund). */
    record?: Partial<Order>
  } | null
}

/** Why a payment is not the order's, as a `mismatch` answers: the problems in words for the timeline (kept in Indonesian), null for none. */
export const described = (problems: ShopMessage[]) =>
  problems.length ? problems.map((p) => translate(DEFAULT_LOCALE, p)).join('; ') : null

export type CallbackResult = {
  status: number
  body: { received: boolean; duplicate?: boolean; ignored?: boolean; flagged?: boolean; error?: string }
}

type Outcome = 'applied' | 'ignored' | 'flagged'
type Applied = { outcome: Outcome; order?: number }

const findOrder = async (payload: Payload, where: Where) =>
  (await payload.find({ collection: 'orders', where, limit: 1, depth: 0, overrideAccess: true })).docs[0]

const applyChange = async (payload: Payload, provider: PaymentProvider, callback: PaymentCallback): Promise<Applied> => {
  const { change } = callback
  if (!change) return { outcome: 'ignored' }
  let order: Order | undefined
  for (const where of change.lookups) if (!order) order = await findOrder(payload, where)
  if (!order || !provider.methods.includes(order.paymentMethod)) return { outcome: 'ignored' }
  const note = `${provider.name} ${callback.type} (${callback.eventId})`
  const flag = async (attention: 'mismatch' | 'late', why: string): Promise<Applied> => {
    await payload.update({
      collection: 'orders',
      id: order.id,
      overrideAccess: true,
      context: { actor: provider.actor, note: `${note}: ${why}` } satisfies OrderContext,
      data: { attention },
    })
    return { outcome: 'flagged', order: order.id }
  }
  const mismatch = await change.mismatch(order)
  if (mismatch) {
    // Money that does not match never makes an order paid: staff look at it (an expiry of another payment is just old news).
    if (!change.paid) return { outcome: 'ignored', order: order.id }
    return flag('mismatch', mismatch)
  }
  if (order.paymentStatus === change.to) return { outcome: 'ignored', order: order.id }
  // An order given up stays given up: staff decide between a refund and taking the payment on.
  if (change.paid && provider.lateMoney === 'flag' && (order.paymentStatus === 'expired' || order.paymentStatus === 'failed'))
    return flag('late', translate(DEFAULT_LOCALE, { code: 'timeline.latePayment', params: { amount: formatRupiah(order.total) } }))
  if (!decide(stateOf(order), { kind: 'payment', to: change.to }, provider.actor).allowed) return { outcome: 'ignored', order: order.id }
  await payload.update({
    collection: 'orders',
    id: order.id,
    overrideAccess: true,
    context: { actor: provider.actor, note } satisfies OrderContext,
    data: { paymentStatus: change.to, ...change.record },
  })
  return { outcome: 'applied', order: order.id }
}

/**
 * Applies a verified callback once: its delivery id is claimed before anything changes, so a repeated delivery
 * (even a concurrent one) does nothing, and the state machine ignores callbacks that arrive out of order.
 */
export const applyCallback = async (payload: Payload, provider: PaymentProvider, callback: PaymentCallback): Promise<CallbackResult> => {
  let claim: { id: number }
  try {
    claim = await payload.create({
      collection: 'payment-events',
      data: { eventId: callback.eventId, type: callback.type, provider: provider.actor },
      overrideAccess: true,
    })
  } catch (err) {
    if (isUniqueClash(err, 'eventId')) return { status: 200, body: { received: true, duplicate: true } }
    throw err
  }
  let result: Applied
  try {
    result = await applyChange(payload, provider, callback)
  } catch (err) {
    // Not applied: let the provider deliver it again.
    await payload.delete({ collection: 'payment-events', id: claim.id, overrideAccess: true })
    throw err
  }
  const { outcome } = result
  // The order's payment history in the admin lists every event about it, applied or not.
  if (outcome !== 'ignored' || result.order)
    await payload.update({
      collection: 'payment-events',
      id: claim.id,
      data: { applied: outcome === 'applied', outcome, order: result.order ?? null },
      overrideAccess: true,
    })
  return {
    status: 200,
    body: { received: true, ...(outcome === 'ignored' ? { ignored: true } : outcome === 'flagged' ? { flagged: true } : {}) },
  }
}
