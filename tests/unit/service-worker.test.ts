import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileWorker, contentHash, filesOf } from '../../site/integrations/serviceWorker'
import {
  cacheNames,
  isKeptPage,
  keepable,
  localeOf,
  precacheOf,
  staleCaches,
  strategyOf,
  stylesheetsOf,
  withoutLocale,
  type RequestFacts,
} from '../../site/serviceWorker/rules'

const ORIGIN = 'https://desa.example'
const request = (url: string, facts: Partial<Omit<RequestFacts, 'url'>> & { range?: boolean } = {}): RequestFacts => ({
  method: 'GET',
  mode: 'no-cors',
  destination: '',
  ...facts,
  url: new URL(url, ORIGIN).href,
  headers: { has: (name: string) => name === 'range' && Boolean(facts.range) },
})
const page = (url: string, facts: Partial<RequestFacts> = {}) => request(url, { mode: 'navigate', destination: 'document', ...facts })
const response = (status: number, cacheControl?: string) => ({
  ok: status >= 200 && status < 300,
  status,
  headers: { get: (name: string) => (name.toLowerCase() === 'cache-control' ? (cacheControl ?? null) : null) },
})

describe('what the service worker answers', () => {
  it('answers page loads network first and hashed assets and pictures cache first', () => {
    expect(strategyOf(page('/berita/panen-raya'), ORIGIN)).toBe('page')
    expect(strategyOf(page('/keranjang'), ORIGIN)).toBe('page')
    expect(strategyOf(request('/_astro/ServiceRequest.B1x2.js', { destination: 'script' }), ORIGIN)).toBe('asset')
    expect(strategyOf(request('/media/padi-800.webp', { destination: 'image' }), ORIGIN)).toBe('asset')
  })

  it('leaves posts, other sites, the admin, the API and Next.js alone', () => {
    expect(strategyOf(page('/layanan/skck/formulir', { method: 'POST' }), ORIGIN)).toBeNull()
    expect(strategyOf(request('/_astro/a.js', { method: 'POST' }), ORIGIN)).toBeNull()
    expect(strategyOf(page('https://other.example/berita'), ORIGIN)).toBeNull()
    expect(strategyOf(request('https://other.example/_astro/a.css'), ORIGIN)).toBeNull()
    for (const path of ['/admin', '/admin/collections/service-requests', '/api/users/me', '/_next/static/chunk.js'])
      expect(strategyOf(page(path), ORIGIN), path).toBeNull()
    expect(strategyOf(request('/api/media/file/x.jpg', { destination: 'image' }), ORIGIN)).toBeNull()
  })

  it('leaves a partial read of a picture or audio (Range) and other fetches alone', () => {
    expect(strategyOf(request('/media/episode-1.jpg', { destination: 'image', range: true }), ORIGIN)).toBeNull()
    expect(strategyOf(request('/media/episode-1.mp3', { destination: 'audio' }), ORIGIN)).toBeNull()
    expect(strategyOf(request('/cari.json?q=kopi'), ORIGIN)).toBeNull()
    expect(strategyOf(request('/sw.js', { destination: 'serviceworker' }), ORIGIN)).toBeNull()
  })
})

