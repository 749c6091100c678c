import { beforeAll, describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'
import { axeViolations, blocking } from '../support/axe'
import { PORTAL_HOST, withDemoRegency } from '../support/demoRegency'
import { requestOnHost } from '../support/hosts'
import { PORTAL_CART_COUNT } from '../../site/lib/portalCartCount'

const server = useProductionServer({ browser: true })
const port = () => new URL(server.url).port
/** An address on a host of the install, as a visitor's browser asks for it (every *.localhost name is this machine). */
const on = (host: string, path: string) => `http://${host}:${port()}${path}`
const portal = (path: string) => requestOnHost(server.url, PORTAL_HOST, path)

const CONTENT_PAGES = ['/', '/berita', '/produk', '/cari?q=keripik', '/en', '/en/berita', '/en/produk', '/en/cari']

beforeAll(async () => {
  await server.stop()
  await withDemoRegency(server.dir)
  await server.start()
}, 600_000)

describe("the regency portal on the regency's own host", () => {
  it('lists all three villages by kecamatan on its home page, each leading to its own site', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(on(PORTAL_HOST, '/'))
    await expect(page.locator('h1').textContent()).resolves.toBe('Kabupaten Kutai Kartanegara')
    const directory = page.locator('section[aria-labelledby="desa"] .kecamatan > li')
    const groups = await directory.evaluateAll((items) =>
      items.map((li) => [li.querySelector('h3')?.textContent, [...li.querySelectorAll('a')].map((a) => [a.textContent, a.href])]),
    )
    expect(groups).toEqual([
      [
        'Kecamatan Loa Sentosa',
        [
          ['Desa Sukamaju', on('sukamaju.localhost', '/')],
          ['Desa Sungai Lestari', on('localhost', '/')],
        ],
      ],
      ['Kecamatan Tenggarong Seberang', [['Desa Batu Ampar', on('batu-ampar.localhost', '/')]]],
    ])
    // The map above the directory: a point per village, drawn on the page itself, leading to the same sites.
    const points = await page.locator('.village-map > svg a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(points.sort()).toEqual([on('batu-ampar.localhost', '/'), on('localhost', '/'), on('sukamaju.localhost', '/')].sort())
    await expect(page.locator('.village-map .legend li').allTextContents()).resolves.toEqual([
      'Kecamatan Loa Sentosa',
      'Kecamatan Tenggarong Seberang',
    ])
    await page.getByRole('link', { name: 'Desa Batu Ampar' }).first().click()
    await expect(page.title()).resolves.toMatch(/Batu Ampar/)
    await context.close()
  })

  it("shows every village's latest news and featured products, and each service with the villages that offer it", async () => {
    const home = await portal('/')
    expect(home.body).toContain('Pasar Tani Sabtu Pagi Kini Menerima QRIS')
    expect(home.body).toContain(`href="${on('batu-ampar.localhost', '/berita/semenisasi-jalan-dusun-tiga')}"`)
    expect(home.body).toContain('dari Desa Sukamaju')
    expect(home.body).toContain(`href="${on('sukamaju.localhost', '/produk/keripik-pisang-sukamaju')}"`)
    expect(home.body).toContain(`href="${on('batu-ampar.localhost', '/layanan/keterangan-domisili/formulir')}"`)
    const english = await portal('/en')
    expect(english.body).toContain('Kutai Kartanegara Regency')
    expect(english.body).toContain(`href="${on('sukamaju.localhost', '/en/produk/keripik-pisang-sukamaju')}"`)
  })

  it('filters the news by village with a plain form, without JavaScript', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(on(PORTAL_HOST, '/berita'))
    const villagesShown = () => page.locator('.article-card .source').allTextContents()
    expect(new Set(await villagesShown()).size).toBe(3)
    await page.getByLabel('Desa').selectOption({ label: 'Desa Batu Ampar' })
    await page.getByRole('button', { name: 'Terapkan' }).click()
    expect(new URL(page.url()).search).toBe('?desa=batu-ampar')
    const shown = await villagesShown()
    expect(shown.length).toBe(2)
    expect(shown.every((s) => s.includes('Desa Batu Ampar'))).toBe(true)
    await context.close()
  })

  it('filters the products by kecamatan, and sends one RSS feed of every village with links to their sites', async () => {
    const products = await portal('/produk?kecamatan=Tenggarong+Seberang')
    expect(products.body).toContain('Ikan asin sepat')
    expect(products.body).not.toContain('Keripik pisang')
    const rss = await portal('/berita/rss.xml')
    expect(rss.status).toBe(200)
    expect(rss.body).toContain(`<link>${on('sukamaju.localhost', '/berita/pasar-tani-sabtu')}</link>`)
    expect(rss.body).toContain(`<link>${on('batu-ampar.localhost', '/berita/festival-muara-2026')}</link>`)
  })

  it("searches every village at once with a plain form, each hit on its village's site and named by its village", async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(on(PORTAL_HOST, '/'))
    await page.getByRole('link', { name: 'Cari' }).click()
    await page.locator('input[name="q"]').fill('keripik pisang')
    await page.locator('input[name="q"]').press('Enter')
    expect(new URL(page.url()).pathname).toBe('/cari')
    const hit = page.locator('.hit', { hasText: 'Keripik pisang' }).first()
    await expect(hit.locator('a').getAttribute('href')).resolves.toBe(on('sukamaju.localhost', '/produk/keripik-pisang-sukamaju'))
    await expect(hit.textContent()).resolves.toContain('Desa Sukamaju')
    await page.goto(on(PORTAL_HOST, '/cari?q=ikan+asin'))
    const villages = await page.locator('.hit .hit-meta').allTextContents()
    expect(villages).toEqual(expect.arrayContaining(['Desa Batu Ampar', 'Desa Sungai Lestari']))
    await expect(page.locator('.hit', { hasText: 'Ikan asin sepat' }).first().locator('a').getAttribute('href')).resolves.toMatch(
      /^http:\/\/batu-ampar\.localhost:\d+\/produk\//,
    )
    await context.close()
  })

  it('sends its content pages with no script but the cart count, under 40 KB of HTML and CSS, readable on a 360 px phone with no serious accessibility finding', async () => {
    const context = await server.browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    for (const path of CONTENT_PAGES) {
      const answer = await portal(path)
      expect(answer.status, path).toBe(200)
      expect(answer.body, path).toContain(`<script>${PORTAL_CART_COUNT}</script>`)
      expect(answer.body.replace(`<script>${PORTAL_CART_COUNT}</script>`, ''), path).not.toMatch(/<script/i)
      const styles = [...answer.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1])
      const css = await Promise.all(styles.map(async (href) => (await portal(href)).body.length))
      expect(answer.body.length + css.reduce((a, b) => a + b, 0), path).toBeLessThanOrEqual(40 * 1024)
      await page.goto(on(PORTAL_HOST, path))
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360)
      expect(blocking(await axeViolations(page)), path).toEqual([])
    }
    await context.close()
  })

  it('keeps its pages off the villages’ hosts', async () => {
    expect((await requestOnHost(server.url, 'sukamaju.localhost', '/kabupaten')).status).toBe(404)
    expect((await requestOnHost(server.url, 'sukamaju.localhost', '/kabupaten/berita')).status).toBe(404)
  })
})
