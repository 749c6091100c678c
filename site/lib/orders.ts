import { fileTypeFromBuffer } from 'file-type'
import { ValidationError } from 'payload'
import { uploadProblem } from '../../cms/hooks/validateUpload'
import { PROOF_MAX_BYTES, PROOF_TYPES } from '../../cms/collections/PaymentProofs'
import { groupTokenMatches, orderLinkToken, tokenMatches } from '../../cms/shop/orderToken'
import type { OrderContext } from '../../cms/collections/Orders/statusHooks'
import { awaitsPayment, stateOf } from '../../cms/shop/lifecycle'
import { config } from '../../cms/lib/config'
import { normalizePhone } from '../../cms/lib/phone'
import type { UploadMessage } from '../../cms/hooks/messages'
import type { Order } from '../../cms/payload-types'
import type { Locale } from '../../cms/lib/messages'
import { fulfilmentLabel, gatewayOf, type DeliveryMethod, type FulfilmentStatus, type PaymentStatus } from '../../cms/shop/statuses'
import { translate } from '../i18n/ui'
import { payload } from './payload'
import { inRequestVillage } from '../../cms/villages/scope'
import { idOf } from '../../cms/lib/relation'
import { settingsOf } from '../../cms/villages/settings'

/** Only what the buyer's own order page shows; the order is found by number and its secret link token. */
type BuyerOrder = Pick<
  Order,
  | 'number'
  | 'paymentMethod'
  | 'paymentStatus'
  | 'fulfilmentStatus'
  | 'trackingNumber'
  | 'lines'
  | 'subtotal'
  | 'shippingFee'
  | 'total'
  | 'reservation'
  | 'timeline'
  | 'createdAt'
  | 'delivery'
  | 'gateway'
> & { hasProof: boolean; awaitsPayment: boolean; phoneEnding: string }

