import type { CollectionConfig } from 'payload'
import { isAdmin } from '../access'
import { L } from '../lib/localize'

/** Stripe webhook events already processed: each event id is applied once. */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  labels: { singular: L('Peristiwa Stripe', 'Stripe event'), plural: L('Peristiwa Stripe', 'Stripe events') },
  admin: { useAsTitle: 'eventId', group: L('Toko', 'Shop'), defaultColumns: ['eventId', 'type', 'applied', 'createdAt'] },
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, index: true, label: L('ID peristiwa', 'Event id') },
    { name: 'type', type: 'text', required: true, label: L('Jenis', 'Type') },
    {
      name: 'applied',
      type: 'checkbox',
      defaultValue: false,
      label: L('Sudah diterapkan', 'Applied'),
      admin: { components: { Cell: '/components/YesNoCell#YesNoCell' } },
    },
  ],
}
