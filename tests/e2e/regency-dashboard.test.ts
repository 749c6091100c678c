import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, type SignedIn } from '../support/api'
import { refuseOutsideHosts } from '../support/browser'
import { useProductionServer } from '../support/e2e'
import { runScript } from '../support/npmScript'
import { withSecondVillage, withStatisticsCounted } from '../support/secondVillage'
import { sheetOf } from '../support/xlsx'

const server = useProductionServer({ browser: true })
const account = { email: 'dpmd@kab.test', password: 'Statistik-Desa-2026' }
let viewer: SignedIn

beforeAll(async () => {
  // The install's first account, which its operator makes the regency's administrator; a second village in another
  // kecamatan (the demo village is in Loa Sentosa, Sukamaju in Waru).
  await signIn(server, 'admin')
  await server.stop()
  await withSecondVillage(server.dir)
  // Counted now rather than by the server's job within the minute (tests/e2e/village-admin.test.ts waits for that).
  await withStatisticsCounted(server.dir)
  const promoted = await runScript(server, 'regency-admin', ['--email', 'admin@desa.test'])
  expect(promoted.code, promoted.stderr).toBe(0)
  await server.start()
  const regency = await signIn(server, 'admin')
  const made = await regency.request('POST', '/api/users', { ...account, name: 'Petugas DPMD', role: 'regency-viewer' })
  expect(made.status, await made.text()).toBe(201)
  viewer = await signIn(server, account)
}, 240_000)

describe("the regency's dashboard in the admin", () => {
  it('is opened by a regency viewer from the menu, filtered by kecamatan, and its table downloaded as XLSX', async () => {
    const context = await server.browser.newContext({ locale: 'id-ID', acceptDownloads: true })
    try {
      const outside = await refuseOutsideHosts(context)
      await viewer.addCookieTo(context)
      const page = await context.newPage()
      await page.goto(`${server.url}/admin`, { waitUntil: 'networkidle' })
      // The menu's link (the menu itself may be folded away at this width).
      const link = page.locator('nav a', { hasText: 'Dasbor kabupaten' })
      expect(await link.getAttribute('href')).toBe('/admin/regency')
      await page.goto(`${server.url}/admin/regency`, { waitUntil: 'networkidle' })
      const villages = page.locator('table', { has: page.locator('caption', { hasText: 'Desa aktif' }) })
      const names = villages.locator('tbody tr td:first-child')
      expect(await names.allInnerTexts()).toEqual(['Desa Sungai Lestari', 'Sukamaju'])
      // The charts are drawn in the page, with their names for screen readers.
      expect(await page.locator('svg[role="img"] title').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Permohonan per bulan/)]),
      )

      await page.getByLabel('Kecamatan').selectOption('Waru')
      await page.getByRole('button', { name: 'Tampilkan' }).click()
      await page.waitForURL(/kecamatan=Waru/)
      expect(await names.allInnerTexts()).toEqual(['Sukamaju'])

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh XLSX' }).click()])
      expect(download.suggestedFilename()).toBe('desa-aktif-waru.xlsx')
      const [header, ...rows] = sheetOf(await readFile(await download.path()))
      expect(header.slice(0, 2)).toEqual(['Desa', 'Kecamatan'])
      expect(rows.map((row) => row.slice(0, 2))).toEqual([['Sukamaju', 'Waru']])
      expect(outside).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('lists the villages that need help, each indicator in words, and counts them per kecamatan', async () => {
    const context = await server.browser.newContext({ locale: 'id-ID' })
    try {
      await viewer.addCookieTo(context)
      const page = await context.newPage()
      await page.goto(`${server.url}/admin/regency`, { waitUntil: 'networkidle' })
      await page.getByLabel('Hanya desa yang perlu bantuan').check()
      await page.getByRole('button', { name: 'Tampilkan' }).click()
      await page.waitForURL(/help=1/)
      const table = page.locator('table', { has: page.locator('caption', { hasText: 'Desa yang perlu bantuan' }) })
      // Sukamaju has no product yet: it needs help. Each indicator is a mark and words, not a colour alone.
      const sukamaju = table.locator('tbody tr', { hasText: 'Sukamaju' })
      const indicators = (await sukamaju.locator('td').allInnerTexts()).slice(-5)
      expect(indicators).toHaveLength(5)
      for (const text of indicators) expect(text).toMatch(/^(✓ Ya|✗ Tidak), \S/)
      expect(indicators[2]).toBe('✗ Tidak, 0 produk')
      const headers = await table.locator('thead th').allInnerTexts()
      expect(headers).toEqual(expect.arrayContaining(['Situs terkini (berita 30 hari)', 'Kunjungan situs (30 hari)']))
      const districts = page.locator('table', { has: page.locator('caption', { hasText: 'Per kecamatan' }) })
      expect(await districts.locator('thead th').allInnerTexts()).toContain('Perlu bantuan')
      const pdf = await viewer.request('GET', '/api/regency/active-villages/pdf?help=1')
      expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="desa-perlu-bantuan.pdf"')
    } finally {
      await context.close()
    }
  })

  it("is refused, with its data and exports, to a village's editor", async () => {
    const editor = await signIn(server, 'editor')
    for (const path of ['/api/regency/dashboard', '/api/regency/active-villages/xlsx', '/api/regency/active-villages/pdf'])
      expect((await editor.request('GET', path)).status, path).toBe(403)
    const html = await (await editor.request('GET', '/admin/regency')).text()
    expect(html).not.toContain('Sukamaju')
  })
})
