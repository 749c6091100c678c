/** How a buyer pays; the names people read are the catalogue's `payment.*` (cms/shop/messages.ts). */
export const PAYMENT_METHODS = ['bank-transfer', 'qris', 'cash', 'stripe'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** Where an order's payment stands (`paymentStatus.*` in the catalogue). */
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** Where an order's delivery stands (`fulfilment.*` in the catalogue). */
export const FULFILMENT_STATUSES = ['unfulfilled', 'packed', 'shipped', 'delivered', 'cancelled'] as const
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number]

/** Payment states only move forward: a late "failed" must not undo "paid" (webhooks arrive out of order). */
const paymentRank: Record<PaymentStatus, number> = { pending: 0, failed: 1, expired: 1, paid: 2, refunded: 3 }
export const canMovePayment = (from: PaymentStatus, to: PaymentStatus) => from === to || paymentRank[to] > paymentRank[from]

/** Stock goes back on the shelf when the payment fails or expires, or the order is cancelled before it ships. */
export const releasesStock = (payment: PaymentStatus, fulfilment: FulfilmentStatus) =>
  payment === 'failed' || payment === 'expired' || fulfilment === 'cancelled'
