import type { CollectionConfig } from 'payload'
import { anyone, isEditor } from '../access'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'

/** News categories, e.g. Pemerintahan, Ekonomi, Budaya: one per article section on /berita. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: L('Kategori', 'Category'), plural: L('Kategori', 'Categories') },
  admin: { useAsTitle: 'title', group: L('Berita', 'News'), defaultColumns: ['title', 'slug'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [{ name: 'title', type: 'text', required: true, localized: true, label: L('Nama', 'Name') }, slugField('title')],
}
