import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest, TaskConfig, Where } from 'payload'
import type { Village, VillageStatistic } from '../payload-types'
import { FINAL_STATUSES } from '../resident-services/status'
import { isAlreadyWaiting } from '../lib/waitingJob'
import { idOf } from '../lib/relation'
import { isUniqueClash } from '../lib/uniqueClash'
import { witaDate } from '../lib/wita'
import { VISIT_DAYS } from './indicators'
import { DAY_MS, dayCounts, median } from './median'
import { keepMonthlyFigures, requestsOf, type VillageRequests } from './monthly'

/** OpenKab's "active village": staff signed in, or the village's data changed, within the last seven days. */
const ACTIVE_DAYS = 7

type Figures = Omit<VillageStatistic, 'id' | 'createdAt' | 'updatedAt'>

/** When the village's own documents last changed (its requests, news, pages, products), or null. */
const lastChange = async (payload: Payload, village: number) => {
  const latest = await Promise.all(
    (['service-requests', 'news', 'pages', 'products'] as const).map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        where: { village: { equals: village } },
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: { updatedAt: true },
      })
      return docs[0]?.updatedAt ?? null
    }),
  )
  return (
    latest
      .filter((at): at is string => Boolean(at))
      .sort()
      .at(-1) ?? null
  )
}

/** When the village last published one of its own articles (not the regency's) or episodes, or null. */
const lastPublished = async (payload: Payload, collection: 'news' | 'episodes', village: number, now: Date) => {
  const own: Where[] = collection === 'news' ? [{ forEveryVillage: { not_equals: true } }] : []
  const { docs } = await payload.find({
    collection,
    where: {
      and: [
        { village: { equals: village } },
        { _status: { equals: 'published' } },
        { publishedAt: { less_than_equal: now.toISOString() } },
        ...own,
      ],
    },
    sort: '-publishedAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { publishedAt: true },
  })
  return docs[0]?.publishedAt ?? null
}

