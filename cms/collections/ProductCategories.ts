import type { CollectionConfig } from 'payload'
import { anyone, isShopStaff } from '../access'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'

/** The managed taxonomy of products: makanan, minuman, kerajinan, pertanian, perikanan, … */
export const ProductCategories: CollectionConfig = {
  slug: 'product-categories',
  labels: { singular: L('Kategori produk', 'Product category'), plural: L('Kategori produk', 'Product categories') },
  admin: { useAsTitle: 'title', group: L('Toko', 'Shop') },
  access: { read: anyone, create: isShopStaff, update: isShopStaff, delete: isShopStaff },
  defaultSort: 'title',
  fields: [{ name: 'title', type: 'text', required: true, localized: true, label: L('Nama', 'Name') }, slugField('title')],
}
