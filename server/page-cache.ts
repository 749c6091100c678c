import type { OutgoingHttpHeaders } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip'

export type CachedPage = {
  status: number
  headers: OutgoingHttpHeaders
  body: Buffer
  version: number
  expires: number
  /** The body compressed once per encoding, ready to send. */
  encoded?: Partial<Record<Encoding, Buffer>>
  /** Compressions under way (off the main thread), one per encoding. */
  compressing?: Partial<Record<Encoding, Promise<void>>>
}

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** The encoding to send for an Accept-Encoding header: Brotli, else gzip, else none (q=0 refuses one). */
export const preferredEncoding = (acceptEncoding: string | undefined): Encoding | undefined => {
  const accepted = new Set(
    String(acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*/))
      .filter(([, q]) => !q || Number(q.replace(/^q=/, '')) > 0)
      .map(([name]) => name.toLowerCase()),
  )
  return (['br', 'gzip'] as const).find((encoding) => accepted.has(encoding))
}

/**
 * A cached page's body in the given encoding when it is ready. Otherwise undefined, and the page is
 * compressed once in the background: at Brotli's best quality that takes tens of milliseconds, too long
 * to block the server for on the request that finds it missing.
 */
export const encodedBody = (page: CachedPage, encoding: Encoding | undefined): Buffer | undefined => {
  if (!encoding) return page.body
  const ready = page.encoded?.[encoding]
  if (ready) return ready
  page.compressing ??= {}
  page.compressing[encoding] ??= (
    encoding === 'br' ? brotli(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzip(page.body, { level: 9 })
  ).then((bytes) => void ((page.encoded ??= {})[encoding] = bytes))
  return undefined
}

/** How long a response may be kept by a shared cache, from its Cache-Control `s-maxage`; 0 means never. */
export const sharedMaxAge = (cacheControl: string | number | string[] | undefined): number => {
  const value = Array.isArray(cacheControl) ? cacheControl.join(',') : String(cacheControl ?? '')
  if (/\b(private|no-store)\b/.test(value)) return 0
  const match = /\bs-maxage=(\d+)/.exec(value)
  return match ? Number(match[1]) : 0
}

/** The cache key of a page: its URL, and whether the visitor asked to save data (`Save-Data: on`). */
export const pageCacheKey = (url: string, saveData: string | string[] | undefined) =>
  String(saveData ?? '')
    .trim()
    .toLowerCase() === 'on'
    ? `save-data:${url}`
    : url

/**
 * Rendered public pages kept in memory, like a CDN would keep them: only responses that allow shared
 * caching (s-maxage), until they expire or the CMS content changes (`version`), least recently used out first.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>()

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, version: number, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key)
    if (!page) return undefined
    this.pages.delete(key)
    if (page.version !== version || page.expires <= now) return undefined
    this.pages.set(key, page)
    return page
  }

  set(key: string, page: CachedPage) {
    this.pages.delete(key)
    this.pages.set(key, page)
    if (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!)
  }

  get size() {
    return this.pages.size
  }
}
