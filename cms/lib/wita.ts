/** The village's time zone: Central Indonesian Time (WITA, UTC+8, no daylight saving). */
export const WITA = 'Asia/Makassar'

const formats = {
  id: new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: WITA }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: WITA }),
}

/** "2 Des 2026, 14.05 WITA": a moment in the village's time, 24-hour. */
export const formatWita = (iso: string | Date, locale: 'id' | 'en') => `${formats[locale].format(new Date(iso))} WITA`
