import { fileTypeFromBuffer } from 'file-type'
import { uploadProblem } from '../../cms/hooks/validateUpload'
import { PROOF_MAX_BYTES, PROOF_TYPES } from '../../cms/collections/PaymentProofs'
import type { OrderContext } from '../../cms/shop/orderHooks'
import { tokenMatches } from '../../cms/shop/orders'
import type { Order, Setting } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { payload } from './payload'

/** Only what the buyer's own order page shows; the order is found by number and its secret link token. */
export type BuyerOrder = Pick<
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
> & { hasProof: boolean }

const findOrder = async (number: string, token: string) => {
  if (!number || !token) return null
  // The order link is the buyer's key: read with full access, then check the token in constant time.
  const { docs } = await (
    await payload()
  ).find({
    collection: 'orders',
    where: { number: { equals: number }, 'reservation.state': { not_equals: 'placing' } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const order = docs[0]
  return order && tokenMatches(order, token) ? order : null
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
    hasProof: Boolean(order.paymentProof),
  }
}

/** Stores a transfer receipt for the order; returns what is wrong with it, or null when stored. */
export const attachProof = async (number: string, token: string, file: File, locale: Locale): Promise<'notFound' | string | null> => {
  const order = await findOrder(number, token)
  if (!order) return 'notFound'
  const data = Buffer.from(await file.arrayBuffer())
  const problem = await uploadProblem(
    { data, size: data.length },
    { types: PROOF_TYPES, maxBytes: PROOF_MAX_BYTES, typeNames: 'JPEG, PNG, WebP, PDF' },
  )
  if (problem) return problem[locale]
  const p = await payload()
  // Named by what its bytes are, so the stored file's extension never disagrees with its content.
  const type = (await fileTypeFromBuffer(data))!
  const proof = await p.create({
    collection: 'payment-proofs',
    data: { order: order.number },
    file: { data, mimetype: type.mime, name: `bukti-${order.number}.${type.ext}`, size: data.length },
    overrideAccess: true,
  })
  await p.update({
    collection: 'orders',
    id: order.id,
    data: { paymentProof: proof.id },
    overrideAccess: true,
    context: { actor: 'buyer' } satisfies OrderContext,
  })
  return null
}

export type PaymentInfo = Pick<Setting, 'bank' | 'qrisImage'>
