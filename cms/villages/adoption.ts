import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Field,
  PayloadRequest,
  RequestContext,
  TaskConfig,
  Where,
} from 'payload'
import { LOCALES } from '../lib/messages'
import { isAlreadyWaiting } from '../lib/waitingJob'
import { L } from '../lib/localize'
import { idOf } from '../lib/relation'
import { REGENCY_QUEUE } from '../regency/statistics'
import { CATALOGUE, type CatalogueCollection } from './catalogue'
import { richTextInVillage } from './relations'

/**
 * Shared templates: a village's copy of a document of the catalogue (a service with its form and letter template, a
 * product category, a shipping zone) remembers the template village's original it was adopted from. While it follows
 * the template, every change of the original reaches it; a change the village makes itself stops it following (its
 * own version is kept), and ticking "follows the template" again takes the template's current version.
 */

/** Set on the saves that bring a template's version into its copies: they are not the village's own changes. */
type AdoptionContext = { fromTemplate?: boolean }
const fromTemplate = (context: RequestContext) => Boolean((context as AdoptionContext).fromTemplate)

/** What a copy keeps of its own: which document and village it is, and its adoption. */
const OWN = new Set(['id', 'village', 'adoptedFrom', 'followsTemplate', 'createdAt', 'updatedAt', 'updatedBy', 'createdBy'])

/** The fields of the catalogue's copies that say where they come from and whether they follow it. */
const adoptionFields = (collection: CatalogueCollection): Field[] => [
  {
    name: 'adoptedFrom',
    type: 'relationship',
    relationTo: collection,
    index: true,
    label: L('Templat kabupaten', "The regency's template"),
    // Set by onboarding only: a copy cannot be pointed at another village's document to take it in.
    access: { create: () => false, update: () => false },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.adoptedFrom) },
  },
  {
    name: 'followsTemplate',
    type: 'checkbox',
    defaultValue: false,
    label: L('Ikuti templat kabupaten', "Follow the regency's template"),
    admin: {
      position: 'sidebar',
      condition: (data) => Boolean(data?.adoptedFrom),
      description: L(
        'Pembaruan templat diterapkan ke sini. Terlepas sendiri saat desa ini mengubahnya; centang lagi untuk kembali ke versi templat (perubahan desa ini diganti).',
        "The template's updates are applied here. It stops when this village changes it; tick it again to go back to the template's version (this village's changes are replaced).",
      ),
    },
  },
]

/** The parts of a document a copy takes from its template: all but what the copy keeps of its own. */
const contentOf = (doc: object): Record<string, unknown> => Object.fromEntries(Object.entries(doc).filter(([key]) => !OWN.has(key)))

/** The rows of `value` carry the ids of the rows at the same places in `current` (new rows get new ids). */
const withRowIds = (value: unknown, current: unknown): unknown => {
  if (Array.isArray(value)) {
    const rows = Array.isArray(current) ? current : []
    return value.map((row, i) => {
      if (!row || typeof row !== 'object') return row
      const { id: _templateRow, ...rest } = row as Record<string, unknown>
      const own = rows[i] as Record<string, unknown> | undefined
      const mapped = Object.fromEntries(Object.entries(rest).map(([key, v]) => [key, withRowIds(v, own?.[key])]))
      return own?.id ? { ...mapped, id: own.id } : mapped
    })
  }
  if (value && typeof value === 'object' && !('root' in value)) {
    const here = (current ?? {}) as Record<string, unknown>
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withRowIds(v, here[key])]))
  }
  return value
}

/** Where the documents of the template village are in the copy's village: the copies adopted from them. */
const copiesIn = async (req: PayloadRequest, village: number, collection: CatalogueCollection) => {
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ village: { equals: village } }, { adoptedFrom: { exists: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { adoptedFrom: true },
    req,
  })
  return new Map(docs.map((doc) => [idOf(doc.adoptedFrom as number), doc.id]))
}

