import { describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer({ browser: true })

describe('a fresh start', () => {
  it('answers /healthz with JSON while the database answers', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' })
  })

  it('serves the seeded village home page, without any script, in Indonesian and English', async () => {
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 } })
    const scripts: string[] = []
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()))
    await page.goto(server.url)
    expect(await page.locator('html').getAttribute('lang')).toBe('id')
    expect(await page.locator('h1').textContent()).toBe('Desa Sungai Lestari')
    await expect.poll(() => page.locator('footer').textContent()).toMatch(/Jam pelayanan/)
    await page.getByRole('link', { name: 'Baca dalam bahasa Inggris' }).click()
    expect(page.url()).toBe(`${server.url}/en`)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('footer').textContent()).toMatch(/Office hours/)
    expect(scripts).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await page.close()
  })

  it('renders profile pages from the CMS with officials and their photos', async () => {
    const page = await server.browser.newPage()
    const res = await page.goto(`${server.url}/profil/perangkat-desa`)
    expect(res?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe('Perangkat Desa')
    expect(await page.locator('.person').count()).toBeGreaterThanOrEqual(8)
    const photo = page.locator('.person img').first()
    expect(await photo.getAttribute('alt')).toBeTruthy()
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await page.close()
  })

  it("answers unknown pages with a 404 page in the visitor's language", async () => {
    const id = await fetch(`${server.url}/tidak-ada`)
    expect(id.status).toBe(404)
    expect(await id.text()).toMatch(/Halaman tidak ditemukan/)
    const en = await fetch(`${server.url}/en/profil/not-here`)
    expect(en.status).toBe(404)
    expect(await en.text()).toMatch(/Page not found/)
  })

  it('compresses pages, caches hashed assets for a year and sends security headers', async () => {
    const res = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.headers.get('content-encoding')).toMatch(/br|gzip/)
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await res.text())![1]
    const asset = await fetch(server.url + css)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })
})

describe('the admin', () => {
  it('creates the first administrator in Indonesian, and an edit of the settings shows on the next page load', async () => {
    const context = await server.browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/create-first-user/)
    expect(await page.locator('html').getAttribute('lang')).toBe('id')
    await page.locator('#field-email').fill('admin@desa.test')
    await page.locator('#field-password').fill('kata-sandi-rahasia-123')
    await page.locator('#field-confirm-password').fill('kata-sandi-rahasia-123')
    await page.locator('#field-name').fill('Admin Desa')
    await page.getByRole('button', { name: /buat/i }).click()
    await page.waitForURL((url) => url.pathname === '/admin')

    await page.goto(`${server.url}/admin/collections/settings`)
    const tagline = page.locator('#field-tagline')
    await tagline.fill('Desa tepian Mahakam yang ramah tamu')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('.payload-toast-container').textContent(), { timeout: 15_000 }).toMatch(/berhasil/i)

    const site = await context.newPage()
    await site.goto(server.url)
    expect(await site.locator('.hero p').textContent()).toBe('Desa tepian Mahakam yang ramah tamu')
    await context.close()
  })
})

describe('the page cache', () => {
  it('serves public pages from memory until the CMS changes, and never caches 404s', async () => {
    const first = await fetch(`${server.url}/profil/sejarah`)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60')
    const second = await fetch(`${server.url}/profil/sejarah`)
    expect(second.headers.get('x-page-cache')).toBe('hit')
    const html = await first.text()
    expect(await second.text()).toBe(html)
    for (const encoding of ['br', 'gzip']) {
      const compressed = await fetch(`${server.url}/profil/sejarah`, { headers: { 'accept-encoding': encoding } })
      expect(compressed.headers.get('x-page-cache')).toBe('hit')
      expect(compressed.headers.get('content-encoding')).toBe(encoding)
      expect(await compressed.text()).toBe(html)
    }
    expect((await fetch(`${server.url}/tidak-ada`)).headers.get('x-page-cache')).toBeNull()
    expect((await fetch(`${server.url}/tidak-ada`)).headers.get('x-page-cache')).toBeNull()
  })
})
