/**
 * The village's time: moments are stored in UTC and counted and shown in WITA (Asia/Makassar, UTC+8 all year:
 * Indonesia has no daylight saving). Times are written in 24-hour form.
 */
const TIME_ZONE = 'Asia/Makassar'
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 86_400_000

/** The calendar date in WITA of an instant, as YYYY-MM-DD. */
export const witaDate = (instant: Date): string => new Date(instant.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10)

/** The WITA month (1–12) and year of an instant. */
export const witaMonthYear = (instant: Date) => {
  const [year, month] = witaDate(instant).split('-').map(Number)
  return { month, year }
}

/** The end of a WITA calendar day as a UTC instant: a due date passes at midnight in the village. */
export const endOfWitaDay = (isoDate: string): Date => new Date(Date.parse(`${isoDate}T23:59:59.999Z`) - WITA_OFFSET_MS)

/** Whether the WITA date `due` has passed. */
export const isOverdue = (due: string, now: Date = new Date()) => now.getTime() > endOfWitaDay(due).getTime()

const isWeekend = (isoDate: string) => {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

/**
 * The WITA date `days` working days after the instant `from` (Monday to Friday, minus `holidays` given as
 * YYYY-MM-DD). The day of `from` itself does not count.
 */
export const addWorkingDays = (from: Date, days: number, holidays: readonly string[] = []): string => {
  let date = witaDate(from)
  let left = days
  while (left > 0) {
    date = nextDay(date)
    if (!isWeekend(date) && !holidays.includes(date)) left -= 1
  }
  return date
}

type Locale = 'id' | 'en'
const intlLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB')

/** Each formatter made once: making an Intl.DateTimeFormat costs far more than formatting with it (lists show many dates). */
const formatters = new Map<string, Intl.DateTimeFormat>()
const formatter = (locale: Locale, options: Intl.DateTimeFormatOptions) => {
  const key = `${locale}:${JSON.stringify(options)}`
  let made = formatters.get(key)
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(intlLocale(locale), options)))
  return made
}

/**
 * A WITA calendar date (YYYY-MM-DD), or the WITA date of an instant, written for people: "Senin, 24 November 2026"
 * (full), "24 November 2026" (long) or "24 Nov 2026" (medium, for lists).
 */
export const formatWitaDate = (date: string | Date, locale: Locale, dateStyle: 'full' | 'long' | 'medium' = 'full') => {
  const calendarDate = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : witaDate(new Date(date))
  return formatter(locale, { dateStyle, timeZone: 'UTC' }).format(new Date(`${calendarDate}T00:00:00Z`))
}

/** An instant written for people in WITA: "24 Nov 2026, 09.15 WITA" (medium) or "24 November 2026 pukul 09.15 WITA" (long). */
export const formatWitaDateTime = (instant: Date | string, locale: Locale, dateStyle: 'medium' | 'long' = 'medium') =>
  `${formatter(locale, { dateStyle, timeStyle: 'short', hourCycle: 'h23', timeZone: TIME_ZONE }).format(new Date(instant))} WITA`

/** The admin's format for dates and times (date-fns, shown in the editor's own time zone): 24-hour. */
export const ADMIN_DATE_FORMAT = 'd MMM yyyy, HH:mm'

/** A calendar date (YYYY-MM-DD) as letters write it, e.g. "1 Januari 1999"; anything else is returned as it is. */
export const formatLongDate = (isoDate: string, locale: Locale) =>
  /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && !Number.isNaN(Date.parse(`${isoDate}T00:00:00Z`))
    ? formatWitaDate(isoDate, locale, 'long')
    : isoDate
