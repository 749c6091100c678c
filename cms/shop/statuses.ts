import { L, type Localized } from '../lib/localize'

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
  shipped: L('Dikirim / siap diambil', 'Shipped / ready for pickup'),
  delivered: L('Diterima / sudah diambil', 'Delivered / picked up'),
  cancelled: L('Dibatalkan', 'Cancelled'),
  returned: L('Retur (barang kembali, stok ditambah)', 'Returned (goods back in stock)'),
}
export type FulfilmentStatus = keyof typeof FULFILMENT_STATUSES

export type DeliveryMethod = 'pickup' | 'courier'

/** Fulfilment as the buyer reads it: a pickup order is "ready for pickup" and "picked up", not shipped and delivered. */
export const fulfilmentLabel = (status: FulfilmentStatus, delivery: DeliveryMethod | null | undefined): Localized => {
  if (delivery === 'pickup' && status === 'shipped') return L('Siap diambil', 'Ready for pickup')
  if (delivery === 'pickup' && status === 'delivered') return L('Sudah diambil', 'Picked up')
  if (status === 'shipped') return L('Dikirim', 'Shipped')
  if (status === 'delivered') return L('Diterima', 'Delivered')
  if (status === 'returned') return L('Dikembalikan (retur)', 'Returned')
  return FULFILMENT_STATUSES[status]
}

/** Why an order needs a person: money that must go back, or a payment that does not match. */
export const ATTENTION = {
  refund: L('Perlu pengembalian dana', 'Refund due'),
  noStock: L('Dibayar, stok habis: kembalikan dana atau tangani manual', 'Paid, out of stock: refund or handle by hand'),
  mismatch: L('Pembayaran Stripe tidak cocok dengan pesanan', 'Stripe payment does not match the order'),
}
export type Attention = keyof typeof ATTENTION
