import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'
import { fillPermitForm } from '../support/permitForm'
import { signLetter } from '../support/signedLetter'
import { checkHtml } from '../support/vnu'

const server = useProductionServer({ env: { RATE_LIMIT_OFF: '1' }, browser: true })

/** A "PDF" that is really a program: refused by the server by its bytes. */
const NOT_A_PDF = Buffer.from('MZ'.repeat(500))

/** Pages anyone can open by their address. */
const PAGES: [string, string][] = [
  ['home', '/'],
  ['profile', '/profil'],
  ['profile page', '/profil/sejarah'],
  ['officials', '/profil/perangkat-desa'],
  ['potentials', '/profil/potensi'],
  ['map and contacts', '/profil/peta-kontak'],
  ['news list', '/berita'],
  ['article', '/berita/panen-raya-lada-2026'],
  ['podcast list', '/podcast'],
  ['episode', '/podcast/panen-lada-bersama'],
  ['product list', '/produk'],
  ['product', '/produk/kopi-robusta-bubuk'],
  ['producer', '/produsen/kelompok-tani-lada-makmur'],
  ['empty cart', '/keranjang'],
  ['services list', '/layanan'],
  ['service', '/layanan/izin-keramaian'],
  ['service form', '/layanan/izin-keramaian/formulir'],
  ['tracking', '/layanan/lacak'],
  ['search', '/cari'],
  ['search results', '/cari?q=lada'],
  ['search without results', '/cari?q=perangkkaatt'],
  ['unknown letter', '/verifikasi/TIDAKADA'],
  ['not found', '/tidak-ada'],
]

/** The HTML the server sent for the page the action leads to (after any redirect), as the checker must see it. */
const documentAfter = async (page: Page, action: () => Promise<unknown>) => {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400),
    ),
    action(),
  ])
  await page.waitForLoadState()
  return response.text()
}

/** Every page type of one language, reached as a visitor without JavaScript reaches it. */
const collect = async (context: BrowserContext, prefix: string, letterCode: string) => {
  const page = await context.newPage()
  const docs: Record<string, string> = {}
  const open = (path: string) => documentAfter(page, () => page.goto(server.url + prefix + path))
  for (const [name, path] of PAGES) docs[name] = await open(path)
  docs['signed letter'] = await open(`/verifikasi/${letterCode}`)

  await open('/produk/kopi-robusta-bubuk')
  await page.locator('input[name=variantId]:not([disabled])').first().check()
  docs.cart = await documentAfter(page, () => page.locator('form.form button[type=submit]').click())
  docs.checkout = await open('/checkout')
  await page.locator('[name=name]').fill('Ayu Lestari')
  await page.locator('[name=email]').fill('ayu@example.com')
  await page.locator('[name=phone]').fill('12345')
  // The order button at the form's end, not the shipping quote's inside the delivery fieldset.
  const placeOrder = page.locator('form.form > button[type=submit]')
  docs['checkout with errors'] = await documentAfter(page, () => placeOrder.click())
  await page.locator('[name=name]').fill('Ayu Lestari')
  await page.locator('[name=email]').fill('ayu@example.com')
  await page.locator('[name=phone]').fill('0812-3456-7890')
  docs.order = await documentAfter(page, () => placeOrder.click())

  await open('/layanan/izin-keramaian/formulir')
  await fillPermitForm(page, NOT_A_PDF)
  docs['service form with errors'] = await documentAfter(page, () => page.locator('form.service-form button[type=submit]').click())
  await fillPermitForm(page)
  docs['answers to check'] = await documentAfter(page, () => page.locator('form.service-form button[type=submit]').click())
  docs['request sent'] = await documentAfter(page, () => page.locator('.check-answers button[type=submit]').first().click())
  const reference = (await page.locator('[data-reference]').textContent())!.trim()
  await open('/layanan/lacak')
  await page.locator('[name=reference]').fill(reference)
  await page.locator('[name=digits]').fill('5432')
  docs['tracking result'] = await documentAfter(page, () => page.locator('form button[type=submit]').last().click())
  await page.close()
  return docs
}

/** A request sent without JavaScript; returns its reference. */
const submitRequest = async (context: BrowserContext) => {
  const page = await context.newPage()
  await page.goto(`${server.url}/layanan/izin-keramaian/formulir`)
  await fillPermitForm(page)
  await page.locator('form.service-form button[type=submit]').click()
  await page.locator('.check-answers button[type=submit]').first().click()
  const reference = (await page.locator('[data-reference]').textContent())!.trim()
  await page.close()
  return reference
}

describe('the Nu HTML Checker', () => {
  it('finds no error on any page type, in Indonesian and in English', { timeout: 600_000 }, async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    context.setDefaultTimeout(20_000)
    const letterCode = await signLetter(server, await submitRequest(context))
    const documents: Record<string, string> = {}
    for (const [lang, prefix] of [
      ['id', ''],
      ['en', '/en'],
    ]) {
      for (const [name, html] of Object.entries(await collect(context, prefix, letterCode))) documents[`${lang} ${name}`] = html
    }
    await context.close()
    expect(Object.keys(documents)).toHaveLength(2 * (PAGES.length + 9))
    const errors = await checkHtml(documents)
    expect(errors.map((e) => `${e.page}:${e.line ?? '?'}: ${e.message}${e.extract ? ` — ${e.extract.trim()}` : ''}`)).toEqual([])
  })
})
