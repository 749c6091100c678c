import type { VillageStatistic } from '../payload-types'
import { witaDate } from '../lib/wita'
import { DAY_MS } from './median'

/** The province's assessment of a "Desa Digital": its window for an up-to-date website, podcast and site visits. */
export const ARTICLE_DAYS = 30
export const EPISODE_DAYS = 90
export const VISIT_DAYS = 30

/** The indicators of the provincial assessment, as the dashboard's table shows them, in this order. */
export const INDICATORS = ['websiteCurrent', 'servicesOnline', 'productsPromoted', 'mediaActive', 'visited'] as const
export type Indicator = (typeof INDICATORS)[number]

type Stored = Pick<VillageStatistic, 'lastArticleAt' | 'lastEpisodeAt' | 'servicesActive' | 'productsListed' | 'visitsByDay'>

/** Whether `at` lies within the last `days` days before `now` (exactly `days` days ago still does; a later date not). */
const within = (at: string | null | undefined, days: number, now: Date) => {
  if (!at) return false
  const age = now.getTime() - Date.parse(at)
  return age >= 0 && age <= days * DAY_MS
}

/** The days (WITA) from which the visits are summed: today and the VISIT_DAYS - 1 before it. */
export const firstVisitDay = (now: Date) => witaDate(new Date(now.getTime() - (VISIT_DAYS - 1) * DAY_MS))

/** The page views of the village's site in the last VISIT_DAYS days (WITA), as counted into its row. */
export const visitsIn = (visitsByDay: Stored['visitsByDay'], now: Date) => {
  const from = firstVisitDay(now)
  const today = witaDate(now)
  return Object.entries(visitsByDay ?? {}).reduce((sum, [day, views]) => (day >= from && day <= today ? sum + views : sum), 0)
}

export type Indicators = Record<Indicator, boolean>

/**
 * A village's indicators, evaluated against `now` from the dates and numbers its row keeps (so that they do not go
 * stale between two counts): an article published in the last 30 days, a service open for online requests, a product
 * listed, an episode published in the last 90 days, a visit to its site in the last 30 days.
 */
export const indicatorsOf = (row: Stored, now: Date): Indicators => ({
  websiteCurrent: within(row.lastArticleAt, ARTICLE_DAYS, now),
  servicesOnline: (row.servicesActive ?? 0) > 0,
  productsPromoted: (row.productsListed ?? 0) > 0,
  mediaActive: within(row.lastEpisodeAt, EPISODE_DAYS, now),
  visited: visitsIn(row.visitsByDay, now) > 0,
})

/** A village that fails one indicator or more: the regency's list of villages to help. */
export const needsHelp = (indicators: Indicators) => INDICATORS.some((indicator) => !indicators[indicator])
