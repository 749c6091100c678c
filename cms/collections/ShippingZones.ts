import type { CollectionConfig } from 'payload'
import { anyone, isShopStaff } from '../access'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { PROVINCES, provinceNamed } from '../shop/provinces'

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
      // The buyer picks a province from the same list, so a zone matches exactly.
      validate: (value: string[] | null | undefined, { req }: { req: Parameters<typeof localize>[0] }) => {
        const unknown = (value ?? []).filter((name) => !provinceNamed(name))
        return unknown.length ? localize(req, { code: 'zone.unknownProvince', params: { names: unknown.join(', ') } }) : true
      },
      hooks: { beforeChange: [({ value }) => (value as string[] | undefined)?.map((name) => provinceNamed(name) ?? name)] },
      admin: {
        description: L(
          `Kosongkan untuk zona cadangan (semua provinsi lain). Nama resmi: ${PROVINCES.join(', ')}.`,
          `Leave empty for the fallback zone (all other provinces). Official names: ${PROVINCES.join(', ')}.`,
        ),
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
