import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { SW_REGISTRATION } from '../../site/lib/serviceWorker'
import { scriptHash } from '../../server/headers'
import { signIn, type ApiClient } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { startFilling } from '../support/serviceForm'

const server = useProductionServer({ browser: true })
const get = (path: string, init?: RequestInit) => fetch(server.url + path, init)

/** The first link on a list page that leads to one of its items (e.g. an article from /berita). */
const firstLink = async (list: string, pattern: RegExp, skip = 0) => {
  const html = await (await get(list)).text()
  const links = [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((href) => pattern.test(href)))]
  expect(links.length).toBeGreaterThan(skip)
  return links[skip]
}

/** A browser context whose pages the service worker controls (it installs on the first visit). */
const installedContext = async (): Promise<[BrowserContext, Page]> => {
  const context = await server.browser.newContext({ viewport: { width: 360, height: 740 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/`)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  return [context, page]
}

describe('the installable app', () => {
  it('has a manifest in each language with real PNG icons in the site colours', async () => {
    const home = await (await get('/')).text()
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest"')
    expect(await (await get('/en')).text()).toContain('<link rel="manifest" href="/en/manifest.webmanifest"')
    const manifest = await (await get('/manifest.webmanifest')).json()
    expect(manifest).toMatchObject({
      lang: 'id',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0b5d3b',
      background_color: '#f7f3ea',
    })
    expect(manifest.name).toBe(/<meta property="og:site_name" content="([^"]+)"/.exec(home)![1])
    expect((await (await get('/en/manifest.webmanifest')).json()).start_url).toBe('/en')
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const res = await get(icon.src)
      expect(res.headers.get('content-type')).toBe('image/png')
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes)
    }
    expect(manifest.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true)
  })

  it('runs no JavaScript on home, profile, news and product pages beyond the 1 KB registration the CSP allows by hash', async () => {
    expect(Buffer.byteLength(SW_REGISTRATION)).toBeLessThanOrEqual(1024)
    const pages = [
      '/',
      '/profil',
      '/berita',
      await firstLink('/berita', /^\/berita\/[^/?.]+$/),
      await firstLink('/produk', /^\/produk\/[^/?.]+$/),
    ]
    for (const path of pages) {
      const res = await get(path)
      const html = await res.text()
      // Structured data (application/ld+json) is not run; every other script is.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((s) => !/type="application\/ld\+json"/.test(s[1]))
      expect(
        scripts.map((s) => s[2]),
        path,
      ).toEqual([SW_REGISTRATION])
      expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' ${scriptHash(SW_REGISTRATION)}`)
    }
  })

  it('serves the service worker from the root', async () => {
    const res = await get('/sw.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
  })
})

describe('reading offline', () => {
  it('shows visited articles, products and services offline, and the offline page for the rest, in the page language', async () => {
    const [context, page] = await installedContext()
    const article = await firstLink('/berita', /^\/berita\/[^/?.]+$/)
    const unvisited = await firstLink('/berita', /^\/berita\/[^/?.]+$/, 1)
    const product = await firstLink('/produk', /^\/produk\/[^/?.]+$/)
    const service = await firstLink('/layanan', /^\/layanan\/(?!lacak)[^/?.]+$/)
    const titles: Record<string, string> = {}
    for (const path of [article, product, service, '/layanan/lacak']) {
      await page.goto(server.url + path)
      titles[path] = (await page.locator('h1').first().textContent())!
    }
    await context.setOffline(true)
    for (const path of [article, product, service, '/layanan/lacak']) {
      await page.goto(server.url + path)
      expect(await page.locator('h1').first().textContent(), path).toBe(titles[path])
      // The cached page keeps the site's look: its stylesheet comes from the cache too.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).toBe('rgb(11, 93, 59)')
    }
    await page.goto(server.url + unvisited)
    await page.getByRole('heading', { name: 'Anda sedang luring' }).waitFor()
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).toBe('rgb(11, 93, 59)')
    await page.goto(`${server.url}/en${unvisited}`)
    await page.getByRole('heading', { name: 'You are offline' }).waitFor()
    await context.close()
  })

  it('shows the offline notice while offline and hides it when the connection returns', async () => {
    const [context, page] = await installedContext()
    const notice = page.getByText('Anda sedang luring (tanpa koneksi).')
    expect(await notice.isVisible()).toBe(false)
    await context.setOffline(true)
    await notice.waitFor({ state: 'visible' })
    await context.setOffline(false)
    await notice.waitFor({ state: 'hidden' })
    await context.close()
  })

  it('never keeps the back office, the API or posted forms', async () => {
    const [context, page] = await installedContext()
    await page.goto(`${server.url}/layanan/lacak`)
    await page.goto(`${server.url}/api/services?limit=1`)
    const kept = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname)
      return urls
    })
    expect(kept).toContain('/layanan/lacak')
    expect(kept.filter((path) => /^\/(admin|api)/.test(path))).toEqual([])
    await context.close()
  })
})

