import type { CollectionSlug, Field, PayloadRequest } from 'payload'
import { idOf } from '../lib/relation'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { slugify } from '../lib/slugify'

/** Whether another document of the collection holds `slug` in the same village. */
const takenInVillage = async (req: PayloadRequest, collection: CollectionSlug, slug: string, village: unknown, id: unknown) => {
  const villageId = idOf(village as number | { id: number } | null | undefined)
  if (villageId == null) return false
  const { totalDocs } = await req.payload.count({
    collection,
    where: { and: [{ slug: { equals: slug } }, { village: { equals: villageId } }, ...(id == null ? [] : [{ id: { not_equals: id } }])] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** An editable URL slug, unique in its village, filled from another field when left empty. */
export const slugField = (from = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  required: true,
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
  validate: async (
    value: unknown,
    { req, collectionSlug, data, id }: { req: PayloadRequest; collectionSlug?: string; data: Record<string, unknown>; id?: unknown },
  ) => {
    if (typeof value !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return localize(req, { code: 'slug.invalid' })
    if (collectionSlug && (await takenInVillage(req, collectionSlug as CollectionSlug, value, data.village, id)))
      // Payload's own words for a unique field, in the editor's language.
      return req.t('error:valueMustBeUnique')
    return true
  },
})
