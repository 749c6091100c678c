import type { CollectionAfterReadHook, CollectionConfig, Field, FieldAccess } from 'payload'
import { canReadOrder, hasRoleForDocument, isAdmin, isShopStaff, producerIn } from '../../access'
import { orderStatusHooks } from './statusHooks'
import { handleStripeWebhook } from '../../shop/stripe'
import { handleXenditCallback } from '../../shop/xendit'
import * as shopMessages from '../../shop/messages'
import { ATTENTION, FULFILMENT_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES } from '../../shop/statuses'
import { L } from '../../lib/localize'
import { witaDateTime } from '../../admin/dates'
import { DEFAULT_LOCALE, labelOf, LOCALES } from '../../lib/messages'
import { idOf } from '../../lib/relation'
import type { Order } from '../../payload-types'

const readOnly = { readOnly: true } as const
const rupiahReadOnly = { readOnly: true, components: { Cell: '/components/RupiahCell#RupiahCell' } } as const
const staffRead: FieldAccess = ({ req, doc }) => hasRoleForDocument(req.user, doc, 'admin', 'editor')
/**
 * What checkout, Stripe and the state machine recorded is never written through the API: staff change an
 * order only by its statuses, tracking number, proof, flag and a note (the server's own writes pass).
 */
const recorded = { update: () => false }
const staffOnly = { read: staffRead, update: () => false }

/** A producer (in the order's village) sees only their own lines of an order that mixes several producers' products. */
const onlyOwnLines: CollectionAfterReadHook<Order> = ({ doc, req }) => {
  const own = producerIn(req.user, doc.village)
  if (own === null) return doc
  return {
    ...doc,
    lines: (doc.lines ?? []).filter((line) => String(idOf(line.producer)) === String(own)),
    producers: (doc.producers ?? []).filter((p) => String(idOf(p)) === String(own)),
  }
}

// Buyers read the same names on their order page and in emails: they come from the shop's catalogue.
const paymentMethods = PAYMENT_METHODS.map((value) => ({ value, label: labelOf(shopMessages, `payment.${value}`) }))
const paymentStatuses = PAYMENT_STATUSES.map((value) => ({ value, label: labelOf(shopMessages, `paymentStatus.${value}`) }))
const fulfilmentStatuses = FULFILMENT_STATUSES.map((value) => ({ value, label: labelOf(shopMessages, `fulfilment.${value}`) }))
const attentionFlags = ATTENTION.map((value) => ({ value, label: labelOf(shopMessages, `attention.${value}`) }))

const buyerFields: Field[] = [
  { name: 'name', type: 'text', required: true, label: L('Nama', 'Name') },
  { name: 'email', type: 'email', required: true, label: L('Email', 'Email') },
  { name: 'phone', type: 'text', required: true, label: L('Telepon', 'Phone') },
]

