import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'

const webhookSecret = 'whsec_e2e'
const server = useProductionServer({ env: { STRIPE_WEBHOOK_SECRET: webhookSecret }, browser: true })

/** A same-origin form post, as a browser without JavaScript sends it. */
const post = (path: string, fields: Record<string, string>, cookie = '') =>
  fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
    body: new URLSearchParams(fields),
  })

describe('the Stripe webhook endpoint under /api', () => {
  it('verifies the signature on the raw body: forged → 400, signed → 200 once', async () => {
    const body = JSON.stringify({
      id: 'evt_e2e',
      object: 'event',
      type: 'checkout.session.expired',
      data: { object: { object: 'checkout.session', metadata: { orderId: '999999' } } },
    })
    const send = (signature: string) =>
      fetch(`${server.url}/api/orders/stripe-webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      })
    expect((await send('t=1,v1=forged')).status).toBe(400)
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: webhookSecret })
    expect(await (await send(signature)).json()).toMatchObject({ received: true, ignored: true })
    expect(await (await send(signature)).json()).toMatchObject({ received: true, duplicate: true })
  })
})

describe('the marketplace', () => {
  it('browse → cart → checkout with bank transfer → order page, with JavaScript turned off', async () => {
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: 'Produk Desa' }).first().click()
    expect(new URL(page.url()).pathname).toBe('/produk')
    await page.getByLabel('Kategori').selectOption('minuman')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    expect(page.url()).toContain('kategori=minuman')
    await page.getByRole('link', { name: 'Kopi robusta bubuk' }).click()
    expect(await page.locator('h1').textContent()).toBe('Kopi robusta bubuk')
    await page.getByLabel(/500 g/).check()
    await page.getByLabel('Jumlah').fill('2')
    await page.getByRole('button', { name: 'Masukkan keranjang' }).click()
    expect(new URL(page.url()).pathname).toBe('/keranjang')
    expect(await page.locator('table').textContent()).toMatch(/Kopi robusta bubuk[\s\S]*500 g[\s\S]*Rp\s160\.000/)
    // In production the cart cookie is Secure like the admin's session (Chrome keeps Secure cookies on 127.0.0.1).
    const cart = (await page.context().cookies()).find((c) => c.name === 'keranjang')
    expect(cart).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' })
    await page.getByRole('link', { name: 'Lanjut ke pembayaran' }).click()

    // A wrong phone number comes back with a clear message and everything typed kept.
    await page.getByLabel('Nama lengkap').fill('Ayu Lestari')
    await page.getByLabel('Email').fill('ayu@example.com')
    await page.getByLabel('Nomor HP/WhatsApp').fill('12345')
    await page.getByLabel('Transfer bank').check()
    await page.getByRole('button', { name: 'Buat pesanan' }).click()
    expect(await page.getByRole('alert').textContent()).toMatch(/Periksa kembali/)
    expect(await page.locator('#phone-error').textContent()).toMatch(/nomor HP Indonesia/)
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Ayu Lestari')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0812-3456-7890')
    await page.getByRole('button', { name: 'Buat pesanan' }).click()

    expect(new URL(page.url()).pathname).toMatch(/^\/pesanan\/DD-\d{6}-[A-Z0-9]{5}$/)
    expect(await page.locator('h1').textContent()).toMatch(/^Pesanan DD-/)
    const body = await page.locator('main').textContent()
    expect(body).toMatch(/Transfer Rp\s160\.000/)
    expect(body).toMatch(/Bank Kaltimtara/)
    expect(body).toMatch(/Menunggu pembayaran/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)

    // A "receipt" that is really text is refused by its content, whatever its name; a real picture is kept.
    await page.getByLabel(/Berkas bukti/).setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: Buffer.from('bukan gambar') })
    await page.getByRole('button', { name: 'Unggah bukti transfer' }).click()
    expect(await page.getByRole('alert').textContent()).toMatch(/bukan jenis yang diterima/)
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
    await page.getByLabel(/Berkas bukti/).setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: png })
    await page.getByRole('button', { name: 'Unggah bukti transfer' }).click()
    expect(await page.getByRole('status').first().textContent()).toMatch(/Bukti transfer sudah kami terima/)

    // The link is the key: without its token the order is not shown.
    const bare = await fetch(server.url + new URL(page.url()).pathname)
    expect(bare.status).toBe(404)
    await page.close()
  })

  it('product pages carry JSON-LD Product with IDR offers and availability, and a WhatsApp link', async () => {
    const html = await (await fetch(`${server.url}/produk/keripik-pisang-manis`)).text()
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1])
    expect(json).toMatchObject({
      '@type': 'Product',
      name: 'Keripik pisang manis',
      offers: [{ '@type': 'Offer', price: 18000, priceCurrency: 'IDR', availability: 'https://schema.org/OutOfStock' }],
    })
    expect(html).toMatch(/https:\/\/wa\.me\/6281234500002\?text=/)
    const en = await (await fetch(`${server.url}/en/produk/lada-hitam-butir`)).text()
    expect(en).toMatch(/Whole black pepper/)
    expect(en).toMatch(/Add to cart/)
  })

  it('refuses tampered cart input with a 4xx and a message, never a 500', async () => {
    const list = await (await fetch(`${server.url}/produk?urut=price-asc&min=abc&hal=999`)).text()
    expect(list).toMatch(/Tidak ada produk/)
    const tampered = await post('/produk/lada-hitam-butir?_action=shop.addToCart', {
      productId: '1',
      variantId: 'not-a-variant',
      quantity: '1',
    })
    expect(tampered.status).toBe(404)
    expect(await tampered.text()).toMatch(/tidak ditemukan/)
    const tooMany = await post('/en/produk/lada-hitam-butir?_action=shop.addToCart', { productId: '1', variantId: 'x', quantity: '500' })
    expect(tooMany.status).toBe(400)
    expect(await tooMany.text()).toMatch(/between 1 and 99/)
  })

  it('staff open an order in the admin and message the buyer on WhatsApp in one click', async () => {
    const admin = await signIn(server, 'admin')
    const context = await server.browser.newContext()
    await admin.addCookieTo(context)
    const { docs } = await admin.get<{ docs: { id: number }[] }>('/api/orders?limit=1&depth=0')
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/orders/${docs[0].id}`)
    const link = page.getByRole('link', { name: 'Kirim WhatsApp ke pembeli' })
    await link.waitFor({ timeout: 60_000 })
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=.*DD-/)
    await context.close()
  })
})

describe('the cart with JavaScript', () => {
  it('updates quantities in place: re-priced by the server, announced, no page load', async () => {
    const page = await server.browser.newPage()
    await page.goto(`${server.url}/produk/kopi-robusta-bubuk`)
    await page.getByLabel(/500 g/).check()
    await page.getByRole('button', { name: 'Masukkan keranjang' }).click()
    await page.waitForURL(/\/keranjang/)
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    await page.getByLabel('Jumlah Kopi robusta bubuk').fill('3')
    await expect.poll(() => page.locator('.totals').textContent()).toMatch(/Rp\s240\.000/)
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    expect(await page.locator('[data-cart-status]').textContent()).toMatch(/diperbarui/i)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('quantity')
    await page.getByRole('button', { name: 'Hapus' }).click()
    await expect.poll(() => page.locator('[data-cart]').textContent()).toMatch(/kosong/i)
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    await page.close()
  })
})
