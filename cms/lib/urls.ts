import { currentVillage, villageBase } from '../villages/current'
import { config } from './config'

/**
 * The site's public origin, for every absolute link (canonical and Open Graph URLs, feeds, the sitemap, emails,
 * WhatsApp texts, the QR code on letters): in a village that lists its site domains, the first of them (see
 * `originOnHost`); else PUBLIC_URL when set; otherwise the origin the visitor's request came to, or, outside a
 * request, http://localhost:PORT.
 */
export const publicOrigin = (request?: URL): string => {
  const host = currentVillage()?.host
  if (host) return originOnHost(host)
  return config().publicUrl?.origin ?? request?.origin ?? `http://localhost:${config().port}`
}

/** The absolute public address of a path on the site's host (`/admin`, or a page path that has its base), see `publicOrigin`. */
export const absoluteUrl = (path: string, request?: URL) => publicOrigin(request) + path

/**
 * The absolute public address of a page of the village's site (`/berita/panen`): on its host and under its base
 * (`/desa/<slug>` for a village served on the regency's host).
 */
export const sitePageUrl = (path: string) => publicOrigin() + villageBase() + path

/**
 * The origin of the site on another host of the install (a village's own domain): the scheme and port of PUBLIC_URL
 * when set (behind a TLS proxy every village is served as the first is), otherwise http and the server's port.
 */
export const originOnHost = (host: string): string => {
  const { publicUrl, port } = config()
  if (!publicUrl) return `http://${host}:${port}`
  return `${publicUrl.protocol}//${host}${publicUrl.port ? `:${publicUrl.port}` : ''}`
}

/** The absolute address of a path of the site on another host of the install, see `originOnHost`. */
export const absoluteUrlOnHost = (host: string, path: string) => originOnHost(host) + path