/** Orders of the marketplace, created by checkout; staff confirm payments and move fulfilment forward. */
export const Orders: CollectionConfig = {
  slug: 'orders',
  labels: { singular: L('Pesanan', 'Order'), plural: L('Pesanan', 'Orders') },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'total', 'paymentMethod', 'paymentStatus', 'fulfilmentStatus', 'attention', 'createdAt'],
    group: L('Toko', 'Shop'),
  },
  defaultSort: '-createdAt',
  access: { read: canReadOrder, create: () => false, update: isShopStaff, delete: isAdmin },
  hooks: { ...orderStatusHooks, afterRead: [onlyOwnLines] },
  endpoints: [
    {
      // POST /api/orders/stripe-webhook: the raw body is needed to verify Stripe's signature.
      path: '/stripe-webhook',
      method: 'post',
      handler: async (req) => {
        const result = await handleStripeWebhook(req.payload, await req.text!(), req.headers.get('stripe-signature'))
        return Response.json(result.body, { status: result.status })
      },
    },
    {
      // POST /api/orders/xendit-callback: Xendit's payment callbacks, proven by their x-callback-token header.
      path: '/xendit-callback',
      method: 'post',
      handler: async (req) => {
        const result = await handleXenditCallback(req.payload, await req.text!(), req.headers.get('x-callback-token'))
        return Response.json(result.body, { status: result.status })
      },
    },
  ],
  fields: [
    {
      name: 'number',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: L('Nomor pesanan', 'Order number'),
      access: recorded,
      admin: readOnly,
    },
    { name: 'accessToken', type: 'text', required: true, hidden: true, access: recorded },
    {
      // The regency portal's checkout this order is one village's part of: its buyer's page lists the group's orders.
      name: 'checkoutGroup',
      type: 'text',
      index: true,
      label: L('Checkout bersama (portal kabupaten)', 'Joint checkout (regency portal)'),
      access: recorded,
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.checkoutGroup) },
    },
    { name: 'locale', type: 'select', options: [...LOCALES], defaultValue: DEFAULT_LOCALE, access: recorded, admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'paymentMethod',
          type: 'select',
          required: true,
          options: paymentMethods,
          label: L('Metode bayar', 'Payment method'),
          access: recorded,
          admin: readOnly,
        },
        {
          name: 'paymentStatus',
          type: 'select',
          required: true,
          defaultValue: 'pending',
          options: paymentStatuses,
          label: L('Status pembayaran', 'Payment status'),
        },
        {
          name: 'fulfilmentStatus',
          type: 'select',
          required: true,
          defaultValue: 'unfulfilled',
          options: fulfilmentStatuses,
          label: L('Status pengiriman', 'Fulfilment status'),
        },
      ],
    },
    {
      name: 'attention',
      type: 'select',
      index: true,
      options: attentionFlags,
      label: L('Perlu perhatian', 'Needs attention'),
      admin: {
        position: 'sidebar',
        description: L(
          'Dipasang otomatis bila uang harus dikembalikan atau pembayaran tidak cocok. Kosongkan setelah ditangani.',
          'Set automatically when money must go back or a payment does not match. Clear it once handled.',
        ),
      },
    },
    { name: 'trackingNumber', type: 'text', label: L('Nomor resi kurir', 'Courier tracking number') },
    {
      name: 'statusNote',
      type: 'textarea',
      label: L('Alasan perubahan', 'Reason for the change'),
      admin: {
        description: L(
          'Ditulis ke riwayat bersama perubahan status yang Anda simpan (mis. "transfer dicek di rekening").',
          'Written into the timeline with the status change you save (e.g. "transfer seen in the account").',
        ),
      },
    },
    {
      name: 'lines',
      type: 'array',
      required: true,
      label: L('Barang', 'Items'),
      labels: { singular: L('Barang', 'Item'), plural: L('Barang', 'Items') },
      access: recorded,
      admin: readOnly,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', type: 'text', required: true, label: L('Produk', 'Product') },
            { name: 'variantLabel', type: 'text', label: L('Varian', 'Variant') },
            { name: 'sku', type: 'text', label: L('SKU', 'SKU') },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'unitPrice', type: 'number', required: true, label: L('Harga satuan', 'Unit price') },
            { name: 'quantity', type: 'number', required: true, label: L('Jumlah', 'Quantity') },
            { name: 'weight', type: 'number', label: L('Berat satuan (g)', 'Unit weight (g)') },
          ],
        },
        { name: 'product', type: 'relationship', relationTo: 'products', label: L('Produk', 'Product') },
        { name: 'variantId', type: 'text', admin: { hidden: true } },
        { name: 'producer', type: 'relationship', relationTo: 'producers', label: L('Produsen', 'Producer') },
        { name: 'reserved', type: 'number', defaultValue: 0, admin: { hidden: true } },
      ],
    },
    // Denormalised from the lines so producers can be given "orders containing my products".
    {
      name: 'producers',
      type: 'relationship',
      relationTo: 'producers',
      hasMany: true,
      index: true,
      access: recorded,
      admin: { hidden: true },
    },
    {
      type: 'row',
      fields: [
        // The order's sums include other producers' lines: staff only.
        { name: 'subtotal', type: 'number', required: true, label: L('Subtotal', 'Subtotal'), access: staffOnly, admin: rupiahReadOnly },
        { name: 'shippingFee', type: 'number', required: true, label: L('Ongkir', 'Shipping'), access: staffOnly, admin: rupiahReadOnly },
        { name: 'total', type: 'number', required: true, label: L('Total', 'Total'), access: staffOnly, admin: rupiahReadOnly },
      ],
    },
    { name: 'whatsappBuyer', type: 'ui', admin: { components: { Field: '/components/BuyerWhatsApp#BuyerWhatsApp' } } },
    { name: 'buyer', type: 'group', label: L('Pembeli', 'Buyer'), access: staffOnly, admin: readOnly, fields: buyerFields },
    {
      name: 'delivery',
      type: 'group',
      label: L('Pengiriman', 'Delivery'),
      access: recorded,
      admin: readOnly,
      fields: [
        {
          name: 'method',
          type: 'select',
          required: true,
          label: L('Cara pengiriman', 'Delivery method'),
          options: [
            { value: 'pickup', label: L('Ambil di desa', 'Pickup in the village') },
            { value: 'courier', label: L('Dikirim', 'Delivered') },
          ],
        },
        { name: 'zone', type: 'text', label: L('Zona', 'Zone') },
        { name: 'province', type: 'text', label: L('Provinsi', 'Province') },
        { name: 'city', type: 'text', label: L('Kota/Kabupaten', 'City/Regency') },
        { name: 'district', type: 'text', label: L('Kecamatan', 'District') },
        { name: 'postalCode', type: 'text', label: L('Kode pos', 'Postal code') },
        { name: 'street', type: 'textarea', label: L('Alamat', 'Street address'), access: staffOnly },
      ],
    },
    {
      name: 'reservation',
      type: 'group',
      label: L('Reservasi stok', 'Stock reservation'),
      access: recorded,
      admin: { readOnly: true, position: 'sidebar' },
      fields: [
        {
          name: 'state',
          type: 'select',
          label: L('Status stok', 'Stock state'),
          defaultValue: 'reserved',
          index: true,
          options: [
            // Only while checkout writes the order and takes its stock; never shown (see placeOrder).
            { value: 'placing', label: L('Sedang dibuat', 'Being placed') },
            { value: 'reserved', label: L('Dipesan sementara', 'Reserved') },
            { value: 'sold', label: L('Terjual', 'Sold') },
            { value: 'released', label: L('Dilepas', 'Released') },
          ],
        },
        // The app instance that placed the order: only its lease running out lets another undo a placing (scripts/lib/recover.ts).
        { name: 'instance', type: 'text', index: true, label: L('Instans', 'Instance'), admin: { hidden: true } },
        {
          name: 'expiresAt',
          type: 'date',
          index: true,
          label: L('Berlaku sampai', 'Expires at'),
          admin: witaDateTime({ readOnly: true }),
        },
      ],
    },
    {
      name: 'paymentProof',
      type: 'upload',
      relationTo: 'payment-proofs',
      label: L('Bukti transfer', 'Payment proof'),
      access: { read: staffRead },
      admin: { position: 'sidebar' },
    },
    {
      name: 'stripeSessionId',
      type: 'text',
      index: true,
      label: L('Sesi Stripe Checkout', 'Stripe Checkout session'),
      access: staffOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // The village's connected account the session was made on (none: the platform's): its events and refund go there.
      name: 'stripeAccount',
      type: 'text',
      label: L('Akun Stripe (Connect)', 'Stripe account (Connect)'),
      access: staffOnly,
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.stripeAccount) },
    },
    {
      name: 'stripePaymentIntentId',
      type: 'text',
      index: true,
      label: L('Pembayaran Stripe (PaymentIntent)', 'Stripe payment (PaymentIntent)'),
      access: staffOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // The gateway's payment of the order (Xendit): what the buyer's page shows them to pay with, until when.
      name: 'gateway',
      type: 'group',
      label: L('Pembayaran di gateway', 'Gateway payment'),
      access: staffOnly,
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.gateway?.paymentId) },
      fields: [
        { name: 'provider', type: 'text', label: L('Penyedia', 'Provider') },
        { name: 'paymentId', type: 'text', index: true, label: L('ID pembayaran (payment request)', 'Payment id (payment request)') },
        { name: 'paymentMethodId', type: 'text', index: true, label: L('ID metode pembayaran', 'Payment method id') },
        // The village's xenPlatform sub-account the payment was made in (none: the key owner's): its callbacks name it.
        { name: 'subAccount', type: 'text', label: L('Sub-akun Xendit', 'Xendit sub-account') },
        { name: 'channel', type: 'text', label: L('Kanal', 'Channel') },
        {
          name: 'kind',
          type: 'select',
          label: L('Cara bayar', 'How to pay'),
          options: [
            { value: 'virtualAccount', label: L('Nomor virtual account', 'Virtual account number') },
            { value: 'qrCode', label: L('Kode QR', 'QR code') },
            { value: 'redirect', label: L('Halaman e-wallet', 'E-wallet page') },
            { value: 'app', label: L('Persetujuan di aplikasi', 'Approval in the app') },
          ],
        },
        { name: 'code', type: 'text', label: L('Nomor VA / isi QR', 'VA number / QR content') },
        { name: 'url', type: 'text', label: L('Alamat pembayaran', 'Payment address') },
        { name: 'expiresAt', type: 'date', label: L('Berlaku sampai', 'Expires at'), admin: witaDateTime({ readOnly: true }) },
      ],
    },
    {
      // Every callback of the order's gateway, applied or not: its payment history beside the timeline.
      name: 'paymentEvents',
      type: 'join',
      collection: 'payment-events',
      on: 'order',
      label: L('Riwayat pembayaran di gateway', 'Gateway payment history'),
      admin: { defaultColumns: ['createdAt', 'provider', 'type', 'outcome', 'eventId'] },
    },
    {
      // Declared so the list shows when an order was placed in WITA (Payload adds the same field otherwise).
      name: 'createdAt',
      type: 'date',
      index: true,
      label: L('Dipesan', 'Placed'),
      admin: { hidden: true, disableBulkEdit: true, components: { Cell: '/components/WitaDate#WitaDateCell' } },
    },
    {
      name: 'timeline',
      type: 'array',
      label: L('Riwayat', 'Timeline'),
      labels: { singular: L('Kejadian', 'Event'), plural: L('Riwayat', 'Timeline') },
      access: recorded,
      admin: { ...readOnly, components: { RowLabel: '/components/OrderTimelineRow#OrderTimelineRow' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'at', type: 'date', required: true, label: L('Waktu', 'When'), admin: witaDateTime({ readOnly: true }) },
            { name: 'by', type: 'text', label: L('Oleh', 'By') },
            { name: 'event', type: 'text', required: true, label: L('Kejadian', 'Event') },
          ],
        },
        { name: 'note', type: 'text', label: L('Alasan', 'Reason') },
        // What happened, for the buyer's page in their language ("payment.paid", "tracking" with its number…).
        { name: 'code', type: 'text', admin: { hidden: true } },
        { name: 'detail', type: 'text', admin: { hidden: true } },
      ],
    },
  ],
}
