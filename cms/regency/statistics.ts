import type { CollectionAfterChangeHook, Payload, TaskConfig, Where } from 'payload'
import type { Village, VillageStatistic } from '../payload-types'
import { FINAL_STATUSES } from '../resident-services/status'
import { isAlreadyWaiting } from '../lib/waitingJob'
import { isUniqueClash } from '../lib/uniqueClash'
import { witaDate } from '../lib/wita'
import { DAY_MS, median } from './median'
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

/**
 * A village's figures, counted from its data: residents' requests by state (open ones past their due date are
 * overdue), the median days from submission to a finished letter, signed letters, published news and episodes,
 * products for sale, paid orders, and when its staff last signed in. Nothing about any resident.
 */
export const figuresOf = async (payload: Payload, village: Village, now = new Date(), requests?: VillageRequests): Promise<Figures> => {
  const own = { village: { equals: village.id } }
  const count = async (collection: 'service-requests' | 'letters' | 'news' | 'episodes' | 'products' | 'orders', where: Where = {}) =>
    (await payload.count({ collection, where: { and: [own, where] }, overrideAccess: true })).totalDocs
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
    lettersSigned: await count('letters', { signedAt: { exists: true } }),
    newsPublished: await count('news', { _status: { equals: 'published' } }),
    episodesPublished: await count('episodes', { _status: { equals: 'published' } }),
    productsListed: await count('products', { status: { equals: 'active' } }),
    ordersPaid: await count('orders', { paymentStatus: { equals: 'paid' } }),
    lastStaffSignIn,
    lastDataChange,
    active: recent(lastStaffSignIn) || recent(lastDataChange),
    computedAt: now.toISOString(),
  }
}

/** The village's row of figures and its months, made or brought up to date. */
const keepFigures = async (payload: Payload, village: Village, now: Date) => {
  // One read of the village's requests for both.
  const requests = await requestsOf(payload, village.id)
  await keepMonthlyFigures(payload, village, requests)
  const data = await figuresOf(payload, village, now, requests)
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
  await payload.update({ collection: 'village-statistics', where: row, data, overrideAccess: true })
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