const findOrder = async (number: string, token: string) => {
  if (!number || !token) return null
  // The order link is the buyer's key: read with full access, then check the token in constant time.
  const p = await payload()
  const { docs } = await p.find({
    collection: 'orders',
    where: await inRequestVillage(p, { number: { equals: number }, 'reservation.state': { not_equals: 'placing' } }),
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const order = docs[0]
  return order && tokenMatches(order, token) ? order : null
}

/**
 * The private link's token of an order, for a buyer who lost the link: the order number and the phone or
 * email given at checkout must both match. Null otherwise (the caller is rate-limited).
 */
export const findOrderToken = async (number: string, contact: string): Promise<string | null> => {
  const normalized = number.trim().toUpperCase()
  const phone = normalizePhone(contact)
  const email = contact.trim().toLowerCase()
  if (!normalized || !contact.trim()) return null
  const p = await payload()
  const { docs } = await p.find({
    collection: 'orders',
    where: await inRequestVillage(p, { number: { equals: normalized }, 'reservation.state': { not_equals: 'placing' } }),
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const order = docs[0]
  if (!order || !((phone && order.buyer.phone === phone) || order.buyer.email.toLowerCase() === email)) return null
  // The order keeps only the hash of its link's token: the link is made again, as the later emails make it.
  const token = orderLinkToken(order.number)
  return tokenMatches(order, token) ? token : null
}

export const getBuyerOrder = async (number: string, token: string): Promise<BuyerOrder | null> => {
  const order = await findOrder(number, token)
  if (!order) return null
  const {
    number: n,
    paymentMethod,
    paymentStatus,
    fulfilmentStatus,
    trackingNumber,
    lines,
    subtotal,
    shippingFee,
    total,
    reservation,
    timeline,
    createdAt,
    delivery,
    gateway,
  } = order
  return {
    number: n,
    paymentMethod,
    paymentStatus,
    fulfilmentStatus,
    trackingNumber,
    lines,
    subtotal,
    shippingFee,
    total,
    reservation,
    timeline,
    createdAt,
    delivery,
    gateway,
    // An e-wallet asking in its app names the phone, by its last digits only.
    phoneEnding: order.buyer.phone.slice(-4),
    hasProof: Boolean(order.paymentProof),
    awaitsPayment: awaitsPayment(stateOf(order)),
  }
}

/**
 * Stores a transfer receipt for an order that still waits for its payment, and holds its stock while staff
 * check it; returns what is wrong, or null when stored.
 */
export const attachProof = async (
  number: string,
  token: string,
  file: File,
  now = new Date(),
): Promise<'notFound' | 'notAwaiting' | 'byGateway' | UploadMessage | null> => {
  const order = await findOrder(number, token)
  if (!order) return 'notFound'
  if (!awaitsPayment(stateOf(order))) return 'notAwaiting'
  // A gateway confirms its own payments: a receipt would only lengthen the stock's hold.
  if (gatewayOf(order.paymentMethod)) return 'byGateway'
  const data = Buffer.from(await file.arrayBuffer())
  const problem = await uploadProblem(
    { data, size: data.length },
    { types: PROOF_TYPES, maxBytes: PROOF_MAX_BYTES, typeNames: 'JPEG, PNG, WebP, PDF' },
  )
  if (problem) return problem
  const p = await payload()
  const held = new Date(order.reservation?.expiresAt ?? 0).getTime()
  // Named by what its bytes are, so the stored file's extension never disagrees with its content.
  const type = (await fileTypeFromBuffer(data))!
  // Payload checks a PDF's structure too: a broken one is refused like any other wrong file.
  const proof = await p
    .create({
      collection: 'payment-proofs',
      data: { order: order.number, village: idOf(order.village) },
      file: { data, mimetype: type.mime, name: `bukti-${order.number}.${type.ext}`, size: data.length },
      overrideAccess: true,
    })
    .catch((err: unknown) => {
      if (err instanceof ValidationError) return null
      throw err
    })
  if (!proof) return { code: 'upload.damaged' }
  await p.update({
    collection: 'orders',
    id: order.id,
    data: {
      paymentProof: proof.id,
      reservation: {
        ...order.reservation,
        expiresAt: new Date(Math.max(held, now.getTime() + config().shop.proofHoldHours * 3600_000)).toISOString(),
      },
    },
    overrideAccess: true,
    context: { actor: 'buyer' } satisfies OrderContext,
  })
  return null
}

/**
 * A timeline row as the buyer reads it, in their language; null for the shop's own notes (stock moves,
 * flags, staff notes). Rows written before rows had codes show their recorded text.
 */
export const historyLine = (
  row: NonNullable<Order['timeline']>[number],
  locale: Locale,
  delivery: DeliveryMethod | undefined,
): string | null => {
  const [kind, value] = (row.code ?? '').split('.')
  switch (kind) {
    case '':
      return row.event
    case 'placed':
      return translate(locale, 'timeline.placed')
    case 'payment':
      return translate(locale, 'timeline.payment', { status: { code: `paymentStatus.${value as PaymentStatus}` } })
    case 'fulfilment':
      return translate(locale, 'order.event.fulfilment', { status: fulfilmentLabel(value as FulfilmentStatus, delivery) })
    case 'tracking':
      return translate(locale, 'timeline.tracking', { tracking: row.detail ?? '' })
    case 'proof':
      return translate(locale, 'timeline.proof')
    default:
      return null
  }
}

/**
 * The orders of one checkout on the regency's portal (one per village), for the buyer's page that lists them: found
 * by the group's id and its link's token, each with what paying it needs (its village's bank account, its own link).
 */
export const getCheckoutGroup = async (group: string, token: string) => {
  if (!group || !token || !groupTokenMatches(group, token)) return null
  const p = await payload()
  const { docs } = await p.find({
    collection: 'orders',
    where: { checkoutGroup: { equals: group }, 'reservation.state': { not_equals: 'placing' } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  if (!docs.length) return null
  return Promise.all(
    docs.map(async (order) => ({
      village: idOf(order.village),
      number: order.number,
      token: orderLinkToken(order.number),
      total: order.total,
      paymentMethod: order.paymentMethod,
      paymentStatus: order.paymentStatus,
      fulfilment: fulfilmentLabel(order.fulfilmentStatus, order.delivery?.method),
      awaitsPayment: awaitsPayment(stateOf(order)),
      bank: order.paymentMethod === 'bank-transfer' ? ((await settingsOf(p, order.village, { depth: 0 })).bank ?? null) : null,
    })),
  )
}
