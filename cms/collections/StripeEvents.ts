import type { CollectionConfig } from 'payload'
import { isAdmin } from '../access'

/** Stripe webhook events already processed: each event id is applied once. */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  labels: { singular: { id: 'Peristiwa Stripe', en: 'Stripe event' }, plural: { id: 'Peristiwa Stripe', en: 'Stripe events' } },
  admin: { useAsTitle: 'eventId', group: { id: 'Toko', en: 'Shop' }, defaultColumns: ['eventId', 'type', 'applied', 'createdAt'] },
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'text', required: true },
    { name: 'applied', type: 'checkbox', defaultValue: false, admin: { components: { Cell: '/components/YesNoCell#YesNoCell' } } },
  ],
}
