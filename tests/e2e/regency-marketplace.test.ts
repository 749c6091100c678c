import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { PASSWORD, signIn, type SignedIn } from '../support/api'
import { axeViolations, blocking } from '../support/axe'
import { PORTAL_HOST, withDemoRegency } from '../support/demoRegency'
import { useProductionServer } from '../support/e2e'
import { requestOnHost } from '../support/hosts'
import { runScript } from '../support/npmScript'

const server = useProductionServer({ browser: true })
const port = () => new URL(server.url).port
/** An address on a host of the install, as a visitor's browser asks for it (every *.localhost name is this machine). */
const on = (host: string, path: string) => `http://${host}:${port()}${path}`

type Order = { id: number; number: string; total: number; village: number; checkoutGroup?: string }
type Listed<T> = { docs: T[]; totalDocs: number }

let regency: SignedIn
/** Each village's shop editor, by the village's slug. */
const staff = {} as Record<'sukamaju' | 'batu-ampar', SignedIn>
const villageIds = {} as Record<string, number>

beforeAll(async () => {
  // The install's first account, which its operator makes the regency's administrator; the demo regency's villages.
  await signIn(server, 'admin')
  await server.stop()
  await withDemoRegency(server.dir)
  const promoted = await runScript(server, 'regency-admin', ['--email', 'admin@desa.test'])
  expect(promoted.code, promoted.stderr).toBe(0)
  await server.start()
  regency = await signIn(server, 'admin')
  for (const village of (await regency.get<Listed<{ id: number; slug: string }>>('/api/villages?limit=10&depth=0')).docs)
    villageIds[village.slug] = village.id
  for (const slug of ['sukamaju', 'batu-ampar'] as const) {
    const email = `editor@${slug}.test`
    await regency.post('/api/users', {
      email,
      password: PASSWORD,
      name: `Editor ${slug}`,
      role: 'editor',
      villages: [{ village: villageIds[slug] }],
    })
    staff[slug] = await signIn(server, { email, password: PASSWORD })
  }
}, 600_000)

/** Adds the product named `title` from the portal's catalogue of one village, as a buyer without JavaScript does. */
const addFromPortal = async (page: Page, village: string, title: string) => {
  await page.goto(on(PORTAL_HOST, `/produk?desa=${village}`))
  await page.getByRole('button', { name: `Tambah ke keranjang ${title}` }).click()
  await page.waitForURL(on(PORTAL_HOST, '/keranjang?_action=portal.addToCart'))
  expect(await page.getByRole('status').first().textContent()).toBe(`${title} masuk ke keranjang.`)
}

