import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
  type RequestContext,
} from 'payload'
import { atomicStore } from '../../instances/atomicStore'
import type { Order } from '../../payload-types'
import { idOf } from '../../lib/relation'
import { localize, translate } from '../../messages'
import { sendOrderUpdate } from '../../shop/emails'
import { applied, decide, refusalMessage, SHORT_MESSAGE, stateOf, statusName, type Actor, type Change } from '../../shop/lifecycle'
import { releaseOrderStock } from '../../shop/orders'
import type { ShopMessage } from '../../shop/messages'
import type { Attention } from '../../shop/statuses'
import { stockMoved } from '../../shop/stock'
import { refundOrder, stripeClient } from '../../shop/stripe'

/** Who writes an order when no staff member is signed in: set in `context` by the server's own updates. */
export type OrderContext = { actor?: 'stripe' | 'xendit' | 'system' | 'buyer'; note?: string }

type TimelineRow = NonNullable<Order['timeline']>[number]

const actorOf = (req: PayloadRequest, context: RequestContext & OrderContext): Actor =>
  context.actor === 'stripe' || context.actor === 'xendit' ? context.actor : req.user && !context.actor ? 'staff' : 'system'

/** The timeline is the shop's record, written in Indonesian like the rest of the back office's data. */
const recorded = (message: ShopMessage) => translate('id', message)

const byOf = (req: PayloadRequest, context: OrderContext) =>
  context.actor === 'stripe'
    ? 'Stripe'
    : context.actor === 'xendit'
      ? 'Xendit'
      : context.actor === 'buyer'
        ? recorded({ code: 'timeline.byBuyer' })
        : context.actor === 'system' || !req.user
          ? recorded({ code: 'timeline.bySystem' })
          : (req.user.email ?? recorded({ code: 'timeline.byStaff' }))

const refused = (req: PayloadRequest, message: ShopMessage) => new APIError(localize(req, message), 400, undefined, true)

/** The timeline rows of the stock's moves; `code` (and `detail`) let the buyer's page say a row in their language. */
const STOCK_EVENTS = {
  'stock.released': 'timeline.stockReleased',
  'stock.restocked': 'timeline.stockRestocked',
  'stock.taken': 'timeline.stockTaken',
  'stock.short': 'timeline.stockShort',
} as const

const changeEvent = (change: Change) =>
  recorded({ code: change.kind === 'payment' ? 'timeline.payment' : 'timeline.fulfilment', params: { status: statusName(change) } })

const stockRow = (code: keyof typeof STOCK_EVENTS) => [code, recorded({ code: STOCK_EVENTS[code] })] as const

/**
 * Every status change is a transition of the order state machine (lifecycle.ts): refused with a message
 * unless allowed for who asks; its stock effect follows (a take happens here, so a change that needs units
 * it cannot have is refused before anything is written; releases and restocks after the write); each step
 * and every other change staff make is written into the timeline with who and why.
 */
