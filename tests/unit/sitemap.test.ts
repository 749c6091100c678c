import { describe, expect, it } from 'vitest'
import { sitemapDocuments, sitemapPartPath } from '../../site/lib/sitemap'
import { locations, validateSitemap } from '../support/sitemap'

const ORIGIN = 'https://desa.example'
const entries = [
  { path: '/', lastmod: '2026-11-20T01:00:00.000Z' },
  { path: '/produk', lastmod: '2026-11-19T01:00:00.000Z' },
  { path: '/produk/kopi-robusta-bubuk', lastmod: '2026-11-18T01:00:00.000Z' },
  { path: '/layanan/lacak' },
  { path: '/berita?kategori=a&b', lastmod: '2026-11-21T01:00:00.000Z' },
]

describe('the sitemap', () => {
  it('lists every page in Indonesian and English, each with its alternates and x-default, valid against the sitemaps.org XSD', async () => {
    const { main, parts } = sitemapDocuments(ORIGIN, entries)
    expect(parts).toEqual([])
    expect(await validateSitemap(main)).toEqual({ valid: true, errors: [] })
    expect(locations(main)).toContain(`${ORIGIN}/en/produk/kopi-robusta-bubuk`)
    expect(locations(main)).toHaveLength(2 * entries.length)
    const product = /<url><loc>https:\/\/desa\.example\/produk\/kopi-robusta-bubuk<\/loc>.*?<\/url>/.exec(main)![0]
    expect(product).toContain('<lastmod>2026-11-18T01:00:00.000Z</lastmod>')
    expect(product).toContain(`hreflang="id" href="${ORIGIN}/produk/kopi-robusta-bubuk"`)
    expect(product).toContain(`hreflang="en" href="${ORIGIN}/en/produk/kopi-robusta-bubuk"`)
    expect(product).toContain(`hreflang="x-default" href="${ORIGIN}/produk/kopi-robusta-bubuk"`)
    expect(main).toContain(`${ORIGIN}/berita?kategori=a&amp;b`)
  })

  it('becomes an index of parts past the limit, every part and the index valid, no URL lost and no page split from its translation', async () => {
    const { main, parts } = sitemapDocuments(ORIGIN, entries, { limit: 4 })
    expect(parts).toHaveLength(3)
    expect(await validateSitemap(main)).toEqual({ valid: true, errors: [] })
    expect(locations(main)).toEqual([1, 2, 3].map((n) => ORIGIN + sitemapPartPath(n)))
    expect(main).toContain(`<loc>${ORIGIN}/sitemap-1.xml</loc><lastmod>2026-11-20T01:00:00.000Z</lastmod>`)
    for (const part of parts) {
      expect(await validateSitemap(part)).toEqual({ valid: true, errors: [] })
      expect(locations(part).length).toBeLessThanOrEqual(4)
    }
    expect(parts.flatMap(locations)).toEqual(locations(sitemapDocuments(ORIGIN, entries).main))
    expect(locations(parts[1])).toEqual([
      `${ORIGIN}/produk/kopi-robusta-bubuk`,
      `${ORIGIN}/en/produk/kopi-robusta-bubuk`,
      `${ORIGIN}/layanan/lacak`,
      `${ORIGIN}/en/layanan/lacak`,
    ])
  })

  it('is refused by the schema when a URL is not absolute (the check can fail)', async () => {
    const { main } = sitemapDocuments('', [{ path: '/x' }])
    expect((await validateSitemap(main)).valid).toBe(false)
  })
})
