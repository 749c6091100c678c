import type { PayloadRequest, Where } from 'payload'
import type { User, VillageStatistic } from '../payload-types'
import { isRegencyAdministrator } from '../access'
import { asLocale } from '../lib/messages'
import { idOf } from '../lib/relation'
import { witaDate } from '../lib/wita'
import { indicatorsOf, INDICATORS, needsHelp, visitsIn, type Indicator, type Indicators } from './indicators'
import { GONE_SERVICE } from './monthly'
import { medianOfCounts } from './median'

/** How many months the dashboard's figures per month go back, the current one included. */
export const MONTHS_SHOWN = 12

/** The columns of the active villages' table, which it may be sorted by. */
export const VILLAGE_COLUMNS = [
  'villageName',
  'kecamatan',
  'active',
  'lastStaffSignIn',
  'lettersSigned',
  'newsPublished',
  'requestsReceived',
  'requestsOverdue',
  'medianDaysToDone',
  ...INDICATORS,
] as const
export type VillageColumn = (typeof VILLAGE_COLUMNS)[number]
export type Sort = { column: VillageColumn; descending: boolean }

type Counted = Exclude<VillageColumn, Indicator> | 'computedAt' | 'lastArticleAt' | 'lastEpisodeAt' | 'servicesActive' | 'productsListed'
/** A village's counted figures, its indicators evaluated now, and the page views of its site in their window. */
export type VillageRow = Pick<VillageStatistic, Counted> & Indicators & { village: number; recentVisits: number; needsHelp: boolean }
export type Totals = { requestsReceived: number; requestsDone: number; lettersSigned: number }
export type MonthFigures = Totals & { month: string }
export type ServiceFigures = Totals & { slug: string; title: string | null }
export type DistrictFigures = Totals & {
  kecamatan: string
  villages: number
  active: number
  needsHelp: number
  requestsOverdue: number
  /** The median days to complete over every request of its villages (not a median of their medians). */
  medianDaysToDone: number | null
}

export type Dashboard = {
  /** The kecamatan the account may pick from (a district viewer: their own only). */
  kecamatanChoices: string[]
  kecamatan: string | null
  village: VillageRow | null
  /** Only the villages that fail an indicator or more are listed. */
  needsHelp: boolean
  sort: Sort
  villages: VillageRow[]
  districts: DistrictFigures[]
  months: MonthFigures[]
  services: ServiceFigures[]
  /** One village's figures per month and service, with each one's median days (shown when a village is picked). */
  monthsByService: (ServiceFigures & { month: string; medianDaysToDone: number | null })[]
}

export type DashboardQuery = { kecamatan?: string | null; village?: number | null; sort?: string | null; needsHelp?: boolean }

/** Who opens the regency's dashboard: its administrator and viewers, and a district viewer who names a kecamatan. */
export const mayWatch = (user: PayloadRequest['user'] | undefined): user is User =>
  Boolean(user && (isRegencyAdministrator(user) || user.role === 'regency-viewer' || (user.role === 'district-viewer' && user.kecamatan)))

/** `-lastStaffSignIn` as the table's sort; the villages by name when the parameter names no column. */
export const sortOf = (value: string | null | undefined): Sort => {
  const column = value?.replace(/^-/, '')
  const known = VILLAGE_COLUMNS.find((c) => c === column)
  return known ? { column: known, descending: value!.startsWith('-') } : { column: 'villageName', descending: false }
}

export const sortParam = ({ column, descending }: Sort) => `${descending ? '-' : ''}${column}`

const compare = (a: unknown, b: unknown) => {
  // Villages without a value (never signed in, no finished request) come last either way.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1
  if (b === null || b === undefined) return -1
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'id')
  return Number(a) - Number(b)
}

export const sortVillages = (rows: VillageRow[], { column, descending }: Sort) =>
  [...rows].sort((x, y) => {
    const [a, b] = [x[column], y[column]]
    const missing = a === null || a === undefined || b === null || b === undefined
    const order = missing ? compare(a, b) : descending ? compare(b, a) : compare(a, b)
    return order || compare(x.villageName, y.villageName)
  })

/** The months shown, `YYYY-MM`, oldest first: this one and the MONTHS_SHOWN - 1 before it. */
const monthsShown = (now: Date) => {
  const [year, month] = witaDate(now).split('-').map(Number)
  return Array.from({ length: MONTHS_SHOWN }, (_, i) => new Date(Date.UTC(year, month - MONTHS_SHOWN + i, 1)).toISOString().slice(0, 7))
}

const add = (totals: Totals, row: Partial<Record<keyof Totals, number | null>>) => {
  totals.requestsReceived += row.requestsReceived ?? 0
  totals.requestsDone += row.requestsDone ?? 0
  totals.lettersSigned += row.lettersSigned ?? 0
}
const none = (): Totals => ({ requestsReceived: 0, requestsDone: 0, lettersSigned: 0 })

/**
 * The regency's dashboard as this account may see it, read from the counted rows only (`village-statistics` and
 * `village-monthly-statistics`, with the account's access: a district viewer's reads return their kecamatan's
 * villages whatever is asked): the kecamatan, the active villages' table of the picked kecamatan (or all), the figures
 * per kecamatan, per month and per service of what is picked (the regency, a kecamatan or a village). The villages'
 * indicators are evaluated against `now` from the dates their rows keep; `needsHelp` lists only those failing one.
 */
