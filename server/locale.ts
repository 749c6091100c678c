import type { IncomingMessage } from 'node:http'
import { splitLocale, type Locale } from '../site/i18n/locales'

/**
 * The language of a response the server writes itself: the site's from its path (/en…), the admin's
 * as Payload's REST API picks it (the language chosen in the admin, kept in the payload-lng cookie),
 * Indonesian by default.
 */
export const requestLocale = (req: IncomingMessage, pathname: string): Locale => {
  if (!/^\/(api|admin)(\/|$)/.test(pathname)) return splitLocale(pathname).locale
  return /(?:^|;\s*)payload-lng=en\b/.test(req.headers.cookie ?? '') ? 'en' : 'id'
}
