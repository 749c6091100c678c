import type { Locale } from '../i18n/locales'

/** A stored (UTC) moment shown in the village's time zone, WITA. */
export const formatWita = (iso: string | null | undefined, locale: Locale, withTime = true) =>
  iso
    ? new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' } : {}),
        timeZone: 'Asia/Makassar',
      }).format(new Date(iso)) + (withTime ? ' WITA' : '')
    : ''

/** File sizes as people read them: "152 KB", "4,2 MB". */
export const formatBytes = (bytes: number, locale: Locale) => {
  const fmt = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })
  return bytes >= 1024 * 1024 ? `${fmt.format(bytes / 1024 / 1024)} MB` : `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`
}
