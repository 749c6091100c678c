import type { CollectionConfig, Field } from 'payload'
import { L } from '../lib/localize'
import { ADMIN_DATE_FORMAT } from '../admin/dates'

/** Drafts, versions and publishing at a chosen time (a Payload job runs the scheduled change). */
export const scheduledDrafts: CollectionConfig['versions'] = {
  drafts: { schedulePublish: true, autosave: false },
  maxPerDoc: 30,
}

/** The date shown to readers; filled with the moment of first publication when left empty. */
export const publishedAtField: Field = {
  name: 'publishedAt',
  type: 'date',
  index: true,
  label: L('Tanggal terbit', 'Publish date'),
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH.mm', displayFormat: ADMIN_DATE_FORMAT },
    components: { Cell: '/components/WitaDate#WitaDateCell' },
    description: L('Kosongkan untuk memakai waktu saat diterbitkan.', 'Leave empty to use the moment it is published.'),
  },
  hooks: {
    beforeChange: [
      ({ value, data, siblingData }) =>
        value || ((data?._status ?? siblingData?._status) === 'published' ? new Date().toISOString() : value),
    ],
  },
}

/** Search-engine and social preview overrides; the page falls back to title, excerpt and cover. */
export const seoField: Field = {
  name: 'seo',
  type: 'group',
  label: L('SEO dan pratinjau tautan', 'SEO and link preview'),
  fields: [
    { name: 'title', type: 'text', localized: true, maxLength: 70, label: L('Judul SEO', 'SEO title') },
    { name: 'description', type: 'textarea', localized: true, maxLength: 160, label: L('Deskripsi SEO', 'SEO description') },
    { name: 'image', type: 'upload', relationTo: 'media', label: L('Gambar pratinjau', 'Preview image') },
  ],
}
