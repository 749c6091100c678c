import type { Field, PayloadRequest } from 'payload'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { slugify } from '../lib/slugify'

/** A unique, editable URL slug filled from another field when left empty. */
export const slugField = (from = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  label: L('Slug (alamat URL)', 'Slug (URL)'),
  admin: {
    position: 'sidebar',
    description: L(
      'Terisi otomatis dari judul; boleh diubah. Hanya huruf kecil, angka dan tanda hubung.',
      'Filled from the title; editable. Lowercase letters, digits and hyphens only.',
    ),
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
    typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : localize(req, { code: 'slug.invalid' }),
})
