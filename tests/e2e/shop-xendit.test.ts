import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { startFakeXendit } from '../support/fakeXendit'
import { stockedProducts } from '../support/traffic'

/** Xendit's keys are set and its SDK points at a local fake of Xendit's HTTP edge, which also sends the callbacks. */
const fake = await startFakeXendit()
const callbackToken = 'e2e-xendit-callback-token'
const server = useProductionServer({
  browser: true,
  env: { XENDIT_SECRET_KEY: 'xnd_development_e2e', XENDIT_CALLBACK_TOKEN: callbackToken, XENDIT_API_URL: fake.url },
})
afterAll(() => fake.close())

const callbackUrl = () => `${server.url}/api/orders/xendit-callback`

describe('paying through Xendit', () => {
  it('a buyer picks a BCA virtual account at checkout, sees its number and expiry without JavaScript, and the callback pays it', async () => {
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
    await page.goto(`${server.url}/produk/kopi-robusta-bubuk`)
    await page.getByLabel(/500 g/).check()
    await page.getByLabel('Jumlah').fill('2')
    await page.getByRole('button', { name: 'Masukkan keranjang' }).click()
    await page.getByRole('link', { name: 'Lanjut ke pembayaran' }).click()
    await page.getByLabel('Nama lengkap').fill('Ayu Lestari')
    await page.getByLabel('Email').fill('ayu@example.com')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0812-3456-7890')
    // Every Xendit method is offered, named from the catalogue.
    for (const name of ['QRIS (semua aplikasi bank dan e-wallet)', 'Virtual account BNI', 'OVO', 'DANA', 'ShopeePay', 'LinkAja'])
      expect(await page.getByLabel(name, { exact: true }).count()).toBe(1)
    await page.getByLabel('Virtual account BCA', { exact: true }).check()
    await page.getByRole('button', { name: 'Buat pesanan' }).click()

    const url = new URL(page.url())
    const number = /^\/pesanan\/(DD-\d{6}-[A-Z0-9]{5})$/.exec(url.pathname)?.[1]
    expect(number).toBeDefined()
    const request = fake.requestFor(number!)!
    expect(request).toMatchObject({ amount: 160_000, currency: 'IDR', payment_method: { type: 'VIRTUAL_ACCOUNT' } })
    const vaNumber = request.payment_method.virtual_account!.channel_properties.virtual_account_number
    const main = page.locator('main')
    expect(await main.textContent()).toMatch(/Bayar tepat Rp\s160\.000 ke nomor virtual account BCA/)
    expect(await main.locator('.va-number').textContent()).toBe(vaNumber)
    expect(await page.getByLabel('Nomor untuk disalin').inputValue()).toBe(vaNumber)
    expect(await main.textContent()).toMatch(/Bayar sebelum \d{1,2} \w+ \d{4},? \d{2}[.:]\d{2}/)
    // The gateway confirms it: no receipt is asked for.
    expect(await page.getByRole('button', { name: 'Unggah bukti transfer' }).count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)

    // A callback without Xendit's token is refused and changes nothing.
    const paid = fake.succeeded(request)
    expect((await fake.deliver(callbackUrl(), 'forged', paid)).status).toBe(401)
    expect((await fake.deliver(callbackUrl(), null, paid)).status).toBe(401)
    await page.reload()
    expect(await main.textContent()).toMatch(/Menunggu pembayaran/)

    // Xendit's own callback pays it, once.
    const delivered = await fake.deliver(callbackUrl(), callbackToken, paid)
    expect(delivered.status).toBe(200)
    expect(await delivered.json()).toEqual({ received: true })
    expect(await (await fake.deliver(callbackUrl(), callbackToken, paid)).json()).toEqual({ received: true, duplicate: true })
    await page.reload()
    expect(await main.locator('dl.facts').first().textContent()).toMatch(/Virtual account BCA — Lunas/)
    expect(await main.locator('.va-number').count()).toBe(0)
    await page.close()

    // Staff read the gateway's payment and its history with the order.
    const admin = await signIn(server, 'admin')
    const { docs } = await admin.get<{ docs: { gateway: Record<string, unknown>; paymentEvents: { docs: unknown[] } }[] }>(
      `/api/orders?where[number][equals]=${number}&depth=1`,
    )
    expect(docs[0].gateway).toMatchObject({
      provider: 'xendit',
      kind: 'virtualAccount',
      channel: 'BCA',
      code: vaNumber,
      paymentId: request.id,
    })
    expect(docs[0].paymentEvents.docs).toMatchObject([{ provider: 'xendit', type: 'payment.succeeded', outcome: 'applied' }])
  })
})

