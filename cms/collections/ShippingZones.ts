import type { CollectionConfig } from 'payload'
import { anyone, isShopStaff } from '../access'
import { L } from '../lib/localize'

/** Delivery rates: a zone covers provinces and charges a base fee plus a fee per started kilogram. */
export const ShippingZones: CollectionConfig = {
  slug: 'shipping-zones',
  labels: { singular: L('Zona pengiriman', 'Shipping zone'), plural: L('Zona pengiriman', 'Shipping zones') },
  admin: { useAsTitle: 'name', group: L('Toko', 'Shop') },
  access: { read: anyone, create: isShopStaff, update: isShopStaff, delete: isShopStaff },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: L('Nama zona', 'Zone name') },
    {
      name: 'provinces',
      type: 'text',
      hasMany: true,
      label: L('Provinsi', 'Provinces'),
      admin: {
        description: L('Kosongkan untuk zona cadangan (semua provinsi lain).', 'Leave empty for the fallback zone (all other provinces).'),
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'baseFee', type: 'number', required: true, min: 0, label: L('Tarif dasar (Rp)', 'Base fee (Rp)') },
        { name: 'perKgFee', type: 'number', required: true, min: 0, label: L('Tarif per kg (Rp)', 'Fee per kg (Rp)') },
      ],
    },
  ],
}
