import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, type ApiClient } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { SW_REGISTRATION } from '../../site/lib/serviceWorker'
import { ISLAND_SCRIPTS } from '../../server/headers'

const server = useProductionServer({ browser: true })
let admin: ApiClient

const html = async (path: string) => {
  const res = await fetch(server.url + path)
  return { status: res.status, text: await res.text() }
}
const liveTitles = async (q: string, prefix = '') => {
  const body = (await (await fetch(`${server.url}${prefix}/cari.json?q=${encodeURIComponent(q)}`)).json()) as {
    groups: { hits: { title: { text: string }[] }[] }[]
  }
  return body.groups.flatMap((g) => g.hits.map((h) => h.title.map((p) => p.text).join('')))
}

beforeAll(async () => {
  admin = await signIn(server, 'admin')
  // The seeded profile pages reach the index through queued jobs that run every few seconds.
  for (let tries = 0; !(await liveTitles('sejarah')).includes('Sejarah Desa'); tries++) {
    if (tries > 60) throw new Error('The seeded pages were never indexed.')
    await new Promise((r) => setTimeout(r, 500))
  }
})

describe('search on the site', () => {
  it('has a plain search form in the header of every page, without JavaScript', async () => {
    const page = await server.browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${server.url}/profil/sejarah`)
    await page.getByRole('search').first().getByRole('searchbox').fill('perangkat desa')
    await page.getByRole('search').first().getByRole('button').click()
    await page.waitForURL(/\/cari\?q=perangkat\+desa/)
    expect(await page.locator('#group-pages').textContent()).toMatch(/Profil desa/)
    expect(await page.locator('[aria-labelledby="group-pages"] .hit mark').allTextContents()).toContainEqual(
      expect.stringMatching(/perangkat/i),
    )
    await page.goto(`${server.url}/en/profil`)
    expect(await page.locator('.header-search').getAttribute('action')).toBe('/en/cari')
    await page.close()
  })

  it('groups results by type, highlights matches and escapes what was typed', async () => {
    const { status, text } = await html('/cari?q=lada%20%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    expect(status).toBe(200)
    // Outside quoted attribute values (where "<" is harmless text) the only scripts are the service worker's
    // registration and Astro's loader of the live-search island, the inline texts the CSP allows by hash.
    const allowed = [SW_REGISTRATION, ...ISLAND_SCRIPTS].reduce((page, script) => page.replaceAll(`<script>${script}</script>`, ''), text)
    expect(allowed.replace(/"[^"]*"/g, '""').match(/<script\b/g)).toBeNull()
    expect(text).toContain('<astro-island')
    expect(text).toContain('Tidak ada hasil untuk &quot;lada &lt;script&gt;alert(1)&lt;/script&gt;&quot;')
    const found = await html('/cari?q=kebun%20lada')
    expect(found.text).toMatch(/<h2 id="group-pages">Profil desa/)
    expect(found.text).toMatch(/<mark>lada<\/mark>/i)
  })

  it('answers odd input with a sensible page and a message, never a 500', async () => {
    const cases: [string, number, RegExp][] = [
      ['/cari', 200, /Ketik kata kunci/],
      ['/cari?q=dan+yang+di', 200, /hanya berisi kata umum/],
      [`/cari?q=${'sejarah '.repeat(70)}`, 200, /terlalu panjang/],
      // Quotes and operators are just characters: the words still find the coffee, nothing more.
      ['/cari?q=%22kopi%27+OR+1%3D1+--', 200, /<mark>Kopi<\/mark> robusta/],
      ['/cari?q=sejarah&warna=merah', 400, /Filter &quot;warna&quot; tidak dikenal/],
      ['/cari?q=sejarah&priceRange=%22%20OR%201', 400, /Nilai filter &quot;priceRange&quot; tidak valid/],
      ['/cari?q=kebun&category=%22)%20OR%20(locale%20%3D%20%22en', 200, /Tidak ada hasil untuk/],
      ['/en/cari?q=the+and', 200, /only has very common words/],
    ]
    for (const [path, status, message] of cases) {
      const page = await html(path)
      expect([path, page.status]).toEqual([path, status])
      expect(page.text).toMatch(message)
    }
    const live = await fetch(`${server.url}/cari.json?q=desa&warna=merah`)
    expect(live.status).toBe(400)
    expect(await live.json()).toEqual({ error: 'Permintaan tidak dapat diproses: periksa "warna".' })
  })

  it('offers a spelling suggestion and popular items when nothing is found', async () => {
    const { text } = await html('/cari?q=perangkkaatt')
    expect(text).toMatch(/Mungkin maksud Anda: <a href="\/cari\?q=perangkat">perangkat<\/a>/)
    expect(text).toMatch(/Mungkin Anda tertarik/)
  })

  it('suggests results while typing on /cari, with a keyboard-usable combobox, within the CSP', async () => {
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 } })
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    await page.goto(`${server.url}/cari`)
    const box = page.getByRole('combobox')
    await box.pressSequentially('sejar', { delay: 30 })
    const option = page.getByRole('option').first()
    await expect.poll(() => option.textContent(), { timeout: 5000 }).toMatch(/Sejarah Desa/)
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    await box.press('ArrowDown')
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'))
    expect(await option.getAttribute('aria-selected')).toBe('true')
    await box.press('Enter')
    await page.waitForURL(/\/profil\/sejarah$/)
    await page.goto(`${server.url}/cari`)
    await page.getByRole('combobox').pressSequentially('sejar', { delay: 30 })
    await expect.poll(() => page.getByRole('option').count(), { timeout: 5000 }).toBeGreaterThan(0)
    await page.getByRole('combobox').press('Escape')
    expect(await page.getByRole('combobox').getAttribute('aria-expanded')).toBe('false')
    expect(problems).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)
    await page.close()
  })
})

describe('keeping search in sync', () => {
  it('makes a page findable when it is published and removes it when unpublished or deleted', async () => {
    const created = await admin.request('POST', '/api/pages', {
      title: 'Festival Perahu Naga',
      slug: 'festival-perahu',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }
    await expect.poll(() => liveTitles('perahu naga'), { timeout: 20_000, interval: 500 }).toEqual(['Festival Perahu Naga'])

    await admin.request('PATCH', `/api/pages/${doc.id}`, { _status: 'draft' })
    await expect.poll(() => liveTitles('perahu naga'), { timeout: 20_000, interval: 500 }).toEqual([])
    await admin.request('PATCH', `/api/pages/${doc.id}`, { _status: 'published' })
    await expect.poll(() => liveTitles('perahu naga'), { timeout: 20_000, interval: 500 }).toEqual(['Festival Perahu Naga'])
    await admin.request('DELETE', `/api/pages/${doc.id}`)
    await expect.poll(() => liveTitles('perahu naga'), { timeout: 20_000, interval: 500 }).toEqual([])
  })

  it("shows the engine's health and last sync in the admin's status", async () => {
    const status = await admin.get<Record<string, unknown>>('/api/globals/search-status')
    expect(status).toMatchObject({ engine: 'embedded', healthy: true })
    expect(Date.parse(status.lastSyncAt as string)).toBeGreaterThan(Date.now() - 10 * 60_000)
    expect((await fetch(`${server.url}/api/globals/search-status`)).status).toBe(403)

    const context = await server.browser.newContext()
    await admin.addCookieTo(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/globals/search-status`)
    await expect.poll(() => page.locator('#field-engine').inputValue(), { timeout: 30_000 }).toBe('embedded')
    expect(await page.locator('#field-healthy').isChecked()).toBe(true)
    await context.close()
  })

  it('limits how fast one client may call the live search', async () => {
    const statuses = []
    for (let i = 0; i < 35; i++) statuses.push((await fetch(`${server.url}/cari.json?q=desa`)).status)
    expect(statuses).toContain(429)
    const limited = await fetch(`${server.url}/cari.json?q=desa`)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(((await limited.json()) as { error: string }).error).toMatch(/Terlalu banyak pencarian/)
  })
})
