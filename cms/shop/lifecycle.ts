import type { Order } from '../payload-types'
import {
  FULFILMENT_STATUSES,
  PAYMENT_STATUSES,
  type Attention,
  gatewayOf,
  type DeliveryMethod,
  type FulfilmentStatus,
  type Gateway,
  type PaymentMethod,
  type PaymentStatus,
} from './statuses'
import type { ShopMessage } from './messages'

/**
 * The order state machine: an order's payment and fulfilment, and whether its units are off the shelf.
 * Every status change of an order goes through `decide`, which says whether it is allowed for who asks,
 * what it does to stock and whether the order then needs a person. Nothing else moves an order's stock
 * after checkout (see orderHooks.ts).
 */

/** Who asks: shop staff in the admin or the API, a gateway's callback (Stripe, Xendit), or the server itself (expiry, a failed start). */
export type Actor = 'staff' | Gateway | 'system'

/**
 * What a transition does to the shelf:
 * - `take`: the units go off the shelf again (a late payment, or packing an order that holds none), only if all are there;
 * - `release`: the units held for the order go back (it was not paid in time, or was cancelled before the goods left);
 * - `restock`: the goods came back after they left (a return, an explicit step);
 * - `none`: the shelf does not change.
 */
export type StockEffect = 'take' | 'release' | 'restock' | 'none'

export type OrderState = {
  payment: PaymentStatus
  fulfilment: FulfilmentStatus
  /** Whether the order's units are off the shelf (reserved or sold), as its reservation records. */
  held: boolean
  method: PaymentMethod
  delivery: DeliveryMethod
}

/** The machine's view of a stored order. */
export const stateOf = (
  order: Pick<Order, 'paymentStatus' | 'fulfilmentStatus' | 'reservation' | 'paymentMethod' | 'delivery'>,
): OrderState => ({
  payment: order.paymentStatus,
  fulfilment: order.fulfilmentStatus,
  held: order.reservation?.state === 'reserved' || order.reservation?.state === 'sold',
  method: order.paymentMethod,
  delivery: order.delivery?.method ?? 'pickup',
})

export type Change = { kind: 'payment'; to: PaymentStatus } | { kind: 'fulfilment'; to: FulfilmentStatus }

export type Refusal =
  | 'notAllowed'
  | 'cardThroughStripe'
  | 'onlyCard'
  | 'throughGateway'
  | 'otherGateway'
  | 'notStaff'
  | 'cancelled'
  | 'unpaid'
  | 'unpaidPickup'
  | 'inProgress'
  | 'nothingToReturn'

export type Decision =
  | {
      allowed: true
      effect: StockEffect
      /** What to do when `take` finds too few units: flag the order (money came in) or refuse the change. */
      whenShort: 'flag' | 'refuse'
      /** The order's attention flag after the change: set, cleared (null) or left as it is (undefined). */
      attention: Attention | null | undefined
    }
  | { allowed: false; refusal: Refusal }

type Rule = {
  kind: Change['kind']
  from: string[]
  to: string
  by: Actor[]
  refuse?: (s: OrderState, actor: Actor) => Refusal | null
  effect: (s: OrderState) => StockEffect
  whenShort?: 'flag' | 'refuse'
  attention?: (s: OrderState) => Attention | null | undefined
}

const closed = (s: OrderState) => s.fulfilment === 'cancelled' || s.fulfilment === 'returned'
/** Goods may be handed over once paid; cash on pickup is paid at the hand-over. */
const payable = (s: OrderState) => s.payment === 'paid' || (s.method === 'cash' && s.payment === 'pending')
const refundDue = (s: OrderState) => (s.payment === 'paid' ? 'refund' : undefined)

/**
 * Money arriving: a card through Stripe, QRIS, a virtual account or an e-wallet through Xendit, anything else
 * confirmed by staff. Late (after expiry) it takes the stock again; staff may take on a Xendit payment that
 * came after its order expired (flagged `late`), never confirm one the gateway still waits for.
 */
const payment: Omit<Rule, 'from'> = {
  kind: 'payment',
  to: 'paid',
  by: ['staff', 'stripe', 'xendit'],
  refuse: (s, actor) => {
    if (actor === 'staff' && s.method === 'stripe') return 'cardThroughStripe'
    if (actor === 'staff' && gatewayOf(s.method) === 'xendit' && s.payment === 'pending') return 'throughGateway'
    if (actor === 'stripe' && s.method !== 'stripe') return 'onlyCard'
    if (actor === 'xendit' && gatewayOf(s.method) !== 'xendit') return 'otherGateway'
    // Staff are told; a card payment that arrives anyway is kept and flagged for a refund (below).
    if (actor === 'staff' && closed(s)) return 'cancelled'
    return null
  },
  effect: (s) => (s.held || closed(s) ? 'none' : 'take'),
  whenShort: 'flag',
  attention: (s) => (closed(s) ? 'refund' : undefined),
}

