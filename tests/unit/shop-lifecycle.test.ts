import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../cms/lib/messages'
import { translate } from '../../cms/messages'
import {
  ALL_CHANGES,
  applied,
  decide,
  refusalMessage,
  type Actor,
  type Change,
  type OrderState,
  type StockEffect,
} from '../../cms/shop/lifecycle'
import {
  FULFILMENT_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type FulfilmentStatus,
  type PaymentMethod,
  type PaymentStatus,
} from '../../cms/shop/statuses'

/** "pending unfulfilled held transfer courier": an order's state in one line. */
const state = (text: string): OrderState => {
  const [payment, fulfilment, held, method, delivery] = text.split(' ')
  return {
    payment: payment as PaymentStatus,
    fulfilment: fulfilment as FulfilmentStatus,
    held: held === 'held',
    method: (method === 'transfer' ? 'bank-transfer' : method === 'card' ? 'stripe' : method) as PaymentMethod,
    delivery: delivery as 'pickup' | 'courier',
  }
}
const change = (text: string): Change => {
  const [kind, to] = text.split('→').map((s) => s.trim())
  return kind === 'payment' ? { kind, to: to as PaymentStatus } : { kind: 'fulfilment', to: to as FulfilmentStatus }
}

type Row = [
  from: string,
  change: string,
  actor: Actor,
  expected: StockEffect | `refused:${string}` | `${StockEffect} ${'+' | '-'}${string}`,
]

/**
 * Every transition of the order state machine with its stock effect (and the flag it raises), and the
 * refusals that matter. Read a row as: an order in this state, this change, asked by this actor → what happens.
 */
