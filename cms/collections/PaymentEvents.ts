import type { CollectionConfig } from 'payload'
import { isAdminSomewhere } from '../access'
import { L } from '../lib/localize'

/**
 * The payment gateways' callbacks already processed (Stripe's webhook events, Xendit's callbacks): each
 * delivery id is applied once; the order it concerns lists them as its payment history.
 */
export const PaymentEvents: CollectionConfig = {
  slug: 'payment-events',
  labels: { singular: L('Peristiwa pembayaran', 'Payment event'), plural: L('Peristiwa pembayaran', 'Payment events') },
  admin: {
    useAsTitle: 'eventId',
    group: L('Toko', 'Shop'),
    defaultColumns: ['eventId', 'provider', 'type', 'outcome', 'order', 'createdAt'],
  },
  defaultSort: '-createdAt',
  access: { read: isAdminSomewhere, create: () => false, update: () => false, delete: isAdminSomewhere },
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, index: true, label: L('ID peristiwa', 'Event id') },
    {
      name: 'provider',
      type: 'select',
      required: true,
      defaultValue: 'stripe',
      options: [
        { value: 'stripe', label: 'Stripe' },
        { value: 'xendit', label: 'Xendit' },
      ],
      label: L('Penyedia', 'Provider'),
    },
    { name: 'type', type: 'text', required: true, label: L('Jenis', 'Type') },
    {
      name: 'order',
      type: 'relationship',
      relationTo: 'orders',
      index: true,
      label: L('Pesanan', 'Order'),
    },
    {
      name: 'outcome',
      type: 'select',
      options: [
        { value: 'applied', label: L('Diterapkan', 'Applied') },
        { value: 'ignored', label: L('Diabaikan (sudah berlaku atau tidak berlaku lagi)', 'Ignored (already so, or no longer applies)') },
        { value: 'flagged', label: L('Diteruskan ke petugas', 'Passed to staff') },
      ],
      label: L('Hasil', 'Outcome'),
    },
    {
      name: 'applied',
      type: 'checkbox',
      defaultValue: false,
      label: L('Sudah diterapkan', 'Applied'),
      admin: { components: { Cell: '/components/YesNoCell#YesNoCell' } },
    },
  ],
}
