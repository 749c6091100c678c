/** How a buyer pays; the names people read are the catalogue's `payment.*` (cms/shop/messages.ts). */
export const PAYMENT_METHODS = ['bank-transfer', 'qris', 'cash', 'stripe'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

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

/** Why an order needs a person: money that must go back, or a payment that does not match (`attention.*` in the catalogue). */
export const ATTENTION = ['refund', 'noStock', 'mismatch'] as const
export type Attention = (typeof ATTENTION)[number]
