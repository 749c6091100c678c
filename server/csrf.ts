import type { IncomingMessage, ServerResponse } from 'node:http'
import { config } from '../cms/lib/config'
import { translate } from '../site/i18n/ui'
import { requestLocale } from './locale'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host || null
  } catch {
    return null
  }
}

/**
 * Whether a browser sent this write from another site (cross-site request forgery). The browser says
 * where a request comes from in `Origin` (every modern browser sends it with a POST), else in
 * `Sec-Fetch-Site` or `Referer`. A request with none of them comes from a program (Stripe's webhook,
 * an API script), which holds no visitor's cookies to abuse, so it passes.
 */
export const isCrossSite = (req: IncomingMessage, publicUrl: URL | null = config().publicUrl ?? null): boolean => {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return false
  const own = new Set<string | null | undefined>([req.headers.host, publicUrl?.host].filter(Boolean))
  const { origin, referer } = req.headers
  if (origin !== undefined) return !own.has(hostOf(origin)) // "null" (a sandboxed or privacy-stripped origin) included
  const site = req.headers['sec-fetch-site']
  if (site !== undefined) return site !== 'same-origin' && site !== 'none'
  return referer !== undefined && !own.has(hostOf(referer))
}

/** Refuses a cross-site write to the site or to Payload with 403 and a message in the visitor's language. */
export const refuseCrossSite = (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
  if (!isCrossSite(req)) return false
  const message = translate(requestLocale(req, pathname), 'security.crossSite')
  const api = pathname.startsWith('/api/')
  res.writeHead(403, { 'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(api ? JSON.stringify({ errors: [{ message }] }) : message)
  return true
}
