import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'

/**
 * Hostile strings from editors, producers and visitors are shown as text: no script runs, nothing breaks
 * the Content-Security-Policy, and every page type loads with zero policy violations and no inline script
 * that the policy does not name by hash.
 */

const server = useProductionServer({ env: { RATE_LIMIT_OFF: '1' }, browser: true })
/** Runs if any payload escapes into markup or an attribute: an alert opens a dialog. */
const XSS = `"><img src=x onerror=alert(1)><script>alert(2)</script>'"<svg onload=alert(3)>`
const slugs: Record<string, string> = {}

beforeAll(async () => {
  const admin = await signIn(server, 'admin')
  const create = async (collection: string, data: object) => {
    const res = await admin.request('POST', `/api/${collection}`, data)
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: { id: number; slug: string } }).doc
  }
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
  const body = {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          children: [
            text(XSS),
            {
              type: 'link',
              version: 3,
              direction: null,
              format: '',
              indent: 0,
              fields: { linkType: 'custom', url: 'javascript:alert(4)', newTab: false },
              children: [text('tautan')],
            },
          ],
        },
      ],
    },
  }
  slugs.news = (
    await create('news', {
      title: `Berita ${XSS}`,
      slug: 'berita-jahat',
      excerpt: XSS,
      body,
      author: XSS,
      _status: 'published',
      publishedAt: new Date().toISOString(),
    })
  ).slug
  const producer = await create('producers', { name: `Produsen ${XSS}`, slug: 'produsen-jahat', kind: 'umkm', story: body })
  slugs.producer = producer.slug
  const category = await create('product-categories', { title: `Kategori ${XSS}`, slug: 'kategori-jahat' })
  slugs.product = (
    await create('products', {
      title: `Kopi ${XSS}`,
      slug: 'kopi-jahat',
      status: 'active',
      producer: producer.id,
      category: category.id,
      description: body,
      variants: [{ sku: 'JHT-1', label: XSS, price: 10_000, stock: 5, weight: 250 }],
    })
  ).slug
  const first = async (collection: string) =>
    (await admin.get<{ docs: { slug: string }[] }>(`/api/${collection}?limit=1&depth=0`)).docs[0].slug
  slugs.episode = await first('episodes')
  slugs.page = await first('pages')
  slugs.service = (
    JSON.parse(readFileSync(path.join('content/services', readdirSync('content/services')[0]), 'utf8')) as { slug: string }
  ).slug
})

type Visit = { violations: string[]; dialogs: string[]; unhashedInline: string[] }

/** Opens a page and records policy violations, dialogs and inline scripts the policy does not allow by hash. */
const visit = async (page: Page, url: string, act?: (page: Page) => Promise<void>): Promise<Visit> => {
  const dialogs: string[] = []
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
  const response = await page.goto(`${server.url}${url}`)
  await act?.(page)
  await page.waitForLoadState('load')
  const policy =
    (await (act
      ? page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')))
      : response!.headerValue('content-security-policy'))) ?? ''
  const inline = await page.$$eval('script:not([src])', (scripts) =>
    scripts.filter((s) => s.getAttribute('type') !== 'application/ld+json').map((s) => s.textContent ?? ''),
  )
  const unhashedInline = inline.filter((source) => !policy.includes(`'sha256-${createHash('sha256').update(source).digest('base64')}'`))
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
  return { violations, dialogs, unhashedInline }
}

const newPage = async () => {
  const page = await server.browser.newPage()
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  return page
}

const clean: Visit = { violations: [], dialogs: [], unhashedInline: [] }

describe('Content-Security-Policy', () => {
  it('keeps scripts to this origin: no inline script, no unsafe-inline', async () => {
    const policy = (await fetch(server.url)).headers.get('content-security-policy')!
    const scripts = /script-src ([^;]+)/.exec(policy)![1]
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  })

  it('every page type loads with zero violations', async () => {
    const pages = [
      '/',
      '/profil',
      `/profil/${slugs.page}`,
      '/berita',
      `/berita/${slugs.news}`,
      '/podcast',
      `/podcast/${slugs.episode}`,
      '/produk',
      `/produk/${slugs.product}`,
      `/produsen/${slugs.producer}`,
      '/layanan',
      `/layanan/${slugs.service}`,
      `/layanan/${slugs.service}/formulir`,
      '/layanan/lacak',
      '/cari?q=kopi',
      '/keranjang',
      '/checkout',
      '/pesanan/DD-0000?t=x',
      '/verifikasi/ABCD2345',
      '/tidak-ada',
      '/en',
      `/en/berita/${slugs.news}`,
      `/en/produk/${slugs.product}`,
    ]
    const page = await newPage()
    const found: Record<string, Visit> = {}
    for (const url of pages) {
      const result = await visit(page, url)
      if (result.violations.length || result.dialogs.length || result.unhashedInline.length) found[url] = result
    }
    await page.close()
    expect(found).toEqual({})
  })
})

describe('hostile strings are shown as text', () => {
  it('in news, rich text, product, variant and producer names', async () => {
    const page = await newPage()
    for (const url of [
      `/berita/${slugs.news}`,
      `/produk/${slugs.product}`,
      `/produsen/${slugs.producer}`,
      '/berita',
      '/produk',
      `/cari?q=jahat`,
    ]) {
      expect(await visit(page, url), url).toEqual(clean)
    }
    await page.goto(`${server.url}/berita/${slugs.news}`)
    expect(await page.locator('h1').textContent()).toContain(XSS)
    expect(await page.locator('.prose').textContent()).toContain(XSS)
    // A link to javascript: does not survive as one.
    expect(await page.$$eval('.prose a', (links) => links.map((a) => a.getAttribute('href') ?? ''))).not.toContainEqual(
      expect.stringMatching(/^\s*javascript:/i),
    )
    await page.close()
  })

  it('in search queries, tracking inputs and form errors that echo what was typed', async () => {
    const page = await newPage()
    expect(await visit(page, `/cari?q=${encodeURIComponent(XSS)}`)).toEqual(clean)
    expect(await page.locator('#cari-q').inputValue()).toContain('<script>alert(2)</script>')
    const suggest = await fetch(`${server.url}/cari.json?q=${encodeURIComponent(XSS)}`)
    expect(suggest.headers.get('content-type')).toMatch(/^application\/json/)

    const tracked = await visit(page, '/layanan/lacak', async (p) => {
      await p.getByLabel('Nomor referensi').fill(XSS.slice(0, 20))
      await p.getByLabel('4 digit terakhir nomor HP').fill('<b>')
      await p.getByRole('button', { name: 'Lacak' }).click()
    })
    expect(tracked).toEqual(clean)
    // Kept as typed (up to the field's maximum length), as text.
    expect(await page.getByLabel('Nomor referensi').inputValue()).toMatch(/^"><img src=x/)

    const form = await visit(page, `/layanan/${slugs.service}/formulir`, async (p) => {
      await p.getByLabel('Nama lengkap').fill(XSS)
      await p.getByLabel('NIK').fill(XSS)
      await p.getByLabel('Alamat', { exact: true }).fill(XSS)
      // Past the page's own checks (submit() skips them), so the server's error summary echoes what was typed.
      await p
        .locator('form', { has: p.getByRole('button', { name: 'Lanjut ke pemeriksaan' }) })
        .evaluate((f: HTMLFormElement) => f.submit())
      await p.locator('#error-summary').waitFor()
    })
    expect(form).toEqual(clean)
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe(XSS)
    await page.close()
  })
})
