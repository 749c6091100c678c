import type { OutgoingHttpHeaders } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Invalidations } from '../cms/page-cache/invalidations'
import type { Tag } from '../cms/page-cache/tags'

export type Encoding = 'br' | 'gzip'

export type CachedPage = {
  status: number
  headers: OutgoingHttpHeaders
  body: Buffer
  /** What the render read (cms/page-cache/tags.ts), and the invalidations' mark taken before it started. */
  tags: Tag[]
  mark: number
  expires: number
  /** The body compressed once per encoding, ready to send. */
  encoded?: Partial<Record<Encoding, Buffer>>
  /** Compressions under way (off the main thread), one per encoding. */
  compressing?: Partial<Record<Encoding, Promise<void>>>
  /** Told the size of each compressed body once it is ready (the cache counts it). */
  onEncoded?: (bytes: number) => void
}

/** The memory a cached page takes, roughly: its body as rendered and as compressed, its headers and tags. */
const sizeOf = (page: CachedPage) =>
  page.body.length +
  Object.values(page.encoded ?? {}).reduce((sum, bytes) => sum + bytes.length, 0) +
  JSON.stringify(page.headers).length +
  page.tags.reduce((sum, tag) => sum + tag.length + 16, 0)

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
  ).then((bytes) => {
    ;(page.encoded ??= {})[encoding] = bytes
    page.onEncoded?.(bytes.length)
  })
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
 * Rendered public pages kept in memory, like a CDN would keep them: only responses that allow shared caching
 * (s-maxage), until they expire or something they read changes (their tags, cms/page-cache/), least recently used
 * out first once the pages' bytes (as rendered and as compressed) pass `maxBytes`.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>()
  private bytes = 0

  constructor(
    private readonly maxBytes: number,
    private readonly changes: Pick<Invalidations, 'changedSince'>,
  ) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key)
    if (!page) return undefined
    this.pages.delete(key)
    if (page.expires <= now || this.changes.changedSince(page.tags, page.mark)) {
      this.bytes -= sizeOf(page)
      return undefined
    }
    this.pages.set(key, page)
    return page
  }

  set(key: string, page: CachedPage) {
    this.remove(key)
    this.pages.set(key, page)
    this.bytes += sizeOf(page)
    page.onEncoded = (bytes) => {
      if (this.pages.get(key) !== page) return
      this.bytes += bytes
      this.evict()
    }
    this.evict()
  }

  private remove(key: string) {
    const page = this.pages.get(key)
    if (!page) return
    this.pages.delete(key)
    this.bytes -= sizeOf(page)
  }

  private evict() {
    while (this.bytes > this.maxBytes && this.pages.size) this.remove(this.pages.keys().next().value!)
  }

  get size() {
    return this.pages.size
  }

  /** The bytes the kept pages take: bodies as rendered and as compressed. */
  get byteSize() {
    return this.bytes
  }
}
