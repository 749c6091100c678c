import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REGENCY_ARTICLE, REGENCY_HOST, SECOND_HOST, withFirstOnRegencyHost, withSecondVillage } from '../support/secondVillage'
import { useProductionServer } from '../support/e2e'
import { signIn } from '../support/api'
import { refuseOutsideHosts } from '../support/browser'
import { requestOnHost } from '../support/hosts'
import { database } from '../support/traffic'
import { witaDate } from '../../cms/lib/wita'

const server = useProductionServer({ browser: true })
const BASE = '/desa/desa'

/** A request to the server as a browser sends it to `host`. */
const request = (host: string, path: string, options?: Parameters<typeof requestOnHost>[3]) =>
  requestOnHost(server.url, host, path, options)
const onRegencyHost = (path: string, options?: Parameters<typeof requestOnHost>[3]) => request(REGENCY_HOST, path, options)
const regencyOrigin = () => `http://${REGENCY_HOST}:${new URL(server.url).port}`

beforeAll(async () => {
  await signIn(server, 'admin')
  await server.stop()
  // The demo village has no domain of its own: it lives at kabupaten.localhost/desa/desa/; Sukamaju keeps its host.
  await withSecondVillage(server.dir)
  await withFirstOnRegencyHost(server.dir)
  await server.start()
})

describe("a village without a domain of its own, on the regency's host", () => {
  it('is served under /desa/<slug>/ with every link, address and file of its site there', async () => {
    const home = await onRegencyHost(`${BASE}/`)
    expect(home.status).toBe(200)
    expect(home.body).toContain(`<link rel="canonical" href="${regencyOrigin()}${BASE}/"`)
    expect(home.body).toContain(`href="${BASE}/berita"`)
    expect(home.body).toContain(`data-base="${BASE}"`)
    expect(home.body).toContain(`<link rel="manifest" href="${BASE}/manifest.webmanifest"`)
    // No link of the page leaves the village's path (files and pictures are the install's, at the root).
    const links = [...home.body.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1])
    expect(links.filter((href) => !href.startsWith(`${BASE}/`) && !/^\/(_astro|media|icons)\//.test(href))).toEqual([])

    const english = await onRegencyHost(`${BASE}/en/berita`)
    expect(english.status).toBe(200)
    expect(english.body).toContain('<html lang="en"')
    expect(english.body).toContain(`hreflang="id" href="${regencyOrigin()}${BASE}/berita"`)

    const feed = await onRegencyHost(`${BASE}/berita/rss.xml`)
    expect(feed.status).toBe(200)
    expect(feed.body).toContain(`<link>${regencyOrigin()}${BASE}/berita</link>`)
    expect(feed.body).toMatch(new RegExp(`<item><title>[^<]+</title><link>${regencyOrigin()}${BASE}/berita/[a-z0-9-]+</link>`))
    const sitemap = await onRegencyHost(`${BASE}/sitemap.xml`)
    expect(sitemap.body).toContain(`<loc>${regencyOrigin()}${BASE}/produk</loc>`)
    const manifest = JSON.parse((await onRegencyHost(`${BASE}/manifest.webmanifest`)).body)
    expect(manifest).toMatchObject({ start_url: `${BASE}/`, scope: `${BASE}/` })
    const worker = await onRegencyHost(`${BASE}/sw.js`)
    expect(worker.status).toBe(200)
    expect(worker.headers['content-type']).toMatch(/javascript/)
  })

  it('keeps its cart under its own path, and takes the buyer from the product to the cart there', async () => {
    const product = await onRegencyHost(`${BASE}/produk/madu-hutan`)
    const productId = /name="productId" value="(\d+)"/.exec(product.body)![1]
    const variantId = /name="variantId"[^>]*value="([^"]+)"/.exec(product.body)![1]
    const added = await onRegencyHost(`${BASE}/produk/madu-hutan?_action=shop.addToCart`, {
      method: 'POST',
      form: { productId, variantId, quantity: '1' },
    })
    expect(added.status).toBe(303)
    expect(added.headers.location).toBe(`${BASE}/keranjang`)
    const cookies = added.headers['set-cookie'] ?? []
    expect(cookies).toContainEqual(expect.stringMatching(new RegExp(`^keranjang=[^;]+;.*Path=${BASE}(;|$)`)))
    const cart = await onRegencyHost(`${BASE}/keranjang`, { cookie: cookies.map((c) => c.split(';')[0]).join('; ') })
    expect(cart.body).toMatch(/Madu/)
    expect(cart.body).toContain(`href="${BASE}/checkout"`)
  })

  it("sends a village that has a domain of its own to it, and answers 404 for a village that is not the regency's", async () => {
    const moved = await onRegencyHost('/desa/sukamaju/berita/panen-raya?dari=kabupaten')
    expect(moved.status).toBe(301)
    expect(moved.headers.location).toBe(`http://${SECOND_HOST}:${new URL(server.url).port}/berita/panen-raya?dari=kabupaten`)
    const unknown = await onRegencyHost('/desa/tidak-ada/')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatch(/bukan situs desa mana pun/)
    // The portal's pages answer on the regency's hosts only.
    expect((await request(SECOND_HOST, '/kabupaten')).status).toBe(404)
  })
})