describe("the regency portal's marketplace", () => {
  let group = ''
  let orderPage = ''
  let numbers: string[] = []
  let cartCookies: Awaited<ReturnType<BrowserContext['cookies']>> = []

  it('takes products of two villages into one cart, shown by village, and orders from both in one checkout', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await addFromPortal(page, 'sukamaju', 'Keripik pisang kepok')
    await addFromPortal(page, 'batu-ampar', 'Kopi liberika bubuk')
    const villages = () => page.locator('section[data-village] h2').allTextContents()
    expect(await villages()).toEqual(['Dari Desa Sukamaju', 'Dari Desa Batu Ampar'])
    expect(await page.locator('.cart-count').textContent()).toBe('2')

    const sukamaju = page.locator('section[data-village="sukamaju"]')
    await sukamaju.getByLabel('Jumlah Keripik pisang kepok').fill('2')
    await sukamaju.getByRole('button', { name: 'Perbarui Keripik pisang kepok' }).click()
    expect(await page.getByRole('status').first().textContent()).toBe('Keranjang diperbarui.')
    expect(await sukamaju.locator('.totals dd').textContent()).toMatch(/36\.000/)
    expect(await page.locator('.cart-count').textContent()).toBe('3')
    // The portal's cart is its own cookie; no village's cart was touched.
    const cookies = (await context.cookies()).map((c) => [c.name, c.path])
    expect(cookies).toContainEqual(['keranjang_portal', '/'])
    expect(cookies.map(([name]) => name)).not.toContain('keranjang')
    cartCookies = await context.cookies()

    await page.getByRole('link', { name: 'Lanjut ke pembayaran' }).click()
    await page.getByLabel('Nama lengkap').fill('Rina Wulandari')
    await page.getByLabel('Email').fill('rina@example.com')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0812 5555 0101')
    await page.getByLabel('Dikirim dengan kurir').check()
    await page.getByLabel('Provinsi').selectOption('Kalimantan Timur')
    await page.getByLabel('Kota/Kabupaten').fill('Samarinda')
    await page.getByLabel('Kecamatan').fill('Sungai Kunjang')
    await page.getByLabel('Kode pos').fill('75125')
    await page.getByLabel('Alamat lengkap (jalan, nomor, RT/RW)').fill('Jl. Slamet Riyadi 4')
    // Without JavaScript the fees are shown by asking: each village's own, from its own zones.
    await page.getByRole('button', { name: 'Hitung ongkir' }).click()
    const fees = await page.locator('section[data-village] .totals dd').allTextContents()
    expect(fees.map((f) => f.replace(/\s/g, ' '))).toEqual(['Rp 36.000', 'Rp 18.000', 'Rp 54.000', 'Rp 45.000', 'Rp 22.000', 'Rp 67.000'])
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rina Wulandari')
    await page.getByLabel('Transfer bank').check()
    await page.getByRole('button', { name: 'Buat pesanan' }).click()

    await page.waitForURL(/\/pesanan\/[\w-]+\?t=/)
    orderPage = page.url()
    group = new URL(orderPage).pathname.split('/').at(-1)!
    expect(await page.locator('h1').textContent()).toBe('Pesanan Anda')
    expect(await page.locator('.lead').textContent()).toMatch(/2 pesanan, satu untuk setiap desa\. Bayar setiap desa satu per satu/)
    const orders = page.locator('[data-order]')
    expect(await orders.locator('h2').allTextContents()).toEqual(['Langkah 1: bayar Desa Sukamaju', 'Langkah 2: bayar Desa Batu Ampar'])
    numbers = await orders.evaluateAll((items) => items.map((li) => li.getAttribute('data-order')!))
    expect(numbers[0]).not.toBe(numbers[1])
    const text = (await orders.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))
    // Each village's amount, and its own account to pay it to (content/regency/regency.json).
    expect(text[0]).toMatch(/Rp 54\.000.*Bank Kaltimtara.*0081234601.*BUMDes Sukamaju Jaya/)
    expect(text[1]).toMatch(/Rp 67\.000/)
    expect(text[1]).not.toMatch(/Sukamaju/)
    // Each order keeps its own page on its village's site, opened by its own link.
    const link = orders.nth(1).getByRole('link')
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${on('batu-ampar.localhost', `/pesanan/${numbers[1]}\\?t=`)}`))
    await link.click()
    expect(await page.locator('h1').textContent()).toContain(numbers[1])
    await context.close()
  })

  it('shows the cart, the checkout and the list of orders on a 360 px phone with no serious accessibility finding', async () => {
    const context = await server.browser.newContext({ viewport: { width: 360, height: 740 } })
    await context.addCookies(cartCookies)
    const page = await context.newPage()
    for (const address of [on(PORTAL_HOST, '/keranjang'), on(PORTAL_HOST, '/checkout'), orderPage, on(PORTAL_HOST, '/en/keranjang')]) {
      await page.goto(address)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), address).toBeLessThanOrEqual(360)
      expect(blocking(await axeViolations(page)), address).toEqual([])
    }
    expect(await page.locator('section[data-village] h2').allTextContents()).toEqual(['From Desa Sukamaju', 'From Desa Batu Ampar'])
    // A page kept for everyone shows the cart's count from its readable cookie, with the portal's one script.
    await page.goto(on(PORTAL_HOST, '/produk'))
    await expect(page.locator('.cart-count').textContent()).resolves.toBe('3')
    await context.close()
  })

  it('opens the list of orders only with its token, in both languages', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const english = orderPage.replace(`${PORTAL_HOST}:${port()}/`, `${PORTAL_HOST}:${port()}/en/`)
    await page.goto(english)
    expect(await page.locator('h1').textContent()).toBe('Your orders')
    expect(await page.locator('[data-order] h2').allTextContents()).toEqual(['Step 1: pay Desa Sukamaju', 'Step 2: pay Desa Batu Ampar'])
    const wrong = await page.goto(on(PORTAL_HOST, `/pesanan/${group}?t=${'A'.repeat(43)}`))
    expect(wrong?.status()).toBe(404)
    expect(await page.locator('[data-order]').count()).toBe(0)
    await context.close()
  })

  it("lets each village's staff see only its own order of the checkout, in the REST API and the admin", async () => {
    const mine = {} as Record<string, Order>
    for (const [slug, client] of Object.entries(staff)) {
      const listed = await client.get<Listed<Order>>(`/api/orders?where[checkoutGroup][equals]=${group}&depth=0`)
      expect(listed.totalDocs, slug).toBe(1)
      expect(listed.docs[0].village, slug).toBe(villageIds[slug])
      mine[slug] = listed.docs[0]
    }
    expect(mine.sukamaju.number).toBe(numbers[0])
    expect(mine['batu-ampar'].number).toBe(numbers[1])
    expect([403, 404]).toContain((await staff.sukamaju.request('GET', `/api/orders/${mine['batu-ampar'].id}`)).status)
    expect([403, 404]).toContain((await staff['batu-ampar'].request('GET', `/api/orders/${mine.sukamaju.id}`)).status)
    expect([403, 404]).toContain(
      (await staff.sukamaju.request('PATCH', `/api/orders/${mine['batu-ampar'].id}`, { trackingNumber: 'X' })).status,
    )

    const context = await server.browser.newContext({ locale: 'id-ID' })
    await staff.sukamaju.addCookieTo(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/orders`, { waitUntil: 'networkidle' })
    const body = await page.locator('body').innerText()
    expect(body).toContain(numbers[0])
    expect(body).not.toContain(numbers[1])
    await context.close()
  })

  it("keeps the portal's cart off a village's host, whose own cart it leaves alone", async () => {
    const found = await regency.get<Listed<{ id: number; variants: { id: string }[] }>>(
      `/api/products?where[slug][equals]=keripik-pisang-sukamaju&where[village][equals]=${villageIds.sukamaju}&depth=0`,
    )
    const [product] = found.docs
    const answer = await requestOnHost(server.url, 'sukamaju.localhost', '/keranjang?_action=portal.addToCart', {
      method: 'POST',
      form: { productId: String(product.id), variantId: product.variants[0].id, quantity: '1' },
    })
    expect(answer.status).toBe(404)
    expect(String(answer.headers['set-cookie'] ?? '')).not.toContain('keranjang_portal')
  })

  it('refuses, naming the village, a way to pay a village of the cart stopped taking, keeping what the buyer typed', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await addFromPortal(page, 'sukamaju', 'Keripik pisang kepok')
    await addFromPortal(page, 'batu-ampar', 'Ikan asin sepat')
    await page.goto(on(PORTAL_HOST, '/checkout'))
    await page.getByLabel('Nama lengkap').fill('Rina Wulandari')
    await page.getByLabel('Email').fill('rina@example.com')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0812 5555 0101')
    await page.getByLabel('Bayar di tempat (ambil di desa)').check()
    // Meanwhile Batu Ampar stops taking cash.
    const settings = await regency.get<Listed<{ id: number }>>(`/api/settings?where[village][equals]=${villageIds['batu-ampar']}&depth=0`)
    await regency.patch(`/api/settings/${settings.docs[0].id}`, { paymentMethods: { cash: false } })
    const before = (await staff.sukamaju.get<Listed<Order>>('/api/orders?limit=0')).totalDocs
    await page.getByRole('button', { name: 'Buat pesanan' }).click()
    expect(await page.getByRole('alert').textContent()).toBe(
      'Desa Batu Ampar tidak menerima cara bayar ini: Bayar di tempat (ambil di desa). Pilih cara bayar lain.',
    )
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rina Wulandari')
    // Nothing was placed for Sukamaju either, and cash is no longer offered.
    expect((await staff.sukamaju.get<Listed<Order>>('/api/orders?limit=0')).totalDocs).toBe(before)
    expect(await page.getByLabel('Bayar di tempat (ambil di desa)').count()).toBe(0)
    await context.close()
  })
})
