import type { Payload, PayloadRequest } from 'payload'
import { absoluteUrl } from '../lib/urls'
import { notify } from '../notify'
import { queueEmail } from '../notify/outbox'
import type { Order } from '../payload-types'
import { formatRupiah } from './money'
import { PAYMENT_METHODS } from './statuses'
import { idOf } from '../lib/relation'

type OrderEmailKind = 'confirmation' | 'paymentReceived' | 'shipped' | 'newOrder'
type Mail = { subject: string; text: string }
type EmailOrder = Pick<Order, 'number' | 'locale' | 'lines' | 'subtotal' | 'shippingFee' | 'total' | 'paymentMethod' | 'trackingNumber'> & {
  delivery?: Pick<Order['delivery'], 'method'>
  buyer?: Order['buyer']
}

/** The buyer's private order link (the token is the key), on the site of the buyer's language. */
export const orderLink = (order: Pick<Order, 'number' | 'locale'>, token: string) =>
  absoluteUrl(`${order.locale === 'en' ? '/en' : ''}/pesanan/${order.number}?t=${encodeURIComponent(token)}`)

const linesText = (order: EmailOrder) =>
  [
    ...order.lines.map(
      (l) => `- ${l.quantity} × ${l.title}${l.variantLabel ? ` (${l.variantLabel})` : ''}: ${formatRupiah(l.unitPrice * l.quantity)}`,
    ),
    `Total: ${formatRupiah(order.total)}`,
  ].join('\n')

/** Subject and plain text of an order email, in the buyer's language (staff emails in Indonesian). */
const orderEmail = (kind: OrderEmailKind, order: EmailOrder, link: string): Mail => {
  const en = order.locale === 'en' && kind !== 'newOrder'
  switch (kind) {
    case 'confirmation':
      return en
        ? {
            subject: `Order ${order.number} received`,
            text: `Thank you for your order.\n\n${linesText(order)}\nPayment: ${PAYMENT_METHODS[order.paymentMethod].en}\n\nFollow your order and see how to pay: ${link}`,
          }
        : {
            subject: `Pesanan ${order.number} kami terima`,
            text: `Terima kasih atas pesanan Anda.\n\n${linesText(order)}\nPembayaran: ${PAYMENT_METHODS[order.paymentMethod].id}\n\nLihat status dan cara bayar: ${link}`,
          }
    case 'paymentReceived':
      return en
        ? {
            subject: `Payment for ${order.number} received`,
            text: `We have received your payment of ${formatRupiah(order.total)}. We are preparing your order.\n\n${link}`,
          }
        : {
            subject: `Pembayaran ${order.number} diterima`,
            text: `Pembayaran ${formatRupiah(order.total)} sudah kami terima. Pesanan Anda sedang kami siapkan.\n\n${link}`,
          }
    case 'shipped':
      if (order.delivery?.method === 'pickup')
        return en
          ? { subject: `Order ${order.number} is ready for pickup`, text: `Your order is ready: pick it up in the village.\n\n${link}` }
          : { subject: `Pesanan ${order.number} siap diambil`, text: `Pesanan Anda sudah siap: silakan ambil di desa.\n\n${link}` }
      return en
        ? {
            subject: `Order ${order.number} shipped`,
            text: `Your order is on its way.${order.trackingNumber ? ` Tracking number: ${order.trackingNumber}.` : ''}\n\n${link}`,
          }
        : {
            subject: `Pesanan ${order.number} dikirim`,
            text: `Pesanan Anda sedang dikirim.${order.trackingNumber ? ` Nomor resi: ${order.trackingNumber}.` : ''}\n\n${link}`,
          }
    case 'newOrder':
      return {
        subject: `Pesanan baru ${order.number}`,
        text: `Pesanan baru masuk.\n\n${linesText(order)}\nPembayaran: ${PAYMENT_METHODS[order.paymentMethod].id}\nPembeli: ${order.buyer?.name ?? ''}\n\nBuka di admin: ${absoluteUrl('/admin/collections/orders')}`,
      }
  }
}

/** Through the outbox: a mail server that is down delays the email, never the order. */
const send = (payload: Payload, to: string, mail: Mail, req?: PayloadRequest) => queueEmail(payload, { to, ...mail }, req)

/** What a producer hears of a new order: only their own lines, no buyer contacts nor sums (as in the admin). */
export const producerNewOrder = (order: EmailOrder, producer: { id: number | string; name: string }): Mail => {
  const own = order.lines.filter(
    (l) => String(typeof l.producer === 'object' && l.producer ? l.producer.id : l.producer) === String(producer.id),
  )
  return {
    subject: `Pesanan baru ${order.number} untuk ${producer.name}`,
    text: `Pesanan baru berisi produk Anda.\n\n${own.map((l) => `- ${l.quantity} × ${l.title}${l.variantLabel ? ` (${l.variantLabel})` : ''}`).join('\n')}\n\nBuka di admin: ${absoluteUrl('/admin/collections/orders')}`,
  }
}

/**
 * Order placed: the buyer's confirmation; the shop (its email and WhatsApp number from the settings) and each
 * producer involved (their own lines) hear of it through every notification channel (cms/notify).
 */
export const sendOrderPlaced = async (payload: Payload, order: Order, token: string) => {
  const link = orderLink(order, token)
  await send(payload, order.buyer.email, orderEmail('confirmation', order, link))
  const settings = await payload.findGlobal({ slug: 'settings', depth: 0, overrideAccess: true })
  const producerIds = (order.producers ?? []).map((p) => idOf(p))
  const { docs: producers } = producerIds.length
    ? await payload.find({
        collection: 'producers',
        where: { id: { in: producerIds } },
        depth: 0,
        limit: producerIds.length,
        overrideAccess: true,
      })
    : { docs: [] }
  if (settings.shopEmail || settings.whatsapp)
    await notify(payload, { email: settings.shopEmail, phone: settings.whatsapp ?? '' }, orderEmail('newOrder', order, link))
  for (const producer of producers)
    if (producer.email || producer.whatsapp)
      await notify(payload, { email: producer.email, phone: producer.whatsapp ?? '' }, producerNewOrder(order, producer))
}

/** A status change the buyer hears about: payment received, or shipped with the tracking number. */
export const sendOrderUpdate = async (req: PayloadRequest, kind: 'paymentReceived' | 'shipped', orderId: number) => {
  const { payload } = req
  // Read within the request's transaction, so the email shows the change being saved.
  const order = await payload.findByID({ collection: 'orders', id: orderId, depth: 0, overrideAccess: true, showHiddenFields: true, req })
  await send(payload, order.buyer.email, orderEmail(kind, order, orderLink(order, order.accessToken)), req)
}
