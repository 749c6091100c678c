import type { Field, PayloadRequest } from 'payload'
import { localize } from '../lib/localize'
import { slugify } from '../lib/slugify'

/** A unique, editable URL slug filled from another field when left empty. */
export const slugField = (from = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  label: { id: 'Slug (alamat URL)', en: 'Slug (URL)' },
  admin: {
    position: 'sidebar',
    description: {
      id: 'Terisi otomatis dari judul; boleh diubah. Hanya huruf kecil, angka dan tanda hubung.',
      en: 'Filled from the title; editable. Lowercase letters, digits and hyphens only.',
    },
  },
  hooks: {
    beforeValidate: [
      ({ value, data, originalDoc }) => {
        const source = data?.[from] ?? originalDoc?.[from]
        const raw = value || (typeof source === 'string' ? source : (source?.id ?? source?.en ?? ''))
        return typeof raw === 'string' ? slugify(raw) : raw
      },
    ],
  },
  validate: (value: unknown, { req }: { req: PayloadRequest }) =>
    typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
      ? true
      : localize(req, {
          id: 'Slug hanya boleh berisi huruf kecil, angka dan tanda hubung.',
          en: 'The slug may contain only lowercase letters, digits and hyphens.',
        }),
})
