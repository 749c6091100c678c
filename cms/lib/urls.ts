import { config } from './config'

/**
 * The site's public origin, for every absolute link (canonical and Open Graph URLs, feeds, the sitemap, emails,
 * WhatsApp texts, the QR code on letters): PUBLIC_URL when set; otherwise the origin the visitor's request came
 * to, or, outside a request, http://localhost:PORT.
 */
export const publicOrigin = (request?: URL): string => config().publicUrl?.origin ?? request?.origin ?? `http://localhost:${config().port}`

/** The absolute public address of a path of the site (`/berita/panen`), see `publicOrigin`. */
export const absoluteUrl = (path: string, request?: URL) => publicOrigin(request) + path
