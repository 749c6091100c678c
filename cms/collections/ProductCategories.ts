import type { CollectionConfig } from 'payload'
import { anyone, isShopStaff } from '../access'
import { slugField } from '../fields/slug'

/** The managed taxonomy of products: makanan, minuman, kerajinan, pertanian, perikanan, … */
export const ProductCategories: CollectionConfig = {
  slug: 'product-categories',
  labels: { singular: { id: 'Kategori produk', en: 'Product category' }, plural: { id: 'Kategori produk', en: 'Product categories' } },
  admin: { useAsTitle: 'title', group: { id: 'Toko', en: 'Shop' } },
  access: { read: anyone, create: isShopStaff, update: isShopStaff, delete: isShopStaff },
  defaultSort: 'title',
  fields: [{ name: 'title', type: 'text', required: true, localized: true, label: { id: 'Nama', en: 'Name' } }, slugField('title')],
}
