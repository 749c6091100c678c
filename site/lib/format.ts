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
/** Integer rupiah for people: "Rp 10.000". */
export const formatRupiah = (rupiah: number) =>
  new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(rupiah)