const TABLE: Row[] = [
  // Money comes in while the stock is held: the reservation becomes a sale, the shelf does not move.
  ['pending unfulfilled held transfer courier', 'payment → paid', 'staff', 'none'],
  ['pending unfulfilled held card courier', 'payment → paid', 'stripe', 'none'],
  ['pending packed held cash pickup', 'payment → paid', 'staff', 'none'],
  ['pending unfulfilled held card courier', 'payment → paid', 'staff', 'refused:cardThroughStripe'],
  ['pending unfulfilled held transfer courier', 'payment → paid', 'stripe', 'refused:onlyCard'],
  ['pending unfulfilled held transfer courier', 'payment → paid', 'system', 'refused:notStaff'],
  // Xendit confirms its own methods (QRIS, virtual accounts, e-wallets), only those; staff only take on one that came after expiry.
  ['pending unfulfilled held va-bca courier', 'payment → paid', 'xendit', 'none'],
  ['pending unfulfilled held ewallet-dana pickup', 'payment → paid', 'xendit', 'none'],
  ['pending unfulfilled held va-bca courier', 'payment → paid', 'staff', 'refused:throughGateway'],
  ['expired unfulfilled released va-bca courier', 'payment → paid', 'staff', 'take'],
  ['pending unfulfilled held transfer courier', 'payment → paid', 'xendit', 'refused:otherGateway'],
  ['pending unfulfilled held card courier', 'payment → paid', 'xendit', 'refused:otherGateway'],
  ['pending unfulfilled held xendit-qris courier', 'payment → paid', 'stripe', 'refused:onlyCard'],
  ['pending unfulfilled held xendit-qris courier', 'payment → expired', 'xendit', 'release'],
  ['pending unfulfilled held va-mandiri courier', 'payment → failed', 'xendit', 'release'],
  // A cancelled order never asks to be paid: staff are refused; card money that arrives anyway is flagged for a refund.
  ['pending cancelled released transfer courier', 'payment → paid', 'staff', 'refused:cancelled'],
  ['pending cancelled released card courier', 'payment → paid', 'stripe', 'none +refund'],
  ['expired cancelled released card courier', 'payment → paid', 'stripe', 'none +refund'],
  // Late payment after the hold ran out: the stock is taken again (or the order is flagged when it is gone).
  ['expired unfulfilled released transfer courier', 'payment → paid', 'staff', 'take'],
  ['expired unfulfilled released card courier', 'payment → paid', 'stripe', 'take'],
  ['failed unfulfilled released card courier', 'payment → paid', 'stripe', 'take'],
  // No payment in time: the hold goes back to the shelf.
  ['pending unfulfilled held card courier', 'payment → failed', 'stripe', 'release'],
  ['pending unfulfilled held card courier', 'payment → failed', 'system', 'release'],
  ['pending unfulfilled held transfer courier', 'payment → expired', 'system', 'release'],
  ['pending unfulfilled held card courier', 'payment → expired', 'stripe', 'release'],
  ['pending cancelled released card courier', 'payment → expired', 'stripe', 'none'],
  ['pending packed held cash pickup', 'payment → expired', 'system', 'refused:inProgress'],
  ['pending unfulfilled held transfer courier', 'payment → expired', 'staff', 'refused:notStaff'],
  // Refunds are money only (and clear the flag).
  ['paid cancelled released transfer courier', 'payment → refunded', 'staff', 'none -flag'],
  ['paid delivered held card courier', 'payment → refunded', 'stripe', 'none -flag'],
  ['paid unfulfilled held card courier', 'payment → refunded', 'system', 'refused:notStaff'],
  // Payments never go back.
  ['paid unfulfilled held transfer courier', 'payment → pending', 'staff', 'refused:notAllowed'],
  ['paid unfulfilled held card courier', 'payment → failed', 'stripe', 'refused:notAllowed'],
  ['paid unfulfilled held card courier', 'payment → expired', 'stripe', 'refused:notAllowed'],
  ['refunded cancelled released card courier', 'payment → paid', 'stripe', 'refused:notAllowed'],
  ['expired unfulfilled released transfer courier', 'payment → failed', 'system', 'refused:notAllowed'],

  // Packing and shipping need payment (cash on pickup pays at the hand-over) and the goods.
  ['paid unfulfilled held transfer courier', 'fulfilment → packed', 'staff', 'none'],
  ['pending unfulfilled held cash pickup', 'fulfilment → packed', 'staff', 'none'],
  ['pending unfulfilled held transfer courier', 'fulfilment → packed', 'staff', 'refused:unpaid'],
  ['expired unfulfilled released transfer courier', 'fulfilment → packed', 'staff', 'refused:unpaid'],
  ['paid unfulfilled released card courier', 'fulfilment → packed', 'staff', 'take -flag'],
  ['paid packed held transfer courier', 'fulfilment → shipped', 'staff', 'none'],
  ['paid unfulfilled held transfer courier', 'fulfilment → shipped', 'staff', 'none'],
  ['pending packed held cash pickup', 'fulfilment → shipped', 'staff', 'none'],
  ['paid packed held transfer courier', 'fulfilment → unfulfilled', 'staff', 'none'],
  ['paid shipped held transfer courier', 'fulfilment → delivered', 'staff', 'none'],
  ['pending shipped held cash pickup', 'fulfilment → delivered', 'staff', 'refused:unpaidPickup'],
  ['paid packed held transfer courier', 'fulfilment → packed', 'system', 'refused:notAllowed'],
  // Cancelling gives back only what is still on the village's shelf.
  ['pending unfulfilled held transfer courier', 'fulfilment → cancelled', 'staff', 'release'],
  ['paid packed held transfer courier', 'fulfilment → cancelled', 'staff', 'release +refund'],
  ['expired unfulfilled released transfer courier', 'fulfilment → cancelled', 'staff', 'none'],
  ['pending shipped held cash pickup', 'fulfilment → cancelled', 'staff', 'release'],
  ['paid shipped held transfer courier', 'fulfilment → cancelled', 'staff', 'none +refund'],
  ['paid delivered held transfer courier', 'fulfilment → cancelled', 'staff', 'none +refund'],
  ['paid delivered held transfer pickup', 'fulfilment → cancelled', 'staff', 'none +refund'],
  ['paid unfulfilled held card courier', 'fulfilment → cancelled', 'stripe', 'refused:notStaff'],
  // The server cancels an unpaid order nobody started on (a portal checkout whose later village failed), nothing else.
  ['pending unfulfilled held transfer pickup', 'fulfilment → cancelled', 'system', 'release'],
  ['paid unfulfilled held transfer pickup', 'fulfilment → cancelled', 'system', 'refused:inProgress'],
  ['pending packed held cash pickup', 'fulfilment → cancelled', 'system', 'refused:inProgress'],
  // A return is the explicit step that puts goods that left back on the shelf.
  ['paid shipped held transfer courier', 'fulfilment → returned', 'staff', 'restock +refund'],
  ['paid delivered held transfer courier', 'fulfilment → returned', 'staff', 'restock +refund'],
  ['paid cancelled held transfer courier', 'fulfilment → returned', 'staff', 'restock +refund'],
  ['refunded delivered held card courier', 'fulfilment → returned', 'staff', 'restock'],
  ['paid cancelled released transfer courier', 'fulfilment → returned', 'staff', 'refused:nothingToReturn'],
  ['paid unfulfilled held transfer courier', 'fulfilment → returned', 'staff', 'refused:notAllowed'],
  // Cancelled and returned orders are closed.
  ['pending cancelled released transfer courier', 'fulfilment → packed', 'staff', 'refused:notAllowed'],
  ['paid cancelled released transfer courier', 'fulfilment → unfulfilled', 'staff', 'refused:notAllowed'],
  ['paid cancelled held transfer courier', 'fulfilment → shipped', 'staff', 'refused:notAllowed'],
  ['paid returned released transfer courier', 'fulfilment → shipped', 'staff', 'refused:notAllowed'],
  ['paid returned released transfer courier', 'fulfilment → cancelled', 'staff', 'refused:notAllowed'],
  // Goods handed over do not go back a step.
  ['paid delivered held transfer courier', 'fulfilment → shipped', 'staff', 'refused:notAllowed'],
  ['paid shipped held transfer courier', 'fulfilment → packed', 'staff', 'refused:notAllowed'],
]

