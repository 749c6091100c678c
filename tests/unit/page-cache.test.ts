import { describe, expect, it } from 'vitest'
import zlib from 'node:zlib'
import { encodedBody, PageCache, pageCacheKey, preferredEncoding, sharedMaxAge, type CachedPage } from '../../server/page-cache'

import { invalidations } from '../../cms/page-cache/invalidations'
import { documentTag } from '../../cms/page-cache/tags'

const page = (expires: number, tags: string[] = [], body = '<p>halo</p>'): CachedPage => ({
  status: 200,
  headers: {},
  body: Buffer.from(body),
  tags,
  mark: invalidations().mark(),
  expires,
})
const MB = 1024 * 1024

describe('shared caching allowed by Cache-Control', () => {
  it('reads s-maxage and refuses private or no-store responses', () => {
    expect(sharedMaxAge('public, max-age=0, s-maxage=60')).toBe(60)
    expect(sharedMaxAge('public, max-age=600')).toBe(0)
    expect(sharedMaxAge('private, s-maxage=60')).toBe(0)
    expect(sharedMaxAge('no-store')).toBe(0)
    expect(sharedMaxAge(undefined)).toBe(0)
  })
})

describe('the page cache', () => {
  it('serves a page until something it read changes, and only that', () => {
    const cache = new PageCache(MB, invalidations())
    cache.set('/berita/a', page(10_000, [documentTag('news', 1)]))
    cache.set('/berita/b', page(10_000, [documentTag('news', 2)]))
    expect(cache.get('/berita/a', 0)?.body.toString()).toBe('<p>halo</p>')
    invalidations().invalidate([documentTag('news', 1)])
    expect(cache.get('/berita/a', 0)).toBeUndefined()
    expect(cache.get('/berita/b', 0)).toBeDefined()
  })

  it('forgets a page when it expires', () => {
    const cache = new PageCache(MB, invalidations())
    cache.set('/', page(1000))
    expect(cache.get('/', 999)).toBeDefined()
    expect(cache.get('/', 1000)).toBeUndefined()
  })

  it('drops the least recently used pages once their bytes pass the limit, compressed copies counted', async () => {
    const body = 'x'.repeat(40_000)
    const cache = new PageCache(100_000, invalidations())
    cache.set('/a', page(10, [], body))
    cache.set('/b', page(10, [], body))
    cache.get('/a', 0)
    cache.set('/c', page(10, [], body))
    expect(cache.get('/b', 0)).toBeUndefined()
    expect(cache.get('/a', 0)).toBeDefined()
    expect(cache.size).toBe(2)
    expect(cache.byteSize).toBeLessThanOrEqual(100_000)
    // A compressed copy is bytes too: a cache holding two pages' text in 100 KB counts what gzip adds.
    const kept = cache.get('/c', 0)!
    encodedBody(kept, 'gzip')
    await Promise.all(Object.values(kept.compressing ?? {}))
    expect(cache.byteSize).toBeGreaterThan(80_000 + kept.encoded!.gzip!.length)
  })
})

describe('the page cache key', () => {
  it('keeps the Save-Data version of a page apart from the full one', () => {
    expect(pageCacheKey('/berita', 'on')).not.toBe(pageCacheKey('/berita', undefined))
    expect(pageCacheKey('/berita', ' On ')).toBe(pageCacheKey('/berita', 'on'))
    expect(pageCacheKey('/berita', 'off')).toBe(pageCacheKey('/berita', undefined))
  })
})

describe('a cached page sent compressed', () => {
  it('picks Brotli, else gzip, else none, honouring q=0', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(preferredEncoding('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(preferredEncoding('deflate')).toBeUndefined()
    expect(preferredEncoding(undefined)).toBeUndefined()
  })

  it('compresses the body once per encoding, in the background, and gives back the same bytes', async () => {
    const cached = page(1000, [], '<p>halo desa</p>'.repeat(200))
    expect(encodedBody(cached, 'br')).toBeUndefined()
    expect(encodedBody(cached, 'gzip')).toBeUndefined()
    await Promise.all(Object.values(cached.compressing ?? {}))
    const br = encodedBody(cached, 'br')!
    expect(zlib.brotliDecompressSync(br).equals(cached.body)).toBe(true)
    expect(br.length).toBeLessThan(cached.body.length / 10)
    expect(encodedBody(cached, 'br')).toBe(br)
    expect(zlib.gunzipSync(encodedBody(cached, 'gzip')!).equals(cached.body)).toBe(true)
    expect(encodedBody(cached, undefined)).toBe(cached.body)
  })
})