const RULES: Rule[] = [
  { ...payment, from: ['pending'] },
  { ...payment, from: ['failed', 'expired'] },
  ...(['failed', 'expired'] as const).map((to): Rule => ({
    kind: 'payment',
    from: ['pending'],
    to,
    by: ['stripe', 'xendit', 'system'],
    // An order staff have started to pack or hand over no longer waits on the payment's clock.
    refuse: (s) => (s.fulfilment === 'unfulfilled' || closed(s) ? null : 'inProgress'),
    // A closed order's goods follow its cancellation or return, not its payment.
    effect: (s) => (s.held && !closed(s) ? 'release' : 'none'),
  })),
  // Money only: the stock follows the fulfilment (cancel releases it, a return restocks it).
  { kind: 'payment', from: ['paid'], to: 'refunded', by: ['staff', 'stripe', 'xendit'], effect: () => 'none', attention: () => null },

  {
    kind: 'fulfilment',
    from: ['unfulfilled'],
    to: 'packed',
    by: ['staff'],
    refuse: (s) => (payable(s) ? null : 'unpaid'),
    effect: (s) => (s.held ? 'none' : 'take'),
    whenShort: 'refuse',
    attention: (s) => (s.held ? undefined : null),
  },
  {
    kind: 'fulfilment',
    from: ['unfulfilled', 'packed'],
    to: 'shipped',
    by: ['staff'],
    refuse: (s) => (payable(s) ? null : 'unpaid'),
    effect: (s) => (s.held ? 'none' : 'take'),
    whenShort: 'refuse',
    attention: (s) => (s.held ? undefined : null),
  },
  { kind: 'fulfilment', from: ['packed'], to: 'unfulfilled', by: ['staff'], effect: () => 'none' },
  {
    kind: 'fulfilment',
    from: ['shipped'],
    to: 'delivered',
    by: ['staff'],
    refuse: (s) => (s.payment === 'paid' ? null : 'unpaidPickup'),
    effect: () => 'none',
  },
  {
    kind: 'fulfilment',
    from: ['unfulfilled', 'packed'],
    to: 'cancelled',
    // The server cancels only an order nobody paid or started on: one village's part of a portal checkout that failed.
    by: ['staff', 'system'],
    refuse: (s, actor) => (actor === 'system' && (s.payment !== 'pending' || s.fulfilment !== 'unfulfilled') ? 'inProgress' : null),
    effect: (s) => (s.held ? 'release' : 'none'),
    attention: refundDue,
  },
  {
    kind: 'fulfilment',
    from: ['shipped'],
    to: 'cancelled',
    by: ['staff'],
    // A courier parcel has left the village; a pickup order still waits on the shelf.
    effect: (s) => (s.held && s.delivery === 'pickup' ? 'release' : 'none'),
    attention: refundDue,
  },
  { kind: 'fulfilment', from: ['delivered'], to: 'cancelled', by: ['staff'], effect: () => 'none', attention: refundDue },
  {
    kind: 'fulfilment',
    from: ['shipped', 'delivered', 'cancelled'],
    to: 'returned',
    by: ['staff'],
    // Only goods that left can come back: an order cancelled before that already gave its units back.
    refuse: (s) => (s.held ? null : 'nothingToReturn'),
    effect: () => 'restock',
    attention: refundDue,
  },
]

/** Whether the order still asks its buyer to pay: unpaid, not cancelled, its stock still held. */
export const awaitsPayment = (s: OrderState) => s.payment === 'pending' && !closed(s) && s.held

/** Whether `actor` may make `change` to an order in state `s`, and what follows from it. */
export const decide = (s: OrderState, change: Change, actor: Actor): Decision => {
  const from = change.kind === 'payment' ? s.payment : s.fulfilment
  const rule = RULES.find((r) => r.kind === change.kind && r.to === change.to && r.from.includes(from))
  if (!rule) return { allowed: false, refusal: 'notAllowed' }
  if (!rule.by.includes(actor)) return { allowed: false, refusal: 'notStaff' }
  const refusal = rule.refuse?.(s, actor)
  if (refusal) return { allowed: false, refusal }
  return { allowed: true, effect: rule.effect(s), whenShort: rule.whenShort ?? 'refuse', attention: rule.attention?.(s) }
}

/** The state after a change (the stock part as the effect leaves it when it succeeds). */
export const applied = (s: OrderState, change: Change, effect: StockEffect): OrderState => ({
  ...s,
  ...(change.kind === 'payment' ? { payment: change.to } : { fulfilment: change.to }),
  held: effect === 'take' ? true : effect === 'release' || effect === 'restock' ? false : s.held,
})

/** Every change the machine knows, for listing and testing. */
export const ALL_CHANGES: Change[] = [
  ...PAYMENT_STATUSES.map((to) => ({ kind: 'payment' as const, to })),
  ...FULFILMENT_STATUSES.map((to) => ({ kind: 'fulfilment' as const, to })),
]

/** A status's name as staff read it (a message of the catalogue). */
export const statusName = (change: Change) =>
  change.kind === 'payment' ? ({ code: `paymentStatus.${change.to}` } as const) : ({ code: `fulfilment.${change.to}` } as const)

/** A refusal as staff read it: a message the admin shows in the editor's language. */
export const refusalMessage = (refusal: Refusal, s: OrderState, change: Change): ShopMessage => {
  const to = statusName(change)
  if (refusal === 'notAllowed') {
    const from = statusName(change.kind === 'payment' ? { kind: 'payment', to: s.payment } : { kind: 'fulfilment', to: s.fulfilment })
    return { code: 'lifecycle.notAllowed', params: { from, to } }
  }
  if (refusal === 'notStaff') return { code: 'lifecycle.notStaff', params: { to } }
  return { code: `lifecycle.${refusal}` }
}

/** Too few units on the shelf for a change that needs them (packing an order whose hold had lapsed). */
export const SHORT_MESSAGE: ShopMessage = { code: 'lifecycle.short' }