/** Brings the template's version, in every language, into one copy (its rows keep their ids, its references follow). */
const takeTemplate = async (req: PayloadRequest, collection: CatalogueCollection, copyId: number, templateId: number) => {
  const context: AdoptionContext = { fromTemplate: true }
  const copy = await req.payload.findByID({ collection, id: copyId, depth: 0, overrideAccess: true, req })
  const village = idOf(copy.village)!
  const services = collection === 'services' ? await copiesIn(req, village, 'services') : new Map<number, number>()
  for (const locale of LOCALES) {
    const template = await req.payload.findByID({ collection, id: templateId, depth: 0, locale, overrideAccess: true, req })
    const current = await req.payload.findByID({ collection, id: copyId, depth: 0, locale, overrideAccess: true, req })
    const data = withRowIds(contentOf(template), current) as Record<string, unknown>
    if ('letterTemplate' in data && data.letterTemplate)
      data.letterTemplate = richTextInVillage(data.letterTemplate, (relation, id) =>
        relation === 'services' ? (services.get(id) ?? null) : null,
      )
    await req.payload.update({
      collection,
      id: copyId,
      data: { ...data, followsTemplate: true },
      locale,
      overrideAccess: true,
      context,
      req,
    })
  }
}

/** A change a village makes itself to a copy that follows its template stops it following (its version is kept). */
const keepLocalChanges: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || fromTemplate(req.context) || !originalDoc?.adoptedFrom || !originalDoc.followsTemplate) return data
  if (data.followsTemplate === false) return data
  // Compared without row ids, an empty value as none: the admin sends back what it was given.
  const comparable = (value: unknown) => JSON.stringify(withRowIds(value ?? null, undefined)) ?? 'null'
  const changed = Object.keys(contentOf(data)).some((key) => comparable(data[key]) !== comparable(originalDoc[key]))
  return changed ? { ...data, followsTemplate: false } : data
}

/** Brings a template's version into every copy that follows it. */
const passOn = async (req: PayloadRequest, collection: CatalogueCollection, templateId: number) => {
  const { docs: followers } = await req.payload.find({
    collection,
    where: { and: [{ adoptedFrom: { equals: templateId } }, { followsTemplate: { equals: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { followsTemplate: true },
    req,
  })
  for (const follower of followers) await takeTemplate(req, collection, follower.id, templateId)
  return followers.length
}

/** The job that passes a template's change on (a regency's villages are many: not while the editor waits). */
export const passOnTemplateTask: TaskConfig<{ input: { collection: string; id: number }; output: { copies: number } }> = {
  slug: 'passOnTemplate',
  label: 'Terapkan templat ke desa / Apply a template to the villages',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'copies', type: 'number', required: true }],
  handler: async ({ input, req }) => {
    const collection = CATALOGUE.find((slug) => slug === input.collection)
    if (!collection) throw new Error(`Not a collection of the catalogue: ${input.collection}`)
    return { output: { copies: await passOn(req, collection, input.id) } }
  },
}

/**
 * A template's change reaches the copies that follow it, within the minute (a job of queue `regency`); a copy
 * ticked to follow again takes the template's version at once.
 */
const passOnTemplate =
  (collection: CatalogueCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update' || fromTemplate(req.context)) return doc
    if (doc.adoptedFrom && doc.followsTemplate && !previousDoc?.followsTemplate)
      await takeTemplate(req, collection, doc.id, idOf(doc.adoptedFrom))
    const following: Where = { and: [{ adoptedFrom: { equals: doc.id } }, { followsTemplate: { equals: true } }] }
    const followers = await req.payload.count({ collection, where: following, overrideAccess: true, req })
    const input = { collection, id: doc.id }
    if (followers.totalDocs && !(await isAlreadyWaiting(req.payload, 'passOnTemplate', input, REGENCY_QUEUE, req)))
      await req.payload.jobs.queue({ task: 'passOnTemplate', input, queue: REGENCY_QUEUE, req })
    return doc
  }

const isCatalogue = (slug: string): slug is CatalogueCollection => CATALOGUE.some((c) => c === slug)

/** A collection of the catalogue with its adoption: the fields, and the hooks that keep copies following their template. */
export const adoptable = (collection: CollectionConfig): CollectionConfig => {
  if (!isCatalogue(collection.slug)) return collection
  return {
    ...collection,
    fields: [...collection.fields, ...adoptionFields(collection.slug)],
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), keepLocalChanges],
      afterChange: [...(collection.hooks?.afterChange ?? []), passOnTemplate(collection.slug)],
    },
  }
}