export const dashboardOf = async (req: PayloadRequest, query: DashboardQuery, now = new Date()): Promise<Dashboard> => {
  const user = req.user
  const read = { user, overrideAccess: false, depth: 0, pagination: false } as const
  const all = (await req.payload.find({ collection: 'village-statistics', ...read })).docs
  const rows: VillageRow[] = all.map((row) => {
    const indicators = indicatorsOf(row, now)
    return {
      village: idOf(row.village),
      villageName: row.villageName ?? null,
      kecamatan: row.kecamatan ?? null,
      active: row.active ?? null,
      lastStaffSignIn: row.lastStaffSignIn ?? null,
      lettersSigned: row.lettersSigned ?? null,
      newsPublished: row.newsPublished ?? null,
      requestsReceived: row.requestsReceived ?? null,
      requestsOverdue: row.requestsOverdue ?? null,
      medianDaysToDone: row.medianDaysToDone ?? null,
      computedAt: row.computedAt ?? null,
      lastArticleAt: row.lastArticleAt ?? null,
      lastEpisodeAt: row.lastEpisodeAt ?? null,
      servicesActive: row.servicesActive ?? null,
      productsListed: row.productsListed ?? null,
      recentVisits: visitsIn(row.visitsByDay, now),
      ...indicators,
      needsHelp: needsHelp(indicators),
    }
  })
  const village = (query.village && rows.find((row) => row.village === query.village)) || null
  const kecamatanChoices = [...new Set(rows.map((row) => row.kecamatan).filter((k): k is string => Boolean(k)))].sort((a, b) =>
    a.localeCompare(b, 'id'),
  )
  // A district viewer watches their kecamatan, whichever is asked for.
  const watched = user?.role === 'district-viewer' ? user.kecamatan : null
  const kecamatan = village?.kecamatan ?? watched ?? kecamatanChoices.find((k) => k === query.kecamatan) ?? null
  const inScope = rows.filter(
    (row) => (village ? row.village === village.village : !kecamatan || row.kecamatan === kecamatan) && (!query.needsHelp || row.needsHelp),
  )
  const sort = sortOf(query.sort)

  const districts = new Map<string, DistrictFigures>()
  const daysOf = new Map(all.map((row) => [idOf(row.village), row.daysToDone]))
  for (const row of rows) {
    const name = row.kecamatan ?? ''
    const district = districts.get(name) ?? {
      kecamatan: name,
      villages: 0,
      active: 0,
      needsHelp: 0,
      requestsOverdue: 0,
      medianDaysToDone: medianOfCounts(rows.filter((r) => (r.kecamatan ?? '') === name).map((r) => daysOf.get(r.village))),
      ...none(),
    }
    district.villages += 1
    district.active += row.active ? 1 : 0
    district.needsHelp += row.needsHelp ? 1 : 0
    district.requestsOverdue += row.requestsOverdue ?? 0
    add(district, { requestsReceived: row.requestsReceived, lettersSigned: row.lettersSigned })
    districts.set(name, district)
  }

  const shown = monthsShown(now)
  const scopeWhere: Where = village ? { village: { equals: village.village } } : kecamatan ? { kecamatan: { equals: kecamatan } } : {}
  const monthly = (
    await req.payload.find({
      collection: 'village-monthly-statistics',
      ...read,
      where: { and: [scopeWhere, { month: { greater_than_equal: shown[0] } }] },
      sort: 'month',
      select: {
        village: true,
        month: true,
        serviceSlug: true,
        serviceTitle: true,
        requestsReceived: true,
        requestsDone: true,
        medianDaysToDone: true,
        lettersSigned: true,
      },
    })
  ).docs
  const locale = asLocale(req.i18n?.language)
  const months = new Map<string, MonthFigures>(shown.map((month) => [month, { month, ...none() }]))
  const services = new Map<string, ServiceFigures>()
  for (const row of monthly) {
    const month = months.get(row.month)
    if (month) add(month, row)
    const title = row.serviceSlug === GONE_SERVICE ? null : (row.serviceTitle?.[locale] ?? row.serviceSlug)
    const service = services.get(row.serviceSlug) ?? { slug: row.serviceSlug, title, ...none() }
    add(service, row)
    services.set(row.serviceSlug, service)
  }
  return {
    kecamatanChoices,
    kecamatan,
    village,
    needsHelp: Boolean(query.needsHelp),
    sort,
    villages: sortVillages(inScope, sort),
    districts: [...districts.values()].sort((a, b) => a.kecamatan.localeCompare(b.kecamatan, 'id')),
    months: [...months.values()],
    services: [...services.values()].sort((a, b) => b.requestsReceived - a.requestsReceived || a.slug.localeCompare(b.slug)),
    monthsByService: village
      ? monthly.map((row) => ({
          month: row.month,
          slug: row.serviceSlug,
          title: row.serviceSlug === GONE_SERVICE ? null : (row.serviceTitle?.[locale] ?? row.serviceSlug),
          requestsReceived: row.requestsReceived ?? 0,
          requestsDone: row.requestsDone ?? 0,
          lettersSigned: row.lettersSigned ?? 0,
          medianDaysToDone: row.medianDaysToDone ?? null,
        }))
      : [],
  }
}
