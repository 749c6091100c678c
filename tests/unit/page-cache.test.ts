import { describe, expect, it } from 'vitest'
import zlib from 'node:zlib'
import { encodedBody, PageCache, pageCacheKey, preferredEncoding, sharedMaxAge, type CachedPage } from '../../server/page-cache'

const page = (version: number, expires: number): CachedPage => ({
  status: 200,
  headers: {},
  body: Buffer.from('<p>halo</p>'),
  version,
  expires,
})

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
  it('serves a page until the content changes', () => {
    const cache = new PageCache()
    cache.set('/berita', page(3, 10_000))
    expect(cache.get('/berita', 3, 0)?.body.toString()).toBe('<p>halo</p>')
    expect(cache.get('/berita', 4, 0)).toBeUndefined()
    expect(cache.get('/berita', 3, 0)).toBeUndefined()
  })

  it('forgets a page when it expires', () => {
    const cache = new PageCache()
    cache.set('/', page(1, 1000))
    expect(cache.get('/', 1, 999)).toBeDefined()
    expect(cache.get('/', 1, 1000)).toBeUndefined()
  })

  it('drops the least recently used page when full', () => {
    const cache = new PageCache(2)
    cache.set('/a', page(1, 10))
    cache.set('/b', page(1, 10))
    cache.get('/a', 1, 0)
    cache.set('/c', page(1, 10))
    expect(cache.get('/b', 1, 0)).toBeUndefined()
    expect(cache.get('/a', 1, 0)).toBeDefined()
    expect(cache.size).toBe(2)
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
    const cached = { ...page(1, 1000), body: Buffer.from('<p>halo desa</p>'.repeat(200)) }
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
