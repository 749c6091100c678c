import { splitLocale } from '../site/i18n/locales'

/** Where the regency portal's pages are among the site's (site/pages/kabupaten/); on its hosts they answer at the root. */
const PORTAL_PAGES = '/kabupaten'

const PORTAL_PAGE = new RegExp(`^(/en)?${PORTAL_PAGES}(/|\\?|$)`)

/** Whether a path names one of the portal's pages directly: those answer on the regency's hosts only. */
export const isPortalPage = (path: string) => PORTAL_PAGE.test(path)

/** The site's path of the portal's page a regency host was asked for: `/en/berita?x` → `/en/kabupaten/berita?x`. */
export const portalPagePath = (url: string) => {
  const query = url.indexOf('?')
  const [pathname, search] = query < 0 ? [url, ''] : [url.slice(0, query), url.slice(query)]
  const { locale, path } = splitLocale(pathname)
  return `${locale === 'en' ? '/en' : ''}${PORTAL_PAGES}${path === '/' ? '' : path}${search}`
}
