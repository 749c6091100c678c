import { ValidationError, type CollectionBeforeValidateHook, type CollectionConfig } from 'payload'
import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities'
import { activeProductsOrOwner, canEditProduct, canUpload, producerIn } from '../access'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { countVillageOnChange } from '../regency/statistics'

const rupiah = (name: string, label: { id: string; en: string }, required = false) =>
  ({
    name,
    type: 'number',
    required,
    min: 0,
    label,
    admin: {
      step: 500,
      description: L('Rupiah, tanpa desimal.', 'Rupiah, no decimals.'),
      components: { Cell: '/components/RupiahCell#RupiahCell' },
    },
  }) as const

/**
 * A variant row keeps its id for life (carts and orders point at it): a save that sends another product's
 * variant, or one variant twice, is refused before anything is written. SQLite saves are not transactions
 * here, and the database would otherwise refuse the rows only after the old ones were deleted.
 */
const ownVariantsOnly: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const ids = ((data?.variants ?? []) as { id?: string | null }[]).map((v) => v.id).filter((id): id is string => Boolean(id))
  if (!ids.length) return data
  const twice = ids.length !== new Set(ids).size
  const { docs } = twice
    ? { docs: [] }
    : await req.payload.find({
        collection: 'products',
        where: { and: [{ 'variants.id': { in: ids } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
  if (!twice && !docs.length) return data
  const message = localize(req, { code: 'variant.notOwn' })
  throw new ValidationError({ collection: 'products', errors: [{ path: 'variants', message }], req })
}

/**
 * Products of the village marketplace. Every product has at least one variant: the variant carries the
 * SKU, price, stock and weight, so cart lines and stock reservations always point at one variant row.
 */
export const Products: CollectionConfig = {
  slug: 'products',
  labels: { singular: L('Produk', 'Product'), plural: L('Produk', 'Products') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'producer', 'price', 'status', 'featured'],
    group: L('Toko', 'Shop'),
    // Active products are public, but a producer's admin (in the village picked) lists only the products they work on.
    baseFilter: ({ req }) => {
      const own = producerIn(req.user, getTenantFromCookie(req.headers, 'number'))
      return own ? { producer: { equals: own } } : null
    },
  },
  access: { read: activeProductsOrOwner, create: canUpload, update: canEditProduct, delete: canEditProduct },
  defaultSort: '-createdAt',
  hooks: {
    beforeValidate: [ownVariantsOnly],
    beforeChange: [
      // A producer's products always belong to their own producer profile (where they are a producer).
      ({ req, data, originalDoc }) => {
        const own = producerIn(req.user, data.village ?? originalDoc?.village)
        // The list price is the cheapest variant's: the catalog sorts and filters by it.
        const prices = (data.variants ?? [])
          .map((v: { price?: number }) => v.price)
          .filter((p: unknown): p is number => typeof p === 'number')
        return { ...data, ...(own ? { producer: own } : {}), ...(prices.length ? { price: Math.min(...prices) } : {}) }
      },
    ],
    afterChange: [countVillageOnChange.afterChange],
    afterDelete: [countVillageOnChange.afterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: L('Nama produk', 'Product name') },
    slugField('title'),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      label: L('Status', 'Status'),
      admin: { position: 'sidebar' },
      options: [
        { value: 'draft', label: L('Draf', 'Draft') },
        { value: 'active', label: L('Aktif (dijual)', 'Active (for sale)') },
        { value: 'archived', label: L('Diarsipkan', 'Archived') },
      ],
    },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      label: L('Unggulan di beranda', 'Featured on the home page'),
      admin: { position: 'sidebar', components: { Cell: '/components/YesNoCell#YesNoCell' } },
    },
    {
      name: 'producer',
      type: 'relationship',
      relationTo: 'producers',
      required: true,
      index: true,
      label: L('Produsen', 'Producer'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'product-categories',
      required: true,
      index: true,
      label: L('Kategori', 'Category'),
      admin: { position: 'sidebar' },
    },
    { name: 'summary', type: 'textarea', localized: true, label: L('Ringkasan', 'Summary') },
    { name: 'description', type: 'richText', localized: true, label: L('Deskripsi', 'Description') },
    { name: 'gallery', type: 'upload', relationTo: 'media', hasMany: true, label: L('Galeri foto', 'Photo gallery') },
    {
      type: 'row',
      fields: [
        {
          ...rupiah('price', L('Harga mulai', 'Price from')),
          index: true,
          admin: {
            readOnly: true,
            description: L('Diisi otomatis: harga varian termurah.', 'Filled in: the cheapest variant price.'),
            components: { Cell: '/components/RupiahCell#RupiahCell' },
          },
        },
        rupiah('compareAtPrice', L('Harga coret', 'Compare-at price')),
      ],
    },
    {
      name: 'trackStock',
      type: 'checkbox',
      defaultValue: true,
      label: L('Lacak stok', 'Track stock'),
      admin: { components: { Cell: '/components/YesNoCell#YesNoCell' } },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'madeToOrder',
          type: 'checkbox',
          defaultValue: false,
          label: L('Dibuat sesuai pesanan', 'Made to order'),
          admin: { components: { Cell: '/components/YesNoCell#YesNoCell' } },
        },
        {
          name: 'leadTimeDays',
          type: 'number',
          min: 0,
          label: L('Waktu pembuatan (hari)', 'Lead time (days)'),
          admin: { condition: (d) => Boolean(d?.madeToOrder) },
        },
      ],
    },
    {
      name: 'variants',
      type: 'array',
      required: true,
      minRows: 1,
      label: L('Varian (ukuran/berat)', 'Variants (size/weight)'),
      labels: { singular: L('Varian', 'Variant'), plural: L('Varian', 'Variants') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', localized: true, label: L('Nama varian (mis. 250 g)', 'Variant name (e.g. 250 g)') },
            { name: 'sku', type: 'text', required: true, label: L('SKU', 'SKU') },
          ],
        },
        {
          type: 'row',
          fields: [
            rupiah('price', L('Harga', 'Price'), true),
            { name: 'stock', type: 'number', required: true, defaultValue: 0, min: 0, label: L('Stok', 'Stock') },
            { name: 'weight', type: 'number', required: true, defaultValue: 250, min: 0, label: L('Berat (gram)', 'Weight (grams)') },
          ],
        },
      ],
    },
    {
      name: 'food',
      type: 'group',
      label: L('Keterangan pangan', 'Food details'),
      admin: { description: L('Isi untuk produk makanan/minuman.', 'Fill in for food and drink products.') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'pirt', type: 'text', label: L('Nomor P-IRT', 'P-IRT number') },
            { name: 'halal', type: 'text', label: L('Sertifikat halal', 'Halal certificate') },
            { name: 'shelfLife', type: 'text', localized: true, label: L('Masa simpan', 'Shelf life') },
          ],
        },
      ],
    },
  ],
}
