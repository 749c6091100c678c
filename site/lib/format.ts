import type { Locale } from '../i18n/locales'

/** File sizes as people read them: "152 KB", "4,2 MB". */
export const formatBytes = (bytes: number, locale: Locale) => {
  const fmt = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })
  return bytes >= 1024 * 1024 ? `${fmt.format(bytes / 1024 / 1024)} MB` : `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`
}
