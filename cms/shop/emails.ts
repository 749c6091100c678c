import type { Payload, PayloadRequest } from 'payload'
import { asLocale, DEFAULT_LOCALE } from '../lib/messages'
import { idOf } from '../lib/relation'
import { absoluteUrl, sitePageUrl } from '../lib/urls'
import { translate } from '../messages'
import { notify, type Notice } from '../notify'
import { queueEmail } from '../notify/outbox'
import { templateText } from '../notify/templates'
import type { Order } from '../payload-types'
import type { ShopMessage } from './messages'
import { formatRupiah } from './money'
import { orderLinkToken, tokenMatches } from './orderToken'
import { settingsOf } from '../villages/settings'

type OrderEmailKind = 'confirmation' | 'paymentReceived' | 'shipped' | 'newOrder'
type Mail = { subject: string; text: string }
type EmailOrder = Pick<
  Order,
  'number' | 'locale' | 'lines' | 'subtotal' | 'shippingFee' | 'total' | 'paymentMethod' | 'trackingNumber' | 'village'
> & {
  delivery?: Pick<Order['delivery'], 'method'>
  buyer?: Order['buyer']
}

/** The buyer's private order link (the token is the key), on the site of the buyer's language. */
export const orderLink = (order: Pick<Order, 'number' | 'locale'>, token: string) =>
  sitePageUrl(`${order.locale === 'en' ? '/en' : ''}/pesanan/${order.number}?t=${encodeURIComponent(token)}`)

/** The shop's and producers' list of orders in the admin. */
const ordersAdmin = () => absoluteUrl('/admin/collections/orders')

/**
 * The link again for a later email, when the token made now is the order's (not for an order from before
 * tokens were hashed, nor after PAYLOAD_SECRET changed): then the email points to the first one instead.
 */
const laterLink = (order: Pick<Order, 'number' | 'locale' | 'accessToken'>): string | ShopMessage => {
  const token = orderLinkToken(order.number)
  if (tokenMatches(order, token)) return orderLink(order, token)
  return { code: 'email.linkInConfirmation' }
}

const lineName = (l: EmailOrder['lines'][number]) => `${l.quantity} × ${l.title}${l.variantLabel ? ` (${l.variantLabel})` : ''}`

/** The lines on one line, as a template message's parameter must be. */
const itemsInOneLine = (lines: EmailOrder['lines']) => templateText(lines.map(lineName).join('; '))

const linesText = (order: EmailOrder, message: (m: ShopMessage) => string) =>
  [
    ...order.lines.map((l) => `- ${lineName(l)}: ${formatRupiah(l.unitPrice * l.quantity)}`),
    message({ code: 'email.total', params: { total: formatRupiah(order.total) } }),
  ].join('\n')

/** Subject and plain text of an order email, in the buyer's language (staff emails in Indonesian). */
export const orderEmail = (kind: OrderEmailKind, order: EmailOrder, link: string | ShopMessage): Mail => {
  const locale = kind === 'newOrder' ? DEFAULT_LOCALE : asLocale(order.locale)
  const t = (message: ShopMessage) => translate(locale, message)
  const { number } = order
  const method = { code: `payment.${order.paymentMethod}` } as const
  switch (kind) {
    case 'confirmation':
      return {
        subject: t({ code: 'email.confirmation.subject', params: { number } }),
        text: t({ code: 'email.confirmation.text', params: { lines: linesText(order, t), method, link } }),
      }
    case 'paymentReceived':
      return {
        subject: t({ code: 'email.paymentReceived.subject', params: { number } }),
        text: t({ code: 'email.paymentReceived.text', params: { total: formatRupiah(order.total), link } }),
      }
    case 'shipped':
      if (order.delivery?.method === 'pickup')
        return {
          subject: t({ code: 'email.readyForPickup.subject', params: { number } }),
          text: t({ code: 'email.readyForPickup.text', params: { link } }),
        }
      return {
        subject: t({ code: 'email.shipped.subject', params: { number } }),
        text: order.trackingNumber
          ? t({ code: 'email.shippedTracked.text', params: { tracking: order.trackingNumber, link } })
          : t({ code: 'email.shipped.text', params: { link } }),
      }
    case 'newOrder':
      return {
        subject: t({ code: 'email.newOrder.subject', params: { number } }),
        text: t({
          code: 'email.newOrder.text',
          params: { lines: linesText(order, t), method, buyer: order.buyer?.name ?? '', link: ordersAdmin() },
        }),
      }
  }
}

/** Through the outbox, from the order's village: a mail server that is down delays the email, never the order. */
const send = (payload: Payload, order: Pick<Order, 'village'>, to: string, mail: Mail, req?: PayloadRequest) =>
  queueEmail(payload, { to, ...mail, village: idOf(order.village) }, req)

/** What the shop hears of a new order, by email and (as a template's parameters) on WhatsApp. */
const shopNewOrder = (order: EmailOrder, link: string): Notice => ({
  ...orderEmail('newOrder', order, link),
  village: order.village,
  template: {
    event: 'newOrder',
    locale: DEFAULT_LOCALE,
    parameters: [order.number, itemsInOneLine(order.lines), formatRupiah(order.total), ordersAdmin()].map(templateText),
  },
})

/** What a producer hears of a new order: only their own lines, no buyer contacts nor sums (as in the admin). */
export const producerNewOrder = (order: EmailOrder, producer: { id: number | string; name: string }): Notice => {
  const own = order.lines.filter(
    (l) => String(typeof l.producer === 'object' && l.producer ? l.producer.id : l.producer) === String(producer.id),
  )
  const lines = own.map((l) => `- ${lineName(l)}`).join('\n')
  // Producers hear of orders in Indonesian, like the shop (their admin language is not known here).
  return {
    subject: translate(DEFAULT_LOCALE, { code: 'email.producerOrder.subject', params: { number: order.number, producer: producer.name } }),
    text: translate(DEFAULT_LOCALE, { code: 'email.producerOrder.text', params: { lines, link: ordersAdmin() } }),
    village: order.village,
    template: {
      event: 'producerOrder',
      locale: DEFAULT_LOCALE,
      parameters: [order.number, producer.name, itemsInOneLine(own), ordersAdmin()].map(templateText),
    },
  }
}

/**
 * Order placed: the buyer's confirmation; the shop (its email and WhatsApp number from the settings) and each
 * producer involved (their own lines) hear of it through every notification channel (cms/notify).
 */
export const sendOrderPlaced = async (payload: Payload, order: Order, token: string) => {
  const link = orderLink(order, token)
  await send(payload, order, order.buyer.email, orderEmail('confirmation', order, link))
  const settings = await settingsOf(payload, order.village, { depth: 0 })
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
    await notify(payload, { email: settings.shopEmail, phone: settings.whatsapp }, shopNewOrder(order, link))
  for (const producer of producers)
    if (producer.email || producer.whatsapp)
      await notify(payload, { email: producer.email, phone: producer.whatsapp }, producerNewOrder(order, producer))
}

/** A status change the buyer hears about: payment received, or shipped with the tracking number. */
export const sendOrderUpdate = async (req: PayloadRequest, kind: 'paymentReceived' | 'shipped', orderId: number) => {
  const { payload } = req
  // Read within the request's transaction, so the email shows the change being saved.
  const order = await payload.findByID({ collection: 'orders', id: orderId, depth: 0, overrideAccess: true, showHiddenFields: true, req })
  await send(payload, order, order.buyer.email, orderEmail(kind, order, laterLink(order)), req)
}