/** The page views of the village's site per day (WITA) of the last 31 days, which the dashboard sums over its window. */
const visitsByDay = async (payload: Payload, village: number, now: Date) => {
  const { docs } = await payload.find({
    collection: 'site-visits',
    where: {
      and: [
        { village: { equals: String(village) } },
        { day: { greater_than_equal: witaDate(new Date(now.getTime() - VISIT_DAYS * DAY_MS)) } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { day: true, views: true },
  })
  return Object.fromEntries(docs.map((row) => [row.day, row.views]))
}

/**
 * A village's figures, counted from its data: residents' requests by state (open ones past their due date are
 * overdue), the median days from submission to a finished letter, signed letters, published news and episodes,
 * products for sale, paid orders, services open online, when it last published an article and an episode, its site's
 * visits per day, and when its staff last signed in. Nothing about any resident.
 */
export const figuresOf = async (payload: Payload, village: Village, now = new Date(), requests?: VillageRequests): Promise<Figures> => {
  const own = { village: { equals: village.id } }
  const count = async (
    collection: 'service-requests' | 'letters' | 'news' | 'episodes' | 'products' | 'orders' | 'services',
    where: Where = {},
  ) => (await payload.count({ collection, where: { and: [own, where] }, overrideAccess: true })).totalDocs
  const open = { status: { not_in: [...FINAL_STATUSES] } }
  const done = (requests ?? (await requestsOf(payload, village.id))).filter((r) => r.status === 'done' && r.completedAt)
  const days = done.map((r) => (Date.parse(r.completedAt!) - Date.parse(r.submittedAt ?? r.createdAt)) / DAY_MS)
  const staff = await payload.find({
    collection: 'users',
    where: { and: [{ 'villages.village': { equals: village.id } }, { lastSignInAt: { exists: true } }] },
    sort: '-lastSignInAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { lastSignInAt: true },
  })
  const lastStaffSignIn = staff.docs[0]?.lastSignInAt ?? null
  const lastDataChange = await lastChange(payload, village.id)
  const recent = (at: string | null) => Boolean(at && now.getTime() - Date.parse(at) <= ACTIVE_DAYS * DAY_MS)
  const middle = median(days)
  return {
    village: village.id,
    villageName: village.name,
    kecamatan: village.kecamatan ?? null,
    requestsReceived: await count('service-requests', { incomplete: { not_equals: true } }),
    requestsOpen: await count('service-requests', open),
    requestsOverdue: await count('service-requests', { and: [open, { dueDate: { less_than: witaDate(now) } }] }),
    requestsDone: done.length,
    medianDaysToDone: middle === null ? null : Math.round(middle * 10) / 10,
    daysToDone: dayCounts(days),
    lettersSigned: await count('letters', { signedAt: { exists: true } }),
    newsPublished: await count('news', { _status: { equals: 'published' } }),
    episodesPublished: await count('episodes', { _status: { equals: 'published' } }),
    productsListed: await count('products', { status: { equals: 'active' } }),
    ordersPaid: await count('orders', { paymentStatus: { equals: 'paid' } }),
    servicesActive: await count('services', { active: { equals: true } }),
    lastArticleAt: await lastPublished(payload, 'news', village.id, now),
    lastEpisodeAt: await lastPublished(payload, 'episodes', village.id, now),
    visitsByDay: await visitsByDay(payload, village.id, now),
    lastStaffSignIn,
    lastDataChange,
    active: recent(lastStaffSignIn) || recent(lastDataChange),
    computedAt: now.toISOString(),
  }
}

/**
 * The village's row of figures and its months, made or brought up to date. The row says when its count began to
 * read (`computedAt`): a count that read earlier and finishes later (the quarter-hourly count of every village,
 * overtaken by one village's count after a change) leaves the newer figures as they are.
 */
const keepFigures = async (payload: Payload, village: Village, now: Date) => {
  const computedAt = new Date().toISOString()
  // One read of the village's requests for both.
  const requests = await requestsOf(payload, village.id)
  await keepMonthlyFigures(payload, village, requests)
  const data = { ...(await figuresOf(payload, village, now, requests)), computedAt }
  const row = { village: { equals: village.id } }
  const { totalDocs } = await payload.count({ collection: 'village-statistics', where: row, overrideAccess: true })
  if (!totalDocs) {
    try {
      await payload.create({ collection: 'village-statistics', data, overrideAccess: true })
      return
    } catch (err) {
      // Another count (another instance, a job queued twice) made the village's row meanwhile: this one updates it.
      if (!isUniqueClash(err, 'village_id') && !isUniqueClash(err, 'village')) throw err
    }
  }
  const older = { or: [{ computedAt: { less_than_equal: computedAt } }, { computedAt: { exists: false } }] }
  await payload.update({ collection: 'village-statistics', where: { and: [row, older] }, data, overrideAccess: true })
}

const activeVillages = async (payload: Payload) =>
  (
    await payload.find({
      collection: 'villages',
      where: { status: { equals: 'active' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

/**
 * Counts every active village again and keeps one row of figures per village (the dashboard reads only those). A
 * village added or changed while the count ran (its change asked for no count of its own: this one was waiting) is
 * counted before the job ends.
 */
export const refreshVillageStatistics = async (payload: Payload, now = new Date()) => {
  const counted = new Map<number, string>()
  let villages = await activeVillages(payload)
  while (villages.some((v) => counted.get(v.id) !== v.updatedAt)) {
    for (const village of villages.filter((v) => counted.get(v.id) !== v.updatedAt)) {
      await keepFigures(payload, village, now)
      counted.set(village.id, village.updatedAt)
    }
    villages = await activeVillages(payload)
  }
  const elsewhere = { village: { not_in: villages.map((v) => v.id) } }
  const gone = await payload.delete({ collection: 'village-statistics', where: elsewhere, overrideAccess: true })
  await payload.delete({ collection: 'village-monthly-statistics', where: elsewhere, overrideAccess: true })
  return { villages: villages.length, removed: gone.docs.length }
}

export const REGENCY_QUEUE = 'regency'

/** The figures are counted again every quarter of an hour (and each row says when). */
export const refreshVillageStatisticsTask: TaskConfig<{ input: object; output: { villages: number; removed: number } }> = {
  slug: 'refreshVillageStatistics',
  label: 'Hitung statistik desa / Count village statistics',
  outputSchema: [
    { name: 'villages', type: 'number', required: true },
    { name: 'removed', type: 'number', required: true },
  ],
  schedule: [{ cron: '0 */15 * * * *', queue: REGENCY_QUEUE }],
  handler: async ({ req }) => ({ output: await refreshVillageStatistics(req.payload) }),
}

/** A village added, renamed, moved to another kecamatan or archived shows so in the figures within the minute. */
export const countVillagesAgain: CollectionAfterChangeHook<Village> = async ({ doc, previousDoc, operation, req }) => {
  const changed = operation === 'create' || (['name', 'kecamatan', 'status'] as const).some((field) => doc[field] !== previousDoc?.[field])
  if (changed && !(await isAlreadyWaiting(req.payload, 'refreshVillageStatistics', {}, REGENCY_QUEUE, req)))
    await req.payload.jobs.queue({ task: 'refreshVillageStatistics', input: {}, queue: REGENCY_QUEUE, req })
  return doc
}

/** Counts one village again (after a change of its articles, episodes, products or services), as the full count does. */
export const countVillageTask: TaskConfig<{ input: { village: number }; output: object }> = {
  slug: 'countVillage',
  label: "Hitung statistik satu desa / Count one village's statistics",
  inputSchema: [{ name: 'village', type: 'number', required: true }],
  handler: async ({ input, req }) => {
    const village = await req.payload.findByID({
      collection: 'villages',
      id: input.village,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (village?.status === 'active') await keepFigures(req.payload, village, new Date())
    return { output: {} }
  },
}

/**
 * The village of a changed or deleted article, episode, product or service is counted again within the minute, so
 * that its indicators follow its data; a burst of saves asks once (a count already running does not count: it may
 * have read before the save).
 */
const countTheVillage = async (doc: { village?: number | { id: number } | null }, req: PayloadRequest) => {
  if (!doc.village) return
  const input = { village: idOf(doc.village) }
  if (!(await isAlreadyWaiting(req.payload, 'countVillage', input, REGENCY_QUEUE, req)))
    await req.payload.jobs.queue({ task: 'countVillage', input, queue: REGENCY_QUEUE, req })
}

export const countVillageOnChange: { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } = {
  afterChange: async ({ doc, req }) => {
    await countTheVillage(doc, req)
    return doc
  },
  afterDelete: async ({ doc, req }) => {
    await countTheVillage(doc, req)
    return doc
  },
}