describe("the regency's articles", () => {
  it("are shown on every village's site, marked as the regency's", async () => {
    for (const [host, base] of [
      [SECOND_HOST, ''],
      [REGENCY_HOST, BASE],
    ]) {
      const list = await request(host, `${base}/berita`)
      expect(list.body).toContain(REGENCY_ARTICLE)
      const article = await request(host, `${base}/berita/musrenbang-kabupaten`)
      expect(article.status).toBe(200)
      expect(article.body).toContain('Berita pemerintah kabupaten')
    }
    // The portal lists it once, as the regency's.
    const portal = await onRegencyHost('/berita')
    expect(portal.body.split(REGENCY_ARTICLE).length - 1).toBe(1)
    expect(portal.body).toContain('Berita pemerintah kabupaten')
    // The village's own articles stay its own.
    expect((await request(SECOND_HOST, '/berita')).body).not.toContain('Musyawarah Desa Menyepakati Rencana Kerja 2027')
  })
})

describe("a resident's phone on the regency's host", () => {
  const phone = { viewport: { width: 360, height: 740 } }
  let context: Awaited<ReturnType<typeof server.browser.newContext>>
  afterAll(() => context?.close())

  it('walks from the product list to the cart within the village, its app installed for that path alone', async () => {
    context = await server.browser.newContext(phone)
    const outside = await refuseOutsideHosts(context)
    const page = await context.newPage()
    await page.goto(`${regencyOrigin()}${BASE}/produk`)
    await page.locator(`a[href="${BASE}/produk/madu-hutan"]`).first().click()
    await page.waitForURL(`${regencyOrigin()}${BASE}/produk/madu-hutan`)
    await page
      .getByRole('button', { name: /keranjang/i })
      .first()
      .click()
    await page.waitForURL(`${regencyOrigin()}${BASE}/keranjang`)
    await expect(page.getByText(/Madu/).first().isVisible()).resolves.toBe(true)
    expect(await page.locator('[data-cart-count]').textContent()).toBe('1')
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(scope).toBe(`${regencyOrigin()}${BASE}/`)
    expect(outside).toEqual([])
  })
})

describe("the villages' site visits", () => {
  const PHONE = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
  const asReader = (host: string, path: string, headers: Record<string, string> = {}) =>
    request(host, path, { headers: { 'user-agent': PHONE, ...headers } })
  /** Today's views per village slug, as added to the shared table (every 30 s, and when the server stops). */
  const viewsToday = async () => {
    await server.stop()
    const db = database(server.dir)
    const rows = await db.rows<{ village: string; views: number }>(
      `SELECT v.slug AS village, s.views FROM site_visits s JOIN villages v ON CAST(v.id AS TEXT) = s.village WHERE s.day = ?`,
      [witaDate(new Date())],
    )
    db.close()
    await server.start()
    return (slug: string) => Number(rows.find((r) => r.village === slug)?.views ?? 0)
  }

  it('are counted per village and day from the pages people read, not from crawlers, previews, prefetches or errors', async () => {
    const before = await viewsToday()
    await asReader(SECOND_HOST, '/')
    await asReader(SECOND_HOST, '/berita')
    await asReader(SECOND_HOST, '/berita', { 'cache-control': 'no-cache' })
    await asReader(SECOND_HOST, '/', { 'sec-purpose': 'prefetch' })
    await asReader(SECOND_HOST, '/halaman-yang-tidak-ada')
    await request(SECOND_HOST, '/', {
      headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    })
    await request(SECOND_HOST, '/', { headers: { 'user-agent': 'WhatsApp/2.23.20.0' } })
    // A village on the regency's host counts as itself.
    expect((await asReader(REGENCY_HOST, `${BASE}/profil`)).status).toBe(200)
    const after = await viewsToday()
    expect(after('sukamaju') - before('sukamaju')).toBe(3)
    expect(after('desa') - before('desa')).toBe(1)
  })
})
