/**
 * An Indonesian mobile or landline number in +62 form, from the ways people write it
 * (0812-3456-7890, 62812…, +62 812 …, (0361) 123456), or null when it cannot be one.
 */
export const normalizePhone = (raw: string): string | null => {
  const compact = raw.replace(/[\s\-().]/g, '')
  if (!/^\+?\d+$/.test(compact)) return null
  const national = compact.startsWith('+62')
    ? compact.slice(3)
    : compact.startsWith('62')
      ? compact.slice(2)
      : compact.startsWith('0')
        ? compact.slice(1)
        : null
  if (national === null || national.startsWith('0')) return null
  return /^\d{8,12}$/.test(national) ? `+62${national}` : null
}

/** A plausible email address (the mail server has the last word). */
export const isEmail = (raw: string) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(raw) && raw.length <= 254