const applyTransitions: CollectionBeforeChangeHook<Order> = async ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || !originalDoc) return data
  const ctx = context as RequestContext & OrderContext
  const actor = actorOf(req, ctx)
  const note = (typeof data.statusNote === 'string' ? data.statusNote.trim() : '') || ctx.note || null
  const rows: Omit<TimelineRow, 'at' | 'by'>[] = []
  const row = (code: string, event: string, detail?: string) => rows.push({ code, event, detail: detail ?? null, note })

  const changes: Change[] = []
  if (data.paymentStatus && data.paymentStatus !== originalDoc.paymentStatus) changes.push({ kind: 'payment', to: data.paymentStatus })
  if (data.fulfilmentStatus && data.fulfilmentStatus !== originalDoc.fulfilmentStatus)
    changes.push({ kind: 'fulfilment', to: data.fulfilmentStatus })

  let state = stateOf(originalDoc)
  let attention: Attention | null | undefined
  let next = { ...data }
  for (const change of changes) {
    const decision = decide(state, change, actor)
    if (!decision.allowed) throw refused(req, refusalMessage(decision.refusal, state, change))
    let effect = decision.effect
    if (change.kind === 'payment' && change.to === 'refunded' && originalDoc.paymentMethod === 'stripe' && actor === 'staff')
      await refundThroughStripe(req, originalDoc)
    row(`${change.kind}.${change.to}`, changeEvent(change))
    if (decision.attention !== undefined) attention = decision.attention
    if (effect === 'take') {
      if (await atomicStore(req.payload).retakeReservation(originalDoc)) {
        next = await withRetakenLines(req, next, originalDoc.id)
        row(...stockRow('stock.taken'))
      } else if (decision.whenShort === 'refuse') {
        throw refused(req, SHORT_MESSAGE)
      } else {
        effect = 'none'
        attention = 'noStock'
        row(...stockRow('stock.short'))
      }
    }
    if (effect === 'release') row(...stockRow('stock.released'))
    if (effect === 'restock') row(...stockRow('stock.restocked'))
    state = applied(state, change, effect)
  }

  // Staff may also clear or set the flag themselves; the machine's own flag wins over what the form sent.
  if (attention === undefined && data.attention !== undefined && (data.attention ?? null) !== (originalDoc.attention ?? null))
    attention = data.attention ?? null
  if (attention !== undefined && attention !== (originalDoc.attention ?? null))
    row(
      attention ? `attention.${attention}` : 'attention.cleared',
      recorded(attention ? { code: `attention.${attention}` } : { code: 'timeline.attentionCleared' }),
    )
  if (data.trackingNumber && data.trackingNumber !== originalDoc.trackingNumber)
    row('tracking', recorded({ code: 'timeline.tracking', params: { tracking: data.trackingNumber } }), data.trackingNumber)
  if (data.paymentProof && idOf(data.paymentProof) !== idOf(originalDoc.paymentProof)) row('proof', recorded({ code: 'timeline.proof' }))
  if (!rows.length && note) row('note', recorded({ code: 'timeline.note' }))
  if (!rows.length) return { ...next, statusNote: null }

  const by = byOf(req, ctx)
  const at = new Date().toISOString()
  return {
    ...next,
    ...(attention !== undefined ? { attention } : {}),
    statusNote: null,
    timeline: [...(originalDoc.timeline ?? []), ...rows.map((r) => ({ ...r, at, by }))],
  }
}

/** After a take the lines hold their units again: the write that follows must say so, not what was read before. */
const withRetakenLines = async (req: PayloadRequest, data: Partial<Order>, id: number) => {
  const fresh = await req.payload.findByID({ collection: 'orders', id, depth: 0, overrideAccess: true })
  const reserved = new Map(fresh.lines.map((line) => [line.id, line.reserved]))
  return {
    ...data,
    reservation: { ...data.reservation, state: 'sold' as const },
    lines: (data.lines ?? fresh.lines).map((line) => ({ ...line, reserved: reserved.get(line.id) ?? line.reserved })),
  }
}

/** Staff mark a card order refunded in the admin: the money goes back through Stripe first, from the account it was paid to. */
const refundThroughStripe = async (req: PayloadRequest, order: Order) => {
  const stripe = stripeClient()
  try {
    if (!stripe) throw new Error('Stripe is not configured')
    await refundOrder(stripe, order)
  } catch (err) {
    req.payload.logger.error({ err, order: order.number }, 'Stripe refund failed')
    throw new APIError(localize(req, { code: 'order.refundFailed' }), 502, undefined, true)
  }
}

/** After the write: the units a transition gives back return to the shelf (once), and the buyer hears of progress. */
const settleStock: CollectionAfterChangeHook<Order> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const codes = new Set((doc.timeline ?? []).slice(previousDoc.timeline?.length ?? 0).map((row) => row.code))
  if (codes.has('stock.released') || codes.has('stock.restocked')) await releaseOrderStock(req.payload, doc)
  // A reservation paid for becomes a sale, once, whoever confirms first (conditional, after the write).
  if (codes.has('payment.paid') && !codes.has('stock.taken')) await atomicStore(req.payload).advanceReservation(doc.id, 'reserved')
  if (codes.has('stock.taken'))
    await stockMoved(
      req.payload,
      doc.lines.map((line) => ({ productId: idOf(line.product) })),
    )
  if (codes.has('payment.paid') && !doc.attention) await sendOrderUpdate(req, 'paymentReceived', doc.id)
  if (codes.has('fulfilment.shipped')) await sendOrderUpdate(req, 'shipped', doc.id)
  return doc
}

export const orderStatusHooks = { beforeChange: [applyTransitions], afterChange: [settleStock] }
