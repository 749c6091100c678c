import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  CollectionAfterReadHook,
  Config,
  Plugin,
  Where,
} from 'payload'
import { invalidations } from '../page-cache/invalidations'
import { recordRead } from '../page-cache/reads'
import { documentTag, EVERYTHING, facetTag, LIST_TAGS, listChange, listRead, listTag, LOOKUP, type Tag } from '../page-cache/tags'
import { currentVillage } from '../villages/current'
import { SHARED_WITH_EVERY_VILLAGE } from '../villages/everyVillage'

/**
 * Records that no public page shows: residents' requests and letters, orders and their proofs (stock
 * moves invalidate their products themselves), the audit log, Stripe's events and the search engine's status.
 */
const NOT_ON_PUBLIC_PAGES = new Set([
  'service-requests',
  'letters',
  'orders',
  'payment-proofs',
  'audit-log',
  'payment-events',
  'search-status',
])

/** What every page shows (the layout reads the village's settings): a change invalidates everything. */
const ON_EVERY_PAGE = new Set(['settings'])

/**
 * The narrower lists of a collection (see facetTag): the fields they select or order by, and the fields that
 * decide whether a document is listed at all. Saving a document changes a facet's lists only when it is created
 * or deleted, or one of those fields changed.
 */
export const FACETS: Record<string, { fields: string[]; visibility: string[] }> = {
  products: { fields: ['category', 'producer', 'featured'], visibility: ['status'] },
  news: { fields: ['publishedAt'], visibility: ['_status', 'title'] },
}

type Doc = Record<string, unknown> | undefined
const valueOf = (doc: Doc, field: string) => {
  const value = doc?.[field]
  return value && typeof value === 'object' && 'id' in value ? value.id : value
}
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The tags a saved (or deleted: `doc` undefined) document invalidates. */
export const changedTags = (collection: string, id: number | string, doc: Doc, previous: Doc): Tag[] => {
  if (ON_EVERY_PAGE.has(collection)) return [EVERYTHING]
  // The lists of the village the document is in, and was in (a document moved to another village leaves one's lists);
  // every village's, for one the regency shows (or showed) on every village's site.
  const shared = SHARED_WITH_EVERY_VILLAGE[collection]
  const everywhere = shared !== undefined && (valueOf(doc, shared) === true || valueOf(previous, shared) === true)
  const villages = everywhere
    ? []
    : [...new Set([valueOf(doc, 'village'), valueOf(previous, 'village')])].filter((v): v is number => typeof v === 'number')
  const lists = (tag: Tag) => listChange(tag, villages)
  const tags = [documentTag(collection, id), ...lists(listTag(collection))]
  const facets = FACETS[collection]
  if (!facets) return tags
  const moved = !doc || !previous || facets.visibility.some((field) => !same(valueOf(doc, field), valueOf(previous, field)))
  for (const field of facets.fields) {
    const before = valueOf(previous, field)
    const after = valueOf(doc, field)
    if (!moved && same(before, after)) continue
    tags.push(...lists(facetTag(collection, field)))
    for (const value of new Set([before, after]))
      if (value !== undefined && value !== null) tags.push(...lists(facetTag(collection, field, value)))
  }
  return tags
}

/** Records lists as read in the village of the request (cms/page-cache/tags.ts). */
const recordList = (...tags: Tag[]) => recordRead(...tags.flatMap((tag) => listRead(tag, currentVillage()?.id)))

const recordDocument: CollectionAfterReadHook = ({ collection, doc }) => {
  if (doc?.id !== undefined) recordRead(documentTag(collection.slug, doc.id))
  return doc
}

/** The ids a read asks for by id alone (how Payload populates relationships), or null for any other query. */
const requestedIds = (where: Where | undefined): (number | string)[] | null => {
  const id = where && Object.keys(where).length === 1 ? (where.id as Record<string, unknown> | undefined) : undefined
  if (!id || Object.keys(id).length !== 1) return null
  const value = id.in ?? id.equals
  return Array.isArray(value) ? value : typeof value === 'number' || typeof value === 'string' ? [value] : null
}

/**
 * What a list read depends on: a read of given ids on those documents, found or not (one not public now may be
 * later); a look-up by key (LOOKUP in its context) on the document found, or on the lists when there is none; any
 * other query on the collection's lists, unless the read names narrower tags (LIST_TAGS in its context).
 */
const recordListRead: CollectionAfterOperationHook = ({ args, collection, operation, req, result }) => {
  if (operation !== 'find' && operation !== 'count') return result
  const ids = requestedIds((args as { where?: Where }).where)
  if (ids) recordRead(...ids.map((id) => documentTag(collection.slug, id)))
  else if (req.context[LOOKUP]) {
    if (!(result as { docs?: unknown[] }).docs?.length) recordList(listTag(collection.slug))
  } else recordList(...((req.context[LIST_TAGS] as Tag[] | undefined) ?? [listTag(collection.slug)]))
  return result
}

const invalidateSaved: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation }) => {
  await invalidations().invalidate(changedTags(collection.slug, doc.id, doc, operation === 'create' ? undefined : previousDoc))
  return doc
}

const invalidateDeleted: CollectionAfterDeleteHook = async ({ collection, doc, id }) => {
  await invalidations().invalidate(changedTags(collection.slug, id, undefined, doc))
  return doc
}

/**
 * Tags what public pages read and invalidates what a save changes (cms/page-cache/tags.ts), on every collection
 * shown on public pages (the globals, the search engine's status, are not).
 */
export const contentVersionPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) =>
    NOT_ON_PUBLIC_PAGES.has(collection.slug)
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterRead: [...(collection.hooks?.afterRead ?? []), recordDocument],
            afterOperation: [...(collection.hooks?.afterOperation ?? []), recordListRead],
            afterChange: [...(collection.hooks?.afterChange ?? []), invalidateSaved],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), invalidateDeleted],
          },
        },
  ),
})
