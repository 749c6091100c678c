import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { PODCAST_LICENSES } from '../../cms/podcast/licenses'
import { parseFeed, validatePodcastNamespace, wellFormed } from '../support/feed'
import { jsonLdBlocks, newsArticleProblems, productProblems } from '../support/googleRichResults'
import { useProductionServer } from '../support/e2e'
import { locations, validateSitemap } from '../support/sitemap'

const server = useProductionServer()
const get = (path: string, init?: RequestInit) => fetch(server.url + path, init)
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1]
const pathsOf = (xml: string) => locations(xml).map((l) => new URL(l).pathname)

/** Slugs an anonymous visitor can read in a collection, through the public API. */
const publicSlugs = async (collection: string, where = '') => {
  const { docs } = (await (await get(`/api/${collection}?limit=500&depth=0${where}`)).json()) as { docs: { slug: string }[] }
  return docs.map((d) => d.slug)
}

describe('the sitemap', () => {
  let xml: string
  beforeAll(async () => {
    xml = await (await get('/sitemap.xml')).text()
  })

  it('is valid against the sitemaps.org schema', async () => {
    expect(await validateSitemap(xml)).toEqual({ valid: true, errors: [] })
  })

  it('lists every indexable page, in both languages, with lastmod', async () => {
    const listed = pathsOf(xml)
    const [products, producers, services] = await Promise.all([
      publicSlugs('products'),
      publicSlugs('producers'),
      publicSlugs('services', '&where[active][equals]=true'),
    ])
    expect(products.length).toBeGreaterThanOrEqual(20)
    const expected = [
      '/',
      '/profil',
      '/profil/peta-kontak',
      '/berita',
      '/berita/panen-raya-lada-2026',
      '/podcast',
      '/podcast/rencana-dana-desa',
      '/produk',
      ...products.map((s) => `/produk/${s}`),
      ...producers.map((s) => `/produsen/${s}`),
      '/layanan',
      ...services.map((s) => `/layanan/${s}`),
      '/layanan/lacak',
    ]
    const missing = expected.flatMap((p) => [p, p === '/' ? '/en' : `/en${p}`]).filter((p) => !listed.includes(p))
    expect(missing).toEqual([])
    expect(listed.filter((p) => /^(\/en)?\/(keranjang|checkout|cari|pesanan|verifikasi)(\/|$)|\/formulir$/.test(p))).toEqual([])
    expect(xml.match(/<lastmod>/g)!.length).toBe(listed.length)
    expect(xml.match(/hreflang="x-default"/g)!.length).toBe(listed.length)
  })

  it('is named in robots.txt', async () => {
    expect(await (await get('/robots.txt')).text()).toContain(`Sitemap: ${server.url}/sitemap.xml`)
  })
})

describe('social cards', () => {
  it('every public page has a 1200×630 og:image with its size and alt text, shown large on X', { timeout: 300_000 }, async () => {
    const pages = pathsOf(await (await get('/sitemap.xml')).text())
    const problems: string[] = []
    const checked = new Map<string, string>()
    for (const path of pages) {
      const html = await (await get(path)).text()
      const image = meta(html, 'og:image')
      if (!image) {
        problems.push(`${path}: no og:image`)
        continue
      }
      if (meta(html, 'og:image:width') !== '1200' || meta(html, 'og:image:height') !== '630')
        problems.push(`${path}: og:image size not 1200×630`)
      if (!meta(html, 'og:image:alt')) problems.push(`${path}: no og:image:alt`)
      if (meta(html, 'twitter:card') !== 'summary_large_image') problems.push(`${path}: twitter:card is not summary_large_image`)
      if (!checked.has(image)) {
        const res = await fetch(image)
        const info = res.ok ? await sharp(Buffer.from(await res.arrayBuffer())).metadata() : null
        checked.set(image, info ? `${info.width}×${info.height}` : `HTTP ${res.status}`)
      }
      if (checked.get(image) !== '1200×630') problems.push(`${path}: ${image} is ${checked.get(image)}`)
    }
    expect(problems).toEqual([])
    expect(checked.size).toBeGreaterThan(10)
  })

  it('uses the article picture and the product photo (their 1200×630 crops), and a generated card elsewhere', async () => {
    expect(meta(await (await get('/berita/panen-raya-lada-2026')).text(), 'og:image')).toMatch(/\/media\/[^/]+-1200x630\.jpg$/)
    expect(meta(await (await get('/produk/kopi-robusta-bubuk')).text(), 'og:image')).toMatch(/\/media\/[^/]+-1200x630\.jpg$/)
    const services = await (await get('/en/layanan')).text()
    expect(meta(services, 'og:image')).toMatch(/\/media\/cards\/card-[0-9a-f]{10}\.png$/)
    expect(meta(services, 'og:image:alt')).toBe('Services for residents · Desa Sungai Lestari')
  })
})

