import type { OutgoingHttpHeaders } from 'node:http'

export type CachedPage = { status: number; headers: OutgoingHttpHeaders; body: Buffer; version: number; expires: number }

/** How long a response may be kept by a shared cache, from its Cache-Control `s-maxage`; 0 means never. */
export const sharedMaxAge = (cacheControl: string | number | string[] | undefined): number => {
  const value = Array.isArray(cacheControl) ? cacheControl.join(',') : String(cacheControl ?? '')
  if (/\b(private|no-store)\b/.test(value)) return 0
  const match = /\bs-maxage=(\d+)/.exec(value)
  return match ? Number(match[1]) : 0
}

/** The cache key of a page: its URL, and whether the visitor asked to save data (`Save-Data: on`). */
export const pageCacheKey = (url: string, saveData: string | string[] | undefined) =>
  String(saveData ?? '').trim().toLowerCase() === 'on' ? `save-data:${url}` : url

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