/** Posts like the site's forms do (url-encoded, no JavaScript). */
const post = (path: string, fields: Record<string, string>, cookie = '') =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { Origin: server.url, Cookie: cookie },
    redirect: 'manual',
  })
const cartWith = async (slug: string) => {
  const [item] = (await stockedProducts(server.url)).filter((p) => p.slug === slug)
  const added = await post(`/produk/${item.slug}?_action=shop.addToCart`, {
    productId: String(item.productId),
    variantId: item.variantId,
    quantity: '1',
  })
  return added.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}
const buyer = { name: 'Ayu Lestari', email: 'ayu@example.com', phone: '081234567890', delivery: 'pickup' }

describe('the other Xendit methods at checkout', () => {
  it('QRIS: the order page draws the gateway’s code of the exact total as inline SVG', async () => {
    const placed = await post(
      '/checkout?_action=shop.checkout',
      { ...buyer, paymentMethod: 'xendit-qris' },
      await cartWith('kopi-robusta-bubuk'),
    )
    expect(placed.status).toBe(303)
    const location = placed.headers.get('location')!
    const number = /^\/pesanan\/(DD-\d{6}-[A-Z0-9]{5})\?t=/.exec(location)?.[1]
    expect(number).toBeDefined()
    const request = fake.requestFor(number!)!
    const html = await (await fetch(`${server.url}${location}`)).text()
    const total = request.amount.toLocaleString('id-ID')
    expect(html).toMatch(
      new RegExp(`<svg role="img" aria-label="Kode QRIS sebesar Rp\\s${total.replace('.', '\\.')} untuk pesanan ${number}"`),
    )
    expect(html).toContain('Bayar sebelum')
  })

  it('DANA: checkout sends the buyer to the e-wallet, and the order page keeps the link', async () => {
    const placed = await post(
      '/checkout?_action=shop.checkout',
      { ...buyer, paymentMethod: 'ewallet-dana' },
      await cartWith('kopi-robusta-bubuk'),
    )
    expect(placed.status).toBe(303)
    const location = placed.headers.get('location')!
    expect(location).toMatch(/^https:\/\/ewallet\.xendit\.test\/dana\/pr-fake-\d+$/)
  })
})

describe('a receipt for a gateway payment', () => {
  it('is refused: Xendit confirms the payment, and a receipt would only lengthen the hold', async () => {
    const placed = await post(
      '/checkout?_action=shop.checkout',
      { ...buyer, paymentMethod: 'va-bri' },
      await cartWith('kopi-robusta-bubuk'),
    )
    const link = new URL(placed.headers.get('location')!, server.url)
    const proof = new FormData()
    proof.set('number', link.pathname.split('/').pop()!)
    proof.set('token', link.searchParams.get('t')!)
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer()
    proof.set('proof', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bukti.png')
    const sent = await fetch(`${server.url}${link.pathname}${link.search}&_action=shop.uploadProof`, {
      method: 'POST',
      body: proof,
      headers: { Origin: server.url },
      redirect: 'manual',
    })
    expect(sent.status).toBeGreaterThanOrEqual(400)
    expect(await sent.text()).toContain('dikonfirmasi otomatis oleh layanan pembayaran')
  })
})