const outcome = (from: OrderState, c: Change, actor: Actor) => {
  const d = decide(from, c, actor)
  if (!d.allowed) return `refused:${d.refusal}`
  const flag = d.attention === undefined ? '' : d.attention === null ? ' -flag' : ` +${d.attention}`
  return `${d.effect}${flag}`
}

describe('the order state machine', () => {
  it.each(TABLE)('%s, %s by %s → %s', (from, c, actor, expected) => {
    expect(outcome(state(from), change(c), actor)).toBe(expected)
  })

  const states: OrderState[] = []
  for (const payment of PAYMENT_STATUSES)
    for (const fulfilment of FULFILMENT_STATUSES)
      for (const held of [true, false])
        for (const method of PAYMENT_METHODS)
          for (const delivery of ['pickup', 'courier'] as const) states.push({ payment, fulfilment, held, method, delivery })
  const all = states.flatMap((s) => ALL_CHANGES.flatMap((c) => (['staff', 'stripe', 'system'] as const).map((a) => [s, c, a] as const)))

  it('moves stock only in the direction the hold allows: take when nothing is held, release or restock when it is', () => {
    for (const [s, c, a] of all) {
      const d = decide(s, c, a)
      if (!d.allowed) continue
      if (d.effect === 'take') expect(s.held, JSON.stringify([s, c, a])).toBe(false)
      if (d.effect === 'release' || d.effect === 'restock') expect(s.held, JSON.stringify([s, c, a])).toBe(true)
    }
  })

  it('never restocks goods that left by courier except through a return', () => {
    for (const [s, c, a] of all) {
      const d = decide(s, c, a)
      if (!d.allowed || d.effect !== 'release') continue
      const left = s.fulfilment === 'delivered' || (s.fulfilment === 'shipped' && s.delivery === 'courier')
      expect(left, JSON.stringify([s, c, a])).toBe(false)
    }
  })

  it('lets nothing but a return out of a cancelled order, and nothing out of a returned one', () => {
    for (const [s, c, a] of all) {
      if (c.kind !== 'fulfilment' || !decide(s, c, a).allowed) continue
      if (s.fulfilment === 'cancelled') expect(c.to).toBe('returned')
      expect(s.fulfilment).not.toBe('returned')
    }
  })

  it('refuses every change with a message in both languages', () => {
    for (const [s, c, a] of all) {
      const d = decide(s, c, a)
      if (d.allowed) continue
      const message = refusalMessage(d.refusal, s, c)
      for (const locale of LOCALES) expect(translate(locale, message)).toMatch(/^[^{}]{10,}$/)
    }
  })

  it('keeps the books: after any allowed sequence from checkout, units are held exactly while the order may still hand them over', () => {
    // Walk every path of up to six changes from a fresh order, remembering whether the goods left the village.
    const walk = (s: OrderState, gone: boolean, depth: number) => {
      if (depth === 0) return
      for (const c of ALL_CHANGES)
        for (const a of ['staff', 'stripe', 'system'] as const) {
          const d = decide(s, c, a)
          if (!d.allowed) continue
          const next = applied(s, c, d.effect)
          const left = gone || next.fulfilment === 'delivered' || (next.fulfilment === 'shipped' && next.delivery === 'courier')
          const path = JSON.stringify([s, c, a])
          if (next.fulfilment === 'returned') expect(next.held, path).toBe(false)
          if (next.fulfilment === 'cancelled') expect(next.held, path).toBe(left)
          if (next.payment === 'expired' || next.payment === 'failed')
            expect(next.held && next.fulfilment === 'unfulfilled', path).toBe(false)
          walk(next, left, depth - 1)
        }
    }
    for (const method of PAYMENT_METHODS)
      for (const delivery of ['pickup', 'courier'] as const)
        walk({ payment: 'pending', fulfilment: 'unfulfilled', held: true, method, delivery }, false, 6)
  })
})
