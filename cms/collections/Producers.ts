import type { CollectionConfig } from 'payload'
import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities'
import { anyone, canEditProducer, isShopStaff, producerIn } from '../access'
import { slugField } from '../fields/slug'
import { waNumberField } from '../fields/whatsapp'
import { L } from '../lib/localize'

/** Sellers of the village marketplace: UMKM, BUMDes, farmer and fisher groups. */
export const Producers: CollectionConfig = {
  slug: 'producers',
  labels: { singular: L('Produsen', 'Producer'), plural: L('Produsen', 'Producers') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'location'],
    group: L('Toko', 'Shop'),
    // Everyone may read producer profiles (the site shows them); in the admin a producer lists only their own.
    baseFilter: ({ req }) => {
      const own = producerIn(req.user, getTenantFromCookie(req.headers, 'number'))
      return own ? { id: { equals: own } } : null
    },
  },
  access: { read: anyone, create: isShopStaff, update: canEditProducer, delete: isShopStaff },
  fields: [
    { name: 'name', type: 'text', required: true, label: L('Nama', 'Name') },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'umkm',
      label: L('Jenis', 'Kind'),
      options: [
        { value: 'umkm', label: L('UMKM', 'Small business (UMKM)') },
        { value: 'bumdes', label: L('BUMDes', 'Village enterprise (BUMDes)') },
        { value: 'kelompok-tani', label: L('Kelompok tani', 'Farmer group') },
        { value: 'kelompok-nelayan', label: L('Kelompok nelayan', 'Fisher group') },
      ],
    },
    { name: 'story', type: 'richText', localized: true, label: L('Cerita', 'Story') },
    { name: 'photo', type: 'upload', relationTo: 'media', label: L('Foto', 'Photo') },
    waNumberField('whatsapp'),
    { name: 'email', type: 'email', label: L('Email (pesanan baru)', 'Email (new orders)') },
    { name: 'location', type: 'text', label: L('Lokasi di desa (dusun/RT)', 'Location in the village') },
  ],
}
