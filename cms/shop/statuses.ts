/** How a buyer pays; the names people read are the catalogue's `payment.*` (cms/shop/messages.ts). */
/** What a buyer can pay through Xendit: QRIS with the exact amount, a virtual account at a bank, or an e-wallet. */
export const XENDIT_METHODS = [
  'xendit-qris',
  'va-bca',
  'va-bni',
  'va-bri',
  'va-mandiri',
  'va-permata',
  'ewallet-ovo',
  'ewallet-dana',
  'ewallet-shopeepay',
  'ewallet-linkaja',
] as const
export type XenditMethod = (typeof XENDIT_METHODS)[number]

export const PAYMENT_METHODS = ['bank-transfer', 'qris', 'cash', 'stripe', ...XENDIT_METHODS] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** The payment gateways, each also who confirms its own orders' payments (an actor of the state machine). */
export type Gateway = 'stripe' | 'xendit'

export const isXenditMethod = (method: string): method is XenditMethod => (XENDIT_METHODS as readonly string[]).includes(method)

/** The gateway that confirms a method's payments; null for the methods staff confirm. */
export const gatewayOf = (method: PaymentMethod): Gateway | null =>
  method === 'stripe' ? 'stripe' : isXenditMethod(method) ? 'xendit' : null

/** Where an order's payment stands (`paymentStatus.*` in the catalogue). */
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** Where an order's delivery stands (`fulfilment.*` in the catalogue, as staff read it). */
export const FULFILMENT_STATUSES = ['unfulfilled', 'packed', 'shipped', 'delivered', 'cancelled', 'returned'] as const
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number]

export type DeliveryMethod = 'pickup' | 'courier'

/** Fulfilment as the buyer reads it: a pickup order is "ready for pickup" and "picked up", not shipped and delivered. */
export const fulfilmentLabel = (status: FulfilmentStatus, delivery: DeliveryMethod | null | undefined) => {
  if (delivery === 'pickup' && status === 'shipped') return { code: 'buyerFulfilment.readyForPickup' } as const
  if (delivery === 'pickup' && status === 'delivered') return { code: 'buyerFulfilment.pickedUp' } as const
  if (status === 'shipped' || status === 'delivered' || status === 'returned') return { code: `buyerFulfilment.${status}` } as const
  return { code: `fulfilment.${status}` } as const
}

/**
 * Why an order needs a person: money that must go back, a payment that does not match, or a gateway's payment
 * that arrived after the order expired (`attention.*` in the catalogue).
 */
export const ATTENTION = ['refund', 'noStock', 'mismatch', 'late'] as const
export type Attention = (typeof ATTENTION)[number]
