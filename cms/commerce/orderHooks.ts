import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'
import type { Order } from '../payload-types'
import { localize } from '../lib/localize'
import { sendOrderUpdate } from './emails'
import { releaseOrderStock } from './orders'
import { canMovePayment, FULFILMENT_STATUSES, PAYMENT_STATUSES, releasesStock } from './statuses'
import { settleReservation } from './stock'

const actorOf = (req: Parameters<CollectionBeforeChangeHook>[0]['req'], context: Record<string, unknown>) =>
  (req.user as { email?: string } | null)?.email ?? (typeof context.actor === 'string' ? context.actor : 'sistem')

/** Refuses backward payment moves and writes every status change into the order's timeline. */
const recordChanges: CollectionBeforeChangeHook<Order> = ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || !originalDoc) return data
  const events: string[] = []
  if (data.paymentStatus && data.paymentStatus !== originalDoc.paymentStatus) {
    if (!canMovePayment(originalDoc.paymentStatus, data.paymentStatus)) {
      throw new APIError(
        localize(req, {
          id: `Status pembayaran tidak bisa mundur dari "${PAYMENT_STATUSES[originalDoc.paymentStatus].id}" ke "${PAYMENT_STATUSES[data.paymentStatus].id}".`,
          en: `The payment status cannot go back from "${PAYMENT_STATUSES[originalDoc.paymentStatus].en}" to "${PAYMENT_STATUSES[data.paymentStatus].en}".`,
        }),
        400,
        undefined,
        true,
      )
    }
    events.push(`Pembayaran: ${PAYMENT_STATUSES[data.paymentStatus].id}`)
  }
  if (data.fulfilmentStatus && data.fulfilmentStatus !== originalDoc.fulfilmentStatus) events.push(`Pengiriman: ${FULFILMENT_STATUSES[data.fulfilmentStatus].id}`)
  if (data.trackingNumber && data.trackingNumber !== originalDoc.trackingNumber) events.push(`Nomor resi: ${data.trackingNumber}`)
  if (data.paymentProof && data.paymentProof !== originalDoc.paymentProof) events.push('Bukti transfer diunggah')
  if (!events.length) return data
  const by = actorOf(req, context)
  const at = new Date().toISOString()
  return { ...data, timeline: [...(data.timeline ?? originalDoc.timeline ?? []), ...events.map((event) => ({ at, by, event }))] }
}

/** Payment turns the reservation into a sale; failure, expiry or cancellation puts the stock back. */
const settleStock: CollectionAfterChangeHook<Order> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  if (releasesStock(doc.paymentStatus, doc.fulfilmentStatus)) await releaseOrderStock(req.payload, doc)
  else if (doc.paymentStatus === 'paid' && previousDoc.paymentStatus !== 'paid') await settleReservation(req.payload, doc.id, 'sold')
  if (doc.paymentStatus === 'paid' && previousDoc.paymentStatus !== 'paid') await sendOrderUpdate(req, 'paymentReceived', doc.id)
  if (doc.fulfilmentStatus === 'shipped' && previousDoc.fulfilmentStatus !== 'shipped') await sendOrderUpdate(req, 'shipped', doc.id)
  return doc
}

export const orderStatusHooks = { beforeChange: [recordChanges], afterChange: [settleStock] }
