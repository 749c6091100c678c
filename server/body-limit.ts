import type { IncomingMessage, ServerResponse } from 'node:http'
import { splitLocale } from '../site/i18n/locales'
import { translate } from '../site/i18n/ui'

const MB = 1024 * 1024

/** The site's forms carry residents' files (each at most 7 MB); Astro's action limit is the same. */
export const SITE_BODY_LIMIT = 40 * MB

/** The largest body each route accepts: podcast audio is large, every other admin upload is at most 25 MB. */
const limitFor = (pathname: string, isPayload: boolean) => {
  if (/^\/api\/podcast-audio(\/|$)/.test(pathname)) return 210 * MB
  return isPayload ? 30 * MB : SITE_BODY_LIMIT
}

/**
 * Refuses a request body before anyone reads it: too large by its Content-Length (413), or streamed
 * without one (411), so no handler ever buffers an unbounded body. Returns whether it answered.
 */
export const refuseBody = (req: IncomingMessage, res: ServerResponse, pathname: string, isPayload: boolean): boolean => {
  const declared = req.headers['content-length']
  const streamed = declared === undefined && req.headers['transfer-encoding'] !== undefined
  const limit = limitFor(pathname, isPayload)
  if (!streamed && !(Number(declared) > limit)) return false
  const { locale } = splitLocale(pathname)
  const message = streamed ? translate(locale, 'body.lengthRequired') : translate(locale, 'body.tooLarge', { limit: `${limit / MB} MB` })
  // The body is never read: close the connection rather than drain it.
  res.setHeader('Connection', 'close')
  if (isPayload) {
    res.writeHead(streamed ? 411 : 413, { 'Content-Type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ errors: [{ message }] }))
  } else {
    res.writeHead(streamed ? 411 : 413, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${streamed ? 411 : 413}</title><p role="alert">${message}</p></html>`,
    )
  }
  return true
}
