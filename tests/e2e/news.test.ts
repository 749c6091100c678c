import { writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { APPLE_CATEGORIES } from '../../cms/podcast/categories'
import { podcastGuid } from '../../cms/podcast/guid'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { parseFeed, validatePodcastNamespace, wellFormed, type FeedChannel, type FeedItem } from '../support/feed'
import { SW_REGISTRATION } from '../../site/lib/serviceWorker'

const server = useProductionServer({ browser: true })
const get = (path: string, init?: RequestInit) => fetch(server.url + path, init)
const head = (html: string, pattern: RegExp) => pattern.exec(html)?.[1]

describe('the podcast feed', () => {
  let xml: string
  let channel: FeedChannel
  let items: FeedItem[]

  beforeAll(async () => {
    const res = await get('/podcast/feed.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
    xml = await res.text()
    channel = parseFeed(xml).rss.channel
    items = channel.item
  })

  it('is well-formed RSS 2.0 declaring the itunes, content and podcast namespaces', () => {
    expect(wellFormed(xml)).toBe(true)
    expect(xml).toMatch(/<rss version="2.0"[^>]* xmlns:itunes="http:\/\/www.itunes.com\/dtds\/podcast-1.0.dtd"/)
    expect(xml).toMatch(/xmlns:content="http:\/\/purl.org\/rss\/1.0\/modules\/content\/"/)
    expect(xml).toMatch(/xmlns:podcast="https:\/\/podcastindex.org\/namespace\/1.0"/)
  })

  it('has its podcast:* elements valid against the Podcasting 2.0 schema', async () => {
    const result = await validatePodcastNamespace(xml)
    expect(result.errors).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.elements).toBeGreaterThanOrEqual(1 + items.length * 2)
  })

  it("meets Apple's channel rules", async () => {
    expect(channel.title).toBe('Suara Sungai Lestari')
    expect(Buffer.byteLength(channel.description['#cdata'])).toBeLessThanOrEqual(4000)
    expect(channel.language).toBe('id')
    expect(APPLE_CATEGORIES).toContain(channel['itunes:category']['@text'])
    expect(['true', 'false']).toContain(String(channel['itunes:explicit']))
    expect(channel['itunes:owner']).toEqual({
      'itunes:name': 'Tim Media Desa Sungai Lestari',
      'itunes:email': 'media@sungailestari.desa.id',
    })
    expect(channel['itunes:author']).toBeTruthy()
    expect(channel.copyright).toBeTruthy()
    expect(channel.link).toBe(`${server.url}/podcast`)
    expect(channel['itunes:type']).toBe('episodic')
    const art = await get(new URL(channel['itunes:image']['@href']).pathname)
    const meta = await sharp(Buffer.from(await art.arrayBuffer())).metadata()
    expect(['jpeg', 'png']).toContain(meta.format)
    expect(meta.width).toBe(meta.height)
    expect(meta.width).toBeGreaterThanOrEqual(1400)
    expect(meta.width).toBeLessThanOrEqual(3000)
    expect(meta.space).toBe('srgb')
  })

  it("carries the Podcasting 2.0 GUID of its own URL and a lock with the owner's email", () => {
    expect(channel['podcast:guid']).toBe(podcastGuid(`${server.url}/podcast/feed.xml`))
    expect(channel['podcast:locked']).toEqual({ '#text': 'yes', '@owner': 'media@sungailestari.desa.id' })
  })

  it("meets Apple's episode rules for every item", () => {
    expect(items.length).toBeGreaterThanOrEqual(3)
    for (const item of items) {
      expect(item.title).not.toMatch(/^\s*(episode|eps?\.?|#)\s*\d/i)
      expect(item.guid['@isPermaLink']).toBe('false')
      expect(item.pubDate).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
      )
      expect(Number(item.enclosure['@length'])).toBeGreaterThan(0)
      expect(item.enclosure['@type']).toBe('audio/mpeg')
      expect(Number.isInteger(item['itunes:duration'])).toBe(true)
      expect(item['itunes:duration']).toBeGreaterThan(0)
      expect(item['itunes:episode']).toBeGreaterThan(0)
      expect(item['itunes:season']).toBeGreaterThan(0)
      expect(['full', 'trailer', 'bonus']).toContain(item['itunes:episodeType'])
      expect(item.description['#cdata']).not.toMatch(/<(?!\/?(p|ol|ul|li|a)\b)[a-z]/i)
      expect(item['podcast:transcript']['@type']).toBe('text/vtt')
      expect(item['podcast:chapters']['@type']).toBe('application/json+chapters')
    }
    const urls = items.map((i) => i.enclosure['@url'])
    expect(new Set(urls).size).toBe(urls.length)
    const dates = items.map((i) => Date.parse(i.pubDate))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
  })

  it('announces enclosure lengths equal to the bytes the server sends', async () => {
    for (const item of items) {
      const res = await get(new URL(item.enclosure['@url']).pathname)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('audio/mpeg')
      expect((await res.arrayBuffer()).byteLength).toBe(Number(item.enclosure['@length']))
    }
  })

  it('keeps every GUID the same from one request to the next', async () => {
    const again = parseFeed(await (await get('/podcast/feed.xml')).text()).rss.channel.item
    expect(again.map((i) => i.guid['#text'])).toEqual(items.map((i) => i.guid['#text']))
  })

  it('serves the transcripts and JSON chapters it points to', async () => {
    const item = items[0]
    const transcript = await get(new URL(item['podcast:transcript']['@url']).pathname)
    expect(transcript.headers.get('content-type')).toMatch(/^text\/vtt/)
    expect(await transcript.text()).toMatch(/^WEBVTT/)
    const chapters = await get(new URL(item['podcast:chapters']['@url']).pathname)
    expect(chapters.headers.get('content-type')).toMatch(/^application\/json\+chapters/)
    const json = await chapters.json()
    expect(json.version).toBe('1.2.0')
    expect(json.chapters[0]).toEqual({ startTime: 0, title: expect.any(String) })
    const etag = chapters.headers.get('etag')!
    expect((await get(new URL(item['podcast:chapters']['@url']).pathname, { headers: { 'if-none-match': etag } })).status).toBe(304)
  })
})

describe('media delivery', () => {
  /** Where a seeded file is served: stored files are named by their content, so the name is read from the API. */
  const servedAt = async (collection: string, folder: string, name: string) => {
    const found = (await (await get(`/api/${collection}?where[filename][like]=${name}&limit=1&depth=0`)).json()) as {
      docs: { filename: string }[]
    }
    return `/media/${folder}${found.docs[0].filename}`
  }
  let audio: string

  beforeAll(async () => {
    audio = await servedAt('podcast-audio', 'audio/', 'panen-lada-bersama')
  })

  it('answers HEAD with the length, byte ranges, ETag and Last-Modified, and no body', async () => {
    const res = await get(audio, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100_000)
    expect(res.headers.get('etag')).toBeTruthy()
    expect(res.headers.get('last-modified')).toBeTruthy()
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/)
    expect((await res.arrayBuffer()).byteLength).toBe(0)
  })

  it('sends 206 Partial Content for a byte range, even to clients that accept compression', async () => {
    const total = Number((await get(audio, { method: 'HEAD' })).headers.get('content-length'))
    const res = await get(audio, { headers: { range: 'bytes=100-1099', 'accept-encoding': 'gzip, br' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 100-1099/${total}`)
    expect(res.headers.get('content-length')).toBe('1000')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect((await res.arrayBuffer()).byteLength).toBe(1000)
    const tail = await get(audio, { headers: { range: 'bytes=-500' } })
    expect(tail.headers.get('content-range')).toBe(`bytes ${total - 500}-${total - 1}/${total}`)
    expect((await get(audio, { headers: { range: `bytes=${total + 10}-` } })).status).toBe(416)
  })

  it('answers a revalidation with 304 Not Modified', async () => {
    const etag = (await get(audio, { method: 'HEAD' })).headers.get('etag')!
    // As a browser revalidates (fetch() would otherwise add "Cache-Control: no-cache" to a conditional request).
    expect((await get(audio, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status).toBe(304)
  })

  it('serves transcripts and pictures with ranges too', async () => {
    const vtt = await get(await servedAt('transcripts', 'transcripts/', 'panen-lada-bersama'), { headers: { range: 'bytes=0-5' } })
    expect(vtt.status).toBe(206)
    expect(await vtt.text()).toBe('WEBVTT')
    const art = await get(await servedAt('media', '', 'artwork'), { headers: { range: 'bytes=0-1' } })
    expect(art.status).toBe(206)
  })

  it('lets browsers keep files named by their content for a year without asking again, and others for a week', async () => {
    const picture = await servedAt('media', '', 'artwork')
    expect(picture).toMatch(/^\/media\/artwork-[0-9a-f]{10}\.jpg$/)
    for (const file of [picture, audio]) {
      expect((await get(file, { method: 'HEAD' })).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }
    writeFileSync(path.join(server.dir, 'media', 'lama.jpg'), 'JPEG dari sebelum nama berkas memakai hash')
    expect((await get('/media/lama.jpg', { method: 'HEAD' })).headers.get('cache-control')).toBe('public, max-age=604800')
  })
})

describe('news pages', () => {
  it('lists published articles newest first and filters them by category and tag', async () => {
    const html = await (await get('/berita')).text()
    const slugs = [...html.matchAll(/<h2><a href="\/berita\/([^"]+)"/g)].map((m) => m[1])
    expect(slugs.length).toBeGreaterThanOrEqual(8)
    expect(slugs[0]).toBe('musyawarah-desa-rkp-2027')
    const economy = await (await get('/berita?kategori=ekonomi')).text()
    expect(economy).toMatch(/panen-raya-lada-2026/)
    expect(economy).not.toMatch(/posyandu-balita-november/)
    const tagged = await (await get('/en/berita?tag=sungai')).text()
    expect(tagged).toMatch(/Village Youth Pull 2 Tonnes/)
    expect(tagged).not.toMatch(/Pepper Harvest/)
    expect((await get('/berita?halaman=abc')).status).toBe(404)
    expect((await get('/berita?halaman=99')).status).toBe(404)
  })

  it('gives each article canonical, Open Graph, Twitter, hreflang and NewsArticle tags, and no script', async () => {
    const html = await (await get('/en/berita/panen-raya-lada-2026')).text()
    expect(head(html, /<link rel="canonical" href="([^"]+)"/)).toBe(`${server.url}/en/berita/panen-raya-lada-2026`)
    expect(head(html, /<link rel="alternate" hreflang="id" href="([^"]+)"/)).toBe(`${server.url}/berita/panen-raya-lada-2026`)
    expect(head(html, /<meta property="og:type" content="([^"]+)"/)).toBe('article')
    expect(head(html, /<meta property="og:title" content="([^"]+)"/)).toBe("Pepper Harvest: Farmers' Group Nearly Doubles Its Yield")
    expect(head(html, /<meta property="og:image" content="([^"]+)"/)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+\.jpg$/)
    expect(head(html, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image')
    const ld = JSON.parse(head(html, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/)!)
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: "Pepper Harvest: Farmers' Group Nearly Doubles Its Yield",
      datePublished: '2026-11-12T01:30:00.000Z',
    })
    expect(html.replace(`<script>${SW_REGISTRATION}</script>`, '')).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
    expect(html).toMatch(/12 November 2026.*09\.30 WITA|November 2026 at 09:30 WITA/)
    expect(html).toMatch(/https:\/\/wa\.me\/\?text=/)
  })

  it('publishes an RSS feed of the news', async () => {
    const xml = await (await get('/berita/rss.xml')).text()
    expect(wellFormed(xml)).toBe(true)
    expect(parseFeed(xml).rss.channel.item.length).toBeGreaterThanOrEqual(8)
  })
})

describe('crawlers', () => {
  it('lists every public page in both languages in the sitemap, with lastmod', async () => {
    const xml = await (await get('/sitemap.xml')).text()
    expect(wellFormed(xml)).toBe(true)
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
    for (const path of [
      '/',
      '/profil',
      '/profil/sejarah',
      '/berita',
      '/berita/bersih-sungai-pemuda',
      '/podcast',
      '/podcast/rencana-dana-desa',
    ]) {
      expect(locs).toContain(path)
      expect(locs).toContain(path === '/' ? '/en' : `/en${path}`)
    }
    expect(xml.match(/<lastmod>/g)!.length).toBe(locs.length)
  })

  it('points robots to the sitemap and keeps them out of the admin', async () => {
    const text = await (await get('/robots.txt')).text()
    expect(text).toMatch(/Disallow: \/admin/)
    expect(text).toContain(`Sitemap: ${server.url}/sitemap.xml`)
  })
})

describe('an episode page', () => {
  it('shows the player without loading audio, the file size, chapters, transcript and PodcastEpisode data', async () => {
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 } })
    const audioRequests: string[] = []
    page.on('request', (r) => r.url().includes('/media/audio/') && audioRequests.push(r.url()))
    await page.goto(`${server.url}/podcast/panen-lada-bersama`)
    expect(await page.locator('audio').getAttribute('preload')).toBe('none')
    expect(await page.getByRole('link', { name: 'Unduh MP3' }).locator('xpath=..').textContent()).toMatch(/\(\d+ KB\)/)
    expect(await page.locator('.chapters a').count()).toBe(3)
    expect(await page.locator('.transcript').textContent()).toMatch(/Pak Darto:.*panen lada kami naik/)
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!)
    expect(ld['@type']).toBe('PodcastEpisode')
    await page.waitForTimeout(500)
    expect(audioRequests).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)
    await page.close()
  })
})

describe('publishing an episode', () => {
  it('an editor publishes a draft episode in the admin and a listener plays it, receiving 206 responses', async () => {
    const media = await signIn(server, { role: 'editor', email: 'media@desa.test', name: 'Tim Media' })
    const editor = await server.browser.newContext()
    await media.addCookieTo(editor)
    const audio = await (await editor.request.get(`${server.url}/api/podcast-audio?where[filename][like]=posyandu-dan-gizi-anak`)).json()
    const created = await editor.request.post(`${server.url}/api/episodes?draft=true`, {
      data: {
        title: 'Kabar Pasar Minggu',
        slug: 'kabar-pasar-minggu',
        audio: audio.docs[0].id,
        episodeType: 'bonus',
        _status: 'draft',
        chapters: [
          { start: '0:00', title: 'Pembuka' },
          { start: '0:15', title: 'Harga sayur' },
        ],
      },
    })
    expect(created.ok()).toBe(true)
    const { doc } = await created.json()
    expect((await get('/podcast/kabar-pasar-minggu')).status).toBe(404)
    expect((await get('/podcast/kabar-pasar-minggu?preview=1')).status).toBe(404)
    const preview = await editor.request.get(`${server.url}/podcast/kabar-pasar-minggu?preview=1`)
    expect(preview.status()).toBe(200)
    expect(await preview.text()).toMatch(/Pratinjau draf/)
    expect(preview.headers()['cache-control']).toBe('private, no-store')

    const page = await editor.newPage()
    await page.goto(`${server.url}/admin/collections/episodes/${doc.id}`)
    await page.getByRole('button', { name: 'Publikasikan perubahan' }).click()
    await expect.poll(() => page.locator('.payload-toast-container').textContent(), { timeout: 15_000 }).toMatch(/berhasil/i)
    await editor.close()

    const listener = await server.browser.newPage()
    const statuses: number[] = []
    listener.on('response', (r) => r.url().includes('/media/audio/posyandu-dan-gizi-anak') && statuses.push(r.status()))
    expect((await listener.goto(`${server.url}/podcast/kabar-pasar-minggu`))!.status()).toBe(200)
    // Hydrated, a chapter seeks the player; before, it is a link to the audio file itself.
    await listener.locator('astro-island:not([ssr])').waitFor()
    await listener.getByRole('link', { name: '0:15' }).click()
    await expect
      .poll(() => listener.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
      .toBeGreaterThan(15)
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every((s) => s === 206)).toBe(true)
    expect(await (await get('/podcast/feed.xml')).text()).toMatch(/Kabar Pasar Minggu/)
    await listener.close()
  })
})
