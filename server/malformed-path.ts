import type { ServerResponse } from 'node:http'
import { splitLocale } from '../site/i18n/locales'
import { translate } from '../site/i18n/ui'

/**
 * Answers 400 for a path whose percent-encoding is broken (e.g. "%c0%af"): no handler can read it, and the
 * admin's router would fail on it with a 500. Returns whether it answered.
 */
export const refuseMalformedPath = (res: ServerResponse, pathname: string): boolean => {
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(translate(splitLocale(pathname).locale, 'url.malformed'))
    return true
  }
}
