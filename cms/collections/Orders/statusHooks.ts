import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import type { Order } from '../../payload-types'
import { localize, translate } from '../../messages'
import { sendOrderUpdate } from '../../shop/emails'
import { releaseOrderStock } from '../../shop/orders'
import { canMovePayment, releasesStock } from '../../shop/statuses'
import { markSold } from '../../shop/stock'
import { refundOrder, stripeClient } from '../../shop/stripe'

/** Whom the order's timeline names for a change: the signed-in staff member, else what the server said (Stripe, the job), else the system. */
const changedBy = (req: Parameters<CollectionBeforeChangeHook>[0]['req'], context: Record<string, unknown>) =>
  req.user?.email ?? (typeof context.actor === 'string' ? context.actor : 'sistem')

/** Refuses backward payment moves and writes every status change into the order's timeline. */
const recordChanges: CollectionBeforeChangeHook<Order> = async ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || !originalDoc) return data
  const events: string[] = []
  if (data.paymentStatus && data.paymentStatus !== originalDoc.paymentStatus) {
    if (!canMovePayment(originalDoc.paymentStatus, data.paymentStatus)) {
      const message = localize(req, {
        code: 'order.paymentBackwards',
        params: { from: { code: `paymentStatus.${originalDoc.paymentStatus}` }, to: { code: `paymentStatus.${data.paymentStatus}` } },
      })
      throw new APIError(message, 400, undefined, true)
    }
    if (data.paymentStatus === 'refunded' && originalDoc.paymentMethod === 'stripe' && !context.fromStripe)
      await refundThroughStripe(req, originalDoc)
    events.push(`Pembayaran: ${translate('id', { code: `paymentStatus.${data.paymentStatus}` })}`)
  }
  if (data.fulfilmentStatus && data.fulfilmentStatus !== originalDoc.fulfilmentStatus)
    events.push(`Pengiriman: ${translate('id', { code: `fulfilment.${data.fulfilmentStatus}` })}`)
  if (data.trackingNumber && data.trackingNumber !== originalDoc.trackingNumber) events.push(`Nomor resi: ${data.trackingNumber}`)
  if (data.paymentProof && data.paymentProof !== originalDoc.paymentProof) events.push('Bukti transfer diunggah')
  if (!events.length) return data
  const by = changedBy(req, context)
  const at = new Date().toISOString()
  return { ...data, timeline: [...(data.timeline ?? originalDoc.timeline ?? []), ...events.map((event) => ({ at, by, event }))] }
}

/** Staff mark a card order refunded in the admin: the money goes back through Stripe first. */
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

/** Payment turns the reservation into a sale; failure, expiry or cancellation puts the stock back. */
const settleStock: CollectionAfterChangeHook<Order> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  if (releasesStock(doc.paymentStatus, doc.fulfilmentStatus)) await releaseOrderStock(req.payload, doc)
  else if (doc.paymentStatus === 'paid' && previousDoc.paymentStatus !== 'paid') await markSold(req.payload, doc.id)
  if (doc.paymentStatus === 'paid' && previousDoc.paymentStatus !== 'paid') await sendOrderUpdate(req, 'paymentReceived', doc.id)
  if (doc.fulfilmentStatus === 'shipped' && previousDoc.fulfilmentStatus !== 'shipped') await sendOrderUpdate(req, 'shipped', doc.id)
  return doc
}

export const orderStatusHooks = { beforeChange: [recordChanges], afterChange: [settleStock] }
