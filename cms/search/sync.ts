import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, TaskConfig } from 'payload'
import { invalidations } from '../page-cache/invalidations'
import { listChange, listTag } from '../page-cache/tags'
import { inVillage, type VillageRef } from '../villages/current'
import { SHARED_WITH_EVERY_VILLAGE } from '../villages/everyVillage'
import { configuredEngine, resetConfigured } from './engine'
import { INDEXES } from './indexes'
import { SOURCES, sourceFor } from './sources'
import { documentId, type Locale, type SearchSource } from './sources/types'
import type { SearchDocument, SearchEngine } from './types'

const LOCALES: Locale[] = ['id', 'en']
export const SEARCH_QUEUE = 'search'

/** The editors' synonym groups from the CMS. */
const loadSynonyms = async (payload: Payload): Promise<string[][]> => {
  const { docs } = await payload.find({ collection: 'search-synonyms', limit: 1000, depth: 0, pagination: false, overrideAccess: true })
  return docs.map((d) => (d.terms ?? []).filter((t): t is string => typeof t === 'string' && t.trim() !== ''))
}

/** The process's engine, configured with every index and the current synonyms. */
export const getSearch = (payload: Payload): Promise<SearchEngine> =>
  configuredEngine(async (engine) => engine.configure(INDEXES, await loadSynonyms(payload)))

/** Applies changed synonyms to the engine. */
const applySynonyms = async (payload: Payload) => {
  resetConfigured()
  await getSearch(payload)
}

/** Whether the regency shows the item on every village's site. */
const isForEveryVillage = (source: SearchSource, doc: object) => {
  const field = SHARED_WITH_EVERY_VILLAGE[source.collection]
  return field !== undefined && (doc as Record<string, unknown>)[field] === true
}

/** An item as its index stores it: what its source makes of it, its village, and whether every village shows it. */
const indexed = (source: SearchSource, doc: object, locale: Locale, village: VillageRef): SearchDocument => ({
  ...source.toDocument(doc as never, locale),
  village: village.id,
  ...(isForEveryVillage(source, doc) && { everyVillage: true }),
})

/** The village an item belongs to, or null when it is gone. */
const villageOf = async (payload: Payload, source: SearchSource, id: string): Promise<VillageRef | null> => {
  const { docs } = await payload.find({
    collection: source.collection,
    where: { id: { equals: id } },
    select: { village: true },
    depth: 1,
    limit: 1,
    overrideAccess: true,
  })
  const village = docs[0] && (docs[0] as { village?: unknown }).village
  return village && typeof village === 'object' ? (village as VillageRef) : null
}

/** What a visitor of its village can read of one item in one language, or null when it is not public (draft, deleted). */
const publicDocument = async (payload: Payload, source: SearchSource, id: string, locale: Locale, village: VillageRef) => {
  const { docs } = await inVillage(village, () =>
    payload.find({
      collection: source.collection,
      where: { id: { equals: id } },
      locale,
      depth: source.depth,
      limit: 1,
      overrideAccess: false,
      draft: false,
    }),
  )
  return docs[0] ? indexed(source, docs[0], locale, village) : null
}

/** Brings the index in line with one item: upsert what is public, remove what no longer is. */
const syncDocument = async (payload: Payload, collection: string, id: string) => {
  const source = sourceFor(collection)
  if (!source) return
  const engine = await getSearch(payload)
  const village = await villageOf(payload, source, id)
  const documents = village ? await Promise.all(LOCALES.map((locale) => publicDocument(payload, source, id, locale, village))) : []
  const present = documents.filter((d): d is SearchDocument => d !== null)
  const gone = LOCALES.map((locale) => documentId(id, locale)).filter((docId) => !present.some((d) => d.id === docId))
  await engine.upsert(source.index, present)
  await engine.delete(source.index, gone)
  // Lists read from the engine (the catalog) change now, after the save that queued this sync was already seen: the
  // document's village's lists (all villages' when it is gone and its village unknown, or every village shows it).
  const everywhere = !village || present.some((d) => d.everyVillage)
  await invalidations().invalidate(listChange(listTag(collection), everywhere ? [] : [village.id]))
}