describe('a service request made offline', () => {
  let staff: ApiClient

  beforeAll(async () => {
    staff = await signIn(server, 'admin')
  })

  const requestsBy = async (name: string) =>
    (
      await staff.get<{ docs: { reference: string }[] }>(
        `/api/service-requests?where[applicantName][equals]=${encodeURIComponent(name)}&depth=0`,
      )
    ).docs

  it('is queued with its photo, sent when the connection returns, stored once and its reference shown', async () => {
    const [context, page] = await installedContext()
    await page.goto(`${server.url}/layanan/keterangan-domisili/formulir`)
    await startFilling(page)
    await page.getByLabel('Nama lengkap').fill('Wati Luring')
    await page.getByLabel('NIK').fill('6402014508900003')
    await page.getByLabel('Nomor HP/WhatsApp').fill('081234567890')
    await page.getByLabel('Alamat', { exact: true }).fill('RT 03 Dusun Hilir')
    await page.getByLabel('Tempat lahir').fill('Tenggarong')
    await page.getByLabel('Tanggal lahir').fill('1990-08-05')
    await page.getByLabel('Tinggal sejak tahun').fill('2015')
    await page.getByLabel('Keperluan').fill('Melamar pekerjaan')
    await page.getByLabel('Saya menyatakan').check()
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a9' } })
      .jpeg()
      .toBuffer()
    await page.getByLabel('Foto KTP').setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: photo })
    const key = await page.locator('form.service-form input[name=submissionKey]').inputValue()
    expect(key).toMatch(/^[0-9a-f-]{36}$/)

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.getByText('Permohonan Anda tersimpan di perangkat ini').waitFor()
    expect(await requestsBy('Wati Luring')).toEqual([])

    await context.setOffline(false)
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor()
    const reference = (await page.locator('[data-reference]').textContent())!.trim()
    expect((await requestsBy('Wati Luring')).map((r) => r.reference)).toEqual([reference])

    // The same submission sent again (a retry after a lost answer) gets the same reference and makes no second request.
    const again = await page.evaluate(async (submissionKey) => {
      const body = new FormData()
      body.set('service', 'keterangan-domisili')
      body.set('submissionKey', submissionKey)
      return (await fetch('/layanan/keterangan-domisili/formulir?_action=services.submit', { method: 'POST', body })).url
    }, key)
    expect(new URL(again).searchParams.get('ref')).toBe(reference)
    expect((await requestsBy('Wati Luring')).map((r) => r.reference)).toEqual([reference])
    await context.close()
  })
})

describe('Save-Data', () => {
  const widths = (html: string) => [...html.matchAll(/ (\d+)w\b/g)].map((m) => Number(m[1]))

  it('gives the smallest pictures, preloads nothing and is cached apart from the full page', async () => {
    const article = await firstLink('/berita', /^\/berita\/[^/?.]+$/)
    for (const path of ['/', article]) {
      const full = await get(path)
      expect(full.headers.get('vary')).toMatch(/Save-Data/i)
      expect(Math.max(...widths(await full.text()))).toBeGreaterThan(480)
      // Asked after the full page is in the server's cache: the small one must not come from it.
      const small = await (await get(path, { headers: { 'Save-Data': 'on' } })).text()
      expect(widths(small).length).toBeGreaterThan(0)
      expect(Math.max(...widths(small)), path).toBeLessThanOrEqual(480)
      expect(small).not.toContain('fetchpriority')
      expect(small).not.toMatch(/rel="preload"/)
    }
    const episode = await firstLink('/podcast', /^\/podcast\/[^/?.]+$/)
    expect(await (await get(episode, { headers: { 'Save-Data': 'on' } })).text()).toMatch(/<audio[^>]*preload="none"/)
  })

  it('makes Chromium load only small pictures when the browser asks to save data', async () => {
    const context = await server.browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 2,
      extraHTTPHeaders: { 'Save-Data': 'on' },
    })
    const page = await context.newPage()
    const loaded: number[] = []
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'image' && res.url().includes('/media/'))
        loaded.push((await sharp(await res.body()).metadata()).width)
    })
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' })
    expect(loaded.length).toBeGreaterThan(0)
    expect(Math.max(...loaded)).toBeLessThanOrEqual(480)
    await context.close()
  })
})
