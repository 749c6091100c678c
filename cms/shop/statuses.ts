import { L } from '../lib/localize'

export const PAYMENT_METHODS = {
  'bank-transfer': L('Transfer bank', 'Bank transfer'),
  qris: L('QRIS', 'QRIS'),
  cash: L('Bayar di tempat (ambil di desa)', 'Cash on pickup'),
  stripe: L('Kartu (Stripe)', 'Card (Stripe)'),
}
export type PaymentMethod = keyof typeof PAYMENT_METHODS

export const PAYMENT_STATUSES = {
  pending: L('Menunggu pembayaran', 'Awaiting payment'),
  paid: L('Lunas', 'Paid'),
  failed: L('Gagal', 'Failed'),
  expired: L('Kedaluwarsa', 'Expired'),
  refunded: L('Dikembalikan', 'Refunded'),
}
export type PaymentStatus = keyof typeof PAYMENT_STATUSES

export const FULFILMENT_STATUSES = {
  unfulfilled: L('Belum diproses', 'Unfulfilled'),
  packed: L('Dikemas', 'Packed'),
  shipped: L('Dikirim', 'Shipped'),
  delivered: L('Diterima', 'Delivered'),
  cancelled: L('Dibatalkan', 'Cancelled'),
}
type FulfilmentStatus = keyof typeof FULFILMENT_STATUSES

/** Payment states only move forward: a late "failed" must not undo "paid" (webhooks arrive out of order). */
const paymentRank: Record<PaymentStatus, number> = { pending: 0, failed: 1, expired: 1, paid: 2, refunded: 3 }
export const canMovePayment = (from: PaymentStatus, to: PaymentStatus) => from === to || paymentRank[to] > paymentRank[from]

/** Stock goes back on the shelf when the payment fails or expires, or the order is cancelled before it ships. */
export const releasesStock = (payment: PaymentStatus, fulfilment: FulfilmentStatus) =>
  payment === 'failed' || payment === 'expired' || fulfilment === 'cancelled'
