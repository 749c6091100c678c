import type { IncomingMessage } from 'node:http'
import { splitLocale, type Locale } from '../site/i18n/locales'

/**
 * The language of a response the server writes itself: the site's from its path (/en…), the admin's
 * as Payload picks it (the language chosen in the admin, else the browser's), Indonesian by default.
 */
export const requestLocale = (req: IncomingMessage, pathname: string): Locale => {
  if (!/^\/(api|admin)(\/|$)/.test(pathname)) return splitLocale(pathname).locale
  const chosen = /(?:^|;\s*)payload-lng=(id|en)\b/.exec(req.headers.cookie ?? '')?.[1]
  if (chosen) return chosen as Locale
  const browser = /\b(id|en)\b/.exec(String(req.headers['accept-language'] ?? '').toLowerCase())?.[1]
  return (browser as Locale | undefined) ?? 'id'
}
