/** The village's time zone: dates are stored in UTC and counted and shown in WITA (UTC+8, no daylight saving). */
export const TIME_ZONE = 'Asia/Makassar'
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date in WITA of an instant, as YYYY-MM-DD. */
export const witaDate = (instant: Date): string => new Date(instant.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10)

const isWeekend = (isoDate: string) => {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

const addDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * The WITA date by which a request submitted at `submitted` is due, `days` working days later
 * (Monday to Friday, minus `holidays` given as YYYY-MM-DD). The day of submission does not count.
 */
export const dueDate = (submitted: Date, days: number, holidays: readonly string[] = []): string => {
  let date = witaDate(submitted)
  let left = days
  while (left > 0) {
    date = addDay(date)
    if (!isWeekend(date) && !holidays.includes(date)) left -= 1
  }
  return date
}

/** The end of a WITA calendar day as a UTC instant: a due date passes at midnight in the village. */
export const endOfWitaDay = (isoDate: string): Date => new Date(Date.parse(`${isoDate}T23:59:59.999Z`) - WITA_OFFSET_MS)

export const isOverdue = (due: string, now: Date = new Date()) => now.getTime() > endOfWitaDay(due).getTime()

/** A WITA date written for people, e.g. "Senin, 24 November 2026". */
export const formatWitaDate = (isoDate: string, locale: 'id' | 'en') =>
  new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  )

/** A calendar date (YYYY-MM-DD) as letters write it, e.g. "1 Januari 1999"; anything else is returned as it is. */
export const formatLongDate = (isoDate: string, locale: 'id' | 'en') =>
  /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && !Number.isNaN(Date.parse(`${isoDate}T00:00:00Z`))
    ? new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      )
    : isoDate

/** An instant written for people in WITA, e.g. "24 Nov 2026, 09.15 WITA". */
export const formatWitaDateTime = (instant: Date | string, locale: 'id' | 'en') =>
  `${new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(instant))} WITA`
