import type { CollectionConfig, Field } from 'payload'
import { L } from '../lib/localize'

/** Drafts, versions and publishing at a chosen time (a Payload job runs the scheduled change), on a 24-hour clock. */
export const scheduledDrafts: CollectionConfig['versions'] = {
  drafts: { schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 15 }, autosave: false },
  maxPerDoc: 30,
}

/** The publish button of collections with scheduled publishing (its drawer starts on "Publish" for new drafts). */
export const schedulePublishButton = { PublishButton: '/components/SchedulePublishButton#SchedulePublishButton' }

/** Indonesia's three time zones; the village's, WITA, is preselected when scheduling. */
export const VILLAGE_TIMEZONES = {
  defaultTimezone: 'Asia/Makassar',
  supportedTimezones: [
    { label: 'WIB (Asia/Jakarta)', value: 'Asia/Jakarta' },
    { label: 'WITA (Asia/Makassar)', value: 'Asia/Makassar' },
    { label: 'WIT (Asia/Jayapura)', value: 'Asia/Jayapura' },
  ],
}

/** The date shown to readers; filled with the moment of first publication when left empty. */
export const publishedAtField: Field = {
  name: 'publishedAt',
  type: 'date',
  index: true,
  label: L('Tanggal terbit', 'Publish date'),
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH:mm' },
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