describe('which visited pages are kept for reading offline', () => {
  it('keeps the public pages, in both languages', () => {
    const kept = ['/', '/profil', '/profil/sejarah', '/berita', '/berita/panen-raya', '/podcast', '/podcast/episode-1', '/produk']
    kept.push('/produk/kopi-liberika', '/produsen/kelompok-tani', '/layanan', '/layanan/skck', '/layanan/skck/formulir', '/layanan/lacak')
    for (const path of kept) {
      expect(isKeptPage(path), path).toBe(true)
      expect(isKeptPage(path === '/' ? '/en' : `/en${path}`), `/en${path}`).toBe(true)
    }
  })

  it('never keeps pages with personal data: cart, checkout, orders, a confirmation, letters, verification, search', () => {
    const never = ['/keranjang', '/checkout', '/pesanan', '/pesanan/DS-2026-0001', '/layanan/skck/terkirim', '/layanan/lacak/surat']
    never.push('/verifikasi/ABCD1234', '/cari', '/offline', '/berita/rss.xml/x', '/produk/kopi/ulasan')
    for (const path of never) {
      expect(isKeptPage(path), path).toBe(false)
      expect(isKeptPage(`/en${path}`), `/en${path}`).toBe(false)
    }
  })

  it('keeps only whole public answers: not errors, partial answers, private or no-store ones', () => {
    expect(keepable(response(200))).toBe(true)
    expect(keepable(response(200, 'public, max-age=60'))).toBe(true)
    expect(keepable(response(200, 'private, no-cache'))).toBe(false)
    expect(keepable(response(200, 'no-store'))).toBe(false)
    expect(keepable(response(206))).toBe(false)
    expect(keepable(response(404))).toBe(false)
    expect(keepable(response(500))).toBe(false)
  })

  it('tells the language by the /en prefix, for the offline page in that language', () => {
    expect(localeOf('/en')).toBe('en')
    expect(localeOf('/en/berita')).toBe('en')
    expect(localeOf('/entri')).toBe('id')
    expect(withoutLocale('/en')).toBe('/')
    expect(withoutLocale('/en/produk')).toBe('/produk')
    expect(withoutLocale('/produk')).toBe('/produk')
  })
})

describe("the worker's caches and precache", () => {
  it("are named by the build's version; a new version removes the other versions' caches and no one else's", () => {
    const names = Object.values(cacheNames('abc123'))
    expect(new Set(names).size).toBe(3)
    for (const name of names) expect(name).toMatch(/^desa-.*abc123$/)
    const old = Object.values(cacheNames('0ld'))
    expect(staleCaches([...old, ...names, 'desa-pages-v1', 'another-app'], 'abc123')).toEqual([...old, 'desa-pages-v1'])
  })

  it("precache the build's stylesheets, the islands' offline chunk and the offline page's stylesheets", () => {
    const built = [
      '_astro/b.Cx1.css',
      'icons/icon-192.png',
      '_astro/a.D2.css',
      '_astro/react.X.js',
      '_astro/offline.B-7_x.js',
      'manifest.json',
    ]
    expect(precacheOf(built)).toEqual(['/_astro/a.D2.css', '/_astro/b.Cx1.css', '/_astro/offline.B-7_x.js'])
    expect(stylesheetsOf('<link rel="stylesheet" href="/_astro/base.X1.css"><link href="/icons/a.css">')).toEqual(['/_astro/base.X1.css'])
  })

  it("take a version that changes with any built file's name or content and with the worker's code", () => {
    const files = [
      { name: '_astro/a.css', content: 'a{}' },
      { name: 'icons/i.png', content: new Uint8Array([1, 2]) },
    ]
    const version = contentHash(files, 'worker')
    expect(version).toMatch(/^[0-9a-f]{16}$/)
    expect(contentHash([...files].reverse(), 'worker')).toBe(version)
    expect(contentHash([files[0], { name: 'icons/i.png', content: new Uint8Array([1, 3]) }], 'worker')).not.toBe(version)
    expect(contentHash([files[0], { name: 'icons/j.png', content: new Uint8Array([1, 2]) }], 'worker')).not.toBe(version)
    expect(contentHash(files, 'worker 2')).not.toBe(version)
  })

  it('lists the files of the build output', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-'))
    mkdirSync(path.join(dir, '_astro'))
    writeFileSync(path.join(dir, '_astro', 'a.css'), 'a{}')
    writeFileSync(path.join(dir, 'robots.txt'), '')
    expect(filesOf(dir)).toEqual(['_astro/a.css', 'robots.txt'])
  })

  it('compile into one script with the precache list and version in it', async () => {
    const code = await compileWorker({ precache: ['/_astro/a.D2.css'], version: 'f00dcafe', minify: true })
    expect(code).toContain('"/_astro/a.D2.css"')
    expect(code).toContain('f00dcafe')
    expect(code).not.toMatch(/\bimport\b|\bexport\b/)
  })
})