describe('structured data', () => {
  it('describes the village (GovernmentOrganization) and its site search (WebSite with SearchAction) on the home page', async () => {
    const blocks = jsonLdBlocks(await (await get('/')).text())
    const village = blocks.find((b) => b['@type'] === 'GovernmentOrganization')!
    expect(village).toMatchObject({
      name: 'Desa Sungai Lestari',
      logo: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/media\/logo/) },
      address: { addressRegion: 'Kutai Kartanegara, Kalimantan Timur', postalCode: '75579', addressCountry: 'ID' },
      geo: { latitude: -0.5478, longitude: 117.0563 },
      telephone: '0541-661247',
      email: 'pemdes@sungailestari.desa.id',
    })
    expect(village.sameAs).toEqual(expect.arrayContaining(['https://www.facebook.com/desasungailestari']))
    const site = blocks.find((b) => b['@type'] === 'WebSite')!
    expect(site.potentialAction).toMatchObject({
      '@type': 'SearchAction',
      target: { urlTemplate: `${server.url}/cari?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    })
  })

  it('gives every page below the home page visible breadcrumbs and a BreadcrumbList', async () => {
    const missing: string[] = []
    for (const path of [
      '/profil/sejarah',
      '/berita',
      '/en/berita/panen-raya-lada-2026',
      '/podcast/panen-lada-bersama',
      '/produk/kopi-robusta-bubuk',
      '/produsen/kelompok-tani-lada-makmur',
      '/layanan/izin-keramaian',
      '/layanan/lacak',
    ]) {
      const html = await (await get(path)).text()
      const list = jsonLdBlocks(html).find((b) => b['@type'] === 'BreadcrumbList')
      const visible = /<nav class="breadcrumbs[^"]*" aria-label="[^"]+"><ol>(.*?)<\/ol>/.exec(html)?.[1]
      if (!list || !visible) missing.push(path)
      else expect((list.itemListElement as unknown[]).length).toBe(visible.match(/<li/g)!.length)
    }
    expect(missing).toEqual([])
    const product = jsonLdBlocks(await (await get('/en/produk/kopi-robusta-bubuk')).text()).find((b) => b['@type'] === 'BreadcrumbList')!
    const items = product.itemListElement as { name: string; item: string }[]
    expect(items.map((i) => i.name)).toEqual(['Home', 'Village products', 'Ground robusta coffee'])
    expect(items[1].item).toBe(`${server.url}/en/produk`)
  })

  it('describes the show (PodcastSeries) and each service (GovernmentService)', async () => {
    const series = jsonLdBlocks(await (await get('/podcast')).text()).find((b) => b['@type'] === 'PodcastSeries')!
    expect(series).toMatchObject({ name: 'Suara Sungai Lestari', webFeed: `${server.url}/podcast/feed.xml` })
    const service = jsonLdBlocks(await (await get('/layanan/izin-keramaian')).text()).find((b) => b['@type'] === 'GovernmentService')!
    expect(service).toMatchObject({
      provider: { '@type': 'GovernmentOrganization', name: 'Desa Sungai Lestari' },
      offers: { priceCurrency: 'IDR' },
    })
  })

  it("meets Google's NewsArticle requirements on every article, with the publisher's logo and the writer's page", async () => {
    const problems: Record<string, string[]> = {}
    for (const slug of await publicSlugs('news')) {
      const article = jsonLdBlocks(await (await get(`/berita/${slug}`)).text()).find((b) => b['@type'] === 'NewsArticle')!
      const found = newsArticleProblems(article)
      if (found.length) problems[slug] = found
    }
    expect(problems).toEqual({})
  })

  it("meets Google's Product requirements on every product, with shipping per zone and the return policy", async () => {
    const problems: Record<string, string[]> = {}
    for (const slug of await publicSlugs('products')) {
      const product = jsonLdBlocks(await (await get(`/produk/${slug}`)).text()).find((b) => b['@type'] === 'Product')!
      const found = productProblems(product)
      if (found.length) problems[slug] = found
    }
    expect(problems).toEqual({})
  })
})

describe('feeds', () => {
  it('lets apps on other sites read the podcast feed, its audio, transcripts and artwork (CORS)', async () => {
    const feed = await get('/podcast/feed.xml', { headers: { origin: 'https://app.example' } })
    expect(feed.headers.get('access-control-allow-origin')).toBe('*')
    const xml = await feed.text()
    const enclosure = /<enclosure url="([^"]+)"/.exec(xml)![1]
    const transcript = /<podcast:transcript url="([^"]+)"/.exec(xml)![1]
    const artwork = /<itunes:image href="([^"]+)"/.exec(xml)![1]
    for (const file of [enclosure, transcript, artwork]) {
      const res = await fetch(file, { method: 'HEAD', headers: { origin: 'https://app.example' } })
      expect([file, res.status, res.headers.get('access-control-allow-origin')]).toEqual([file, 200, '*'])
    }
  })

  it.each(['/podcast/feed.xml', '/berita/rss.xml', '/en/berita/rss.xml'])(
    '%s has ETag and Last-Modified and answers 304 to a directory whose copy is current',
    async (path) => {
      const first = await get(path)
      const etag = first.headers.get('etag')!
      const lastModified = first.headers.get('last-modified')!
      expect(etag).toMatch(/^W\/"[\w-]+"$/)
      expect(new Date(lastModified).getTime()).toBeLessThanOrEqual(Date.now())
      // Twice each: once rendered, once from the server's page cache.
      for (let i = 0; i < 2; i++) {
        const byTag = await get(path, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })
        expect([byTag.status, byTag.headers.get('etag'), await byTag.text()]).toEqual([304, etag, ''])
        const byDate = await get(path, { headers: { 'if-modified-since': lastModified, 'cache-control': 'max-age=0' } })
        expect(byDate.status).toBe(304)
      }
      expect((await get(path, { headers: { 'if-none-match': 'W/"older"' } })).status).toBe(200)
    },
  )

  it('has one podcast feed, in the language the episodes are spoken: the English address moves to it', async () => {
    const en = await get('/en/podcast/feed.xml', { redirect: 'manual' })
    expect(en.status).toBe(301)
    expect(en.headers.get('location')).toBe(`${server.url}/podcast/feed.xml`)
    expect(await (await get('/en/podcast')).text()).toContain('href="/podcast/feed.xml"')
  })

  it('names hosts and guests, the village, the shop that funds it and the licence, numbers episodes by date, and stays valid', async () => {
    const xml = await (await get('/podcast/feed.xml')).text()
    const channel = parseFeed(xml).rss.channel
    expect(xml).toContain('<podcast:person role="host">Rina</podcast:person>')
    expect(xml).toContain('<podcast:person role="guest">Pak Darto</podcast:person>')
    expect(xml).toMatch(
      /<podcast:location geo="geo:-0\.5478,117\.0563">Desa Sungai Lestari, Kutai Kartanegara, Kalimantan Timur<\/podcast:location>/,
    )
    expect(xml).toContain(`<podcast:funding url="${server.url}/produk">`)
    const license = /<podcast:license url="([^"]+)">([^<]+)<\/podcast:license>/.exec(xml)!
    expect(PODCAST_LICENSES[license[2] as keyof typeof PODCAST_LICENSES]).toBe(license[1])
    const items = channel.item
    expect(items.every((i) => i['itunes:title'] === i.title)).toBe(true)
    const byDate = [...items].sort((a, b) => Date.parse(a.pubDate) - Date.parse(b.pubDate))
    expect(byDate.map((i) => i['itunes:episode'])).toEqual(byDate.map((_, n) => n + 1))
    expect(await validatePodcastNamespace(xml)).toMatchObject({ valid: true, errors: [] })
  })

  it('carries the full article, its picture, categories and writer in the news RSS', async () => {
    const xml = await (await get('/berita/rss.xml')).text()
    expect(wellFormed(xml)).toBe(true)
    const items = parseFeed(xml).rss.channel.item
    const harvest = items.find((i) => i.link.endsWith('/berita/panen-raya-lada-2026'))!
    expect(harvest['content:encoded']?.['#cdata']).toMatch(/<p>.+<\/p>/)
    expect(harvest.enclosure).toMatchObject({ '@type': 'image/jpeg', '@url': expect.stringMatching(/-1200x630\.jpg$/) })
    expect(harvest.category).toBeTruthy()
    expect(harvest['dc:creator']).toBeTruthy()
  })
})
