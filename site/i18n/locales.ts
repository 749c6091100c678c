import { DEFAULT_LOCALE, type Locale } from '../../cms/lib/messages'
import { villageBase } from '../../cms/villages/current'

export { DEFAULT_LOCALE, LOCALES, type Locale } from '../../cms/lib/messages'

/** Splits "/en/profil" into the English locale and "/profil"; paths without a prefix are Indonesian. */
export const splitLocale = (pathname: string): { locale: Locale; path: string } => {
  const match = /^\/en(\/.*)?$/.exec(pathname)
  return match ? { locale: 'en', path: match[1] || '/' } : { locale: DEFAULT_LOCALE, path: pathname }
}

/** The public URL path of `path` in `locale`, under the village's base on the regency's host (`/desa/<slug>`). */
export const localePath = (locale: Locale, path: string): string => {
  const clean = path.startsWith('/') ? path : `/${path}`
  if (locale === DEFAULT_LOCALE) return villageBase() + clean
  return villageBase() + (clean === '/' ? '/en' : `/en${clean}`)
}