/** Rebuilds every index from the database. `progress` hears about each batch. */
export const reindexAll = async (payload: Payload, progress: (done: number, total: number, collection: string) => void = () => {}) => {
  const engine = await getSearch(payload)
  // The rebuild reads the database as it is now, so every document sync queued before it is redundant.
  await payload.delete({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'searchSync' } }, { completedAt: { exists: false } }, { processing: { equals: false } }] },
    overrideAccess: true,
  })
  const { docs: villages } = await payload.find({
    collection: 'villages',
    where: { status: { equals: 'active' } },
    select: { slug: true },
    pagination: false,
    overrideAccess: true,
  })
  // What each village's visitors may read, read as one of them.
  const counts = await Promise.all(
    villages.map((v) =>
      inVillage({ id: v.id, slug: v.slug }, () =>
        Promise.all(
          SOURCES.map((s) => payload.count({ collection: s.collection, where: { village: { equals: v.id } }, overrideAccess: false })),
        ),
      ),
    ),
  )
  const total = counts.flat().reduce((n, t) => n + t.totalDocs, 0)
  let done = 0
  for (const source of SOURCES) await engine.clear(source.index)
  for (const village of villages)
    await inVillage({ id: village.id, slug: village.slug }, async () => {
      for (const source of SOURCES) {
        for (let page = 1; ; page++) {
          const read = (locale: Locale, extra: object) =>
            payload.find({
              collection: source.collection,
              locale,
              depth: source.depth,
              overrideAccess: false,
              draft: false,
              sort: 'id',
              // The village's own: what it shows of the regency's is indexed once, with the village it belongs to.
              where: { village: { equals: village.id } },
              ...extra,
            })
          const batch = await read('id', { limit: 200, page })
          const ids = batch.docs.map((d) => (d as { id: number | string }).id)
          const english = ids.length ? await read('en', { where: { id: { in: ids } }, pagination: false }) : { docs: [] }
          const documents = [
            ...batch.docs.map((d) => indexed(source, d, 'id', village)),
            ...english.docs.map((d) => indexed(source, d, 'en', village)),
          ]
          await engine.upsert(source.index, documents)
          done += batch.docs.length
          progress(done, total, source.collection)
          if (!batch.hasNextPage) break
        }
      }
    })
  await engine.flush()
  await invalidations().invalidate(SOURCES.map((source) => listTag(source.collection)))
  await recordSync(payload, null)
  return { total }
}

/** Notes the outcome of the last sync in the status global the admin shows. */
const recordSync = async (payload: Payload, error: string | null) => {
  await payload.updateGlobal({
    slug: 'search-status',
    data: error ? { lastError: error, lastErrorAt: new Date().toISOString() } : { lastSyncAt: new Date().toISOString(), lastError: null },
    overrideAccess: true,
  })
}

/** Queues a sync of one document; for changes made outside Payload's hooks (e.g. stock taken by checkout). */
export const enqueueSync = async (
  payload: Payload,
  collection: string,
  id: string | number,
  req?: Parameters<Payload['jobs']['queue']>[0]['req'],
) => {
  await payload.jobs.queue({ task: 'searchSync', queue: SEARCH_QUEUE, input: { collection, id: String(id) }, req })
}

/** Hooks for a searchable collection: every save or delete queues a sync job; the editor never waits for the engine. */
export const syncHooks = (collection: string) => {
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    await enqueueSync(req.payload, collection, doc.id, req)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
    await enqueueSync(req.payload, collection, id, req)
  }
  return { afterChange, afterDelete }
}

const RETRIES = { attempts: 6, backoff: { type: 'exponential' as const, delay: 1000 } }

/** Runs a sync step; a failure is recorded for the admin's status panel and rethrown so the job retries. */
const recorded = async (payload: Payload, work: () => Promise<void>) => {
  try {
    await work()
  } catch (err) {
    await recordSync(payload, (err as Error).message).catch(() => {})
    throw err
  }
  await recordSync(payload, null)
}

const searchSyncTask: TaskConfig<'searchSync'> = {
  slug: 'searchSync',
  label: 'Sinkronkan pencarian',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  retries: RETRIES,
  handler: async ({ input, req }) => {
    await recorded(req.payload, () => syncDocument(req.payload, input.collection, input.id))
    return { output: {} }
  },
}

const searchSynonymsTask: TaskConfig<'searchSynonyms'> = {
  slug: 'searchSynonyms',
  label: 'Terapkan sinonim pencarian',
  retries: RETRIES,
  handler: async ({ req }) => {
    await recorded(req.payload, () => applySynonyms(req.payload))
    return { output: {} }
  },
}

export const searchTasks = [searchSyncTask, searchSynonymsTask]
