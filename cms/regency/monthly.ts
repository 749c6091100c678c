import type { Payload } from 'payload'
import type { Village, VillageMonthlyStatistic } from '../payload-types'
import { idOf } from '../lib/relation'
import { isUniqueClash } from '../lib/uniqueClash'
import { witaDate } from '../lib/wita'
import { DAY_MS, median } from './median'

type Month = Omit<VillageMonthlyStatistic, 'id' | 'createdAt' | 'updatedAt'>

/** A service the village deleted: its requests and letters are still counted, under this slug. */
export const GONE_SERVICE = '-'

/** The month of an instant in the village's time, `YYYY-MM`. */
const monthOf = (at: string) => witaDate(new Date(at)).slice(0, 7)

const FIGURES = ['requestsReceived', 'requestsDone', 'medianDaysToDone', 'lettersSigned'] as const

/** What the counts read of a village's requests (those submitted): their service, state and times, nothing else. */
export const requestsOf = async (payload: Payload, village: number) =>
  (
    await payload.find({
      collection: 'service-requests',
      where: { and: [{ village: { equals: village } }, { incomplete: { not_equals: true } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { service: true, status: true, submittedAt: true, completedAt: true, createdAt: true },
    })
  ).docs

export type VillageRequests = Awaited<ReturnType<typeof requestsOf>>

/**
 * A village's figures per month and service, from one read of its requests and one of its signed letters (grouped
 * here, not counted with a query per month and service): requests received in the month they were submitted,
 * completed in the month they were finished with the median days it took, letters in the month they were signed.
 */
export const monthlyFiguresOf = async (payload: Payload, village: Village, known?: VillageRequests): Promise<Month[]> => {
  const own = { village: { equals: village.id } }
  const requests = known ?? (await requestsOf(payload, village.id))
  const letters = await payload.find({
    collection: 'letters',
    where: { and: [own, { signedAt: { exists: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { service: true, signedAt: true },
  })
  const serviceIds = new Set([...requests, ...letters.docs].map((doc) => idOf(doc.service)).filter((id) => id !== null))
  const services = await payload.find({
    collection: 'services',
    where: { id: { in: [...serviceIds] } },
    pagination: false,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    select: { slug: true, name: true },
  })
  const named = new Map(
    services.docs.map((s) => {
      const name = s.name as unknown as Partial<Record<'id' | 'en', string>>
      return [s.id, { slug: s.slug ?? String(s.id), title: { id: name.id ?? name.en ?? '', en: name.en ?? name.id ?? '' } }]
    }),
  )
  const rows = new Map<string, Month & { days: number[] }>()
  const rowOf = (at: string, service: Parameters<typeof idOf>[0]) => {
    const known = named.get(Number(idOf(service)))
    const month = monthOf(at)
    const serviceSlug = known?.slug ?? GONE_SERVICE
    const key = `${month} ${serviceSlug}`
    let row = rows.get(key)
    if (!row) {
      row = {
        village: village.id,
        kecamatan: village.kecamatan ?? null,
        month,
        serviceSlug,
        serviceTitle: known?.title,
        requestsReceived: 0,
        requestsDone: 0,
        medianDaysToDone: null,
        lettersSigned: 0,
        days: [],
      }
      rows.set(key, row)
    }
    return row
  }
  for (const request of requests) {
    const submitted = request.submittedAt ?? request.createdAt
    rowOf(submitted, request.service).requestsReceived! += 1
    if (request.status === 'done' && request.completedAt) {
      const row = rowOf(request.completedAt, request.service)
      row.requestsDone! += 1
      row.days.push((Date.parse(request.completedAt) - Date.parse(submitted)) / DAY_MS)
    }
  }
  for (const letter of letters.docs) rowOf(letter.signedAt!, letter.service).lettersSigned! += 1
  return [...rows.values()].map(({ days, ...row }) => {
    const middle = median(days)
    return { ...row, medianDaysToDone: middle === null ? null : Math.round(middle * 10) / 10 }
  })
}

const sameFigures = (kept: VillageMonthlyStatistic, counted: Month) =>
  FIGURES.every((figure) => (kept[figure] ?? null) === (counted[figure] ?? null)) &&
  kept.kecamatan === counted.kecamatan &&
  JSON.stringify(kept.serviceTitle ?? null) === JSON.stringify(counted.serviceTitle ?? null)

const addMonth = async (payload: Payload, row: Month) => {
  try {
    await payload.create({ collection: 'village-monthly-statistics', data: row, overrideAccess: true })
  } catch (err) {
    // Another count (another instance) made this month's row meanwhile, from the same data.
    if (!isUniqueClash(err, 'village_id') && !isUniqueClash(err, 'village')) throw err
  }
}

/**
 * Brings the village's monthly rows up to date, writing only the months and services whose figures changed (a
 * quarter-hour's count usually rewrites the current month's few rows).
 */
export const keepMonthlyFigures = async (payload: Payload, village: Village, requests?: VillageRequests) => {
  const counted = await monthlyFiguresOf(payload, village, requests)
  const { docs: kept } = await payload.find({
    collection: 'village-monthly-statistics',
    where: { village: { equals: village.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const keptByKey = new Map(kept.map((row) => [`${row.month} ${row.serviceSlug}`, row]))
  for (const row of counted) {
    const key = `${row.month} ${row.serviceSlug}`
    const previous = keptByKey.get(key)
    keptByKey.delete(key)
    if (!previous) await addMonth(payload, row)
    else if (!sameFigures(previous, row))
      await payload.update({ collection: 'village-monthly-statistics', id: previous.id, data: row, overrideAccess: true })
  }
  const stale = [...keptByKey.values()].map((row) => row.id)
  if (stale.length) await payload.delete({ collection: 'village-monthly-statistics', where: { id: { in: stale } }, overrideAccess: true })
}
