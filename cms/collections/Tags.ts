import type { CollectionConfig } from 'payload'
import { anyone, isEditor } from '../access'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'

/** Free keywords on articles; /berita?tag=… lists the articles with one. */
export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: L('Tag', 'Tag'), plural: L('Tag', 'Tags') },
  admin: { useAsTitle: 'title', group: L('Berita', 'News'), defaultColumns: ['title', 'slug'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [{ name: 'title', type: 'text', required: true, localized: true, label: L('Nama', 'Name') }, slugField('title')],
}
