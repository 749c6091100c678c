import type { Page } from 'playwright-core'
import Stripe from 'stripe'
import { afterAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { startFakeStripe } from '../support/fakeStripe'
import { database } from '../support/traffic'

/** The buyer's path through the shop on a phone, and card payments that arrive after their hold. */
const fake = await startFakeStripe()
const webhookSecret = 'whsec_journey'
const server = useProductionServer({
  env: { STRIPE_SECRET_KEY: 'sk_test_journey', STRIPE_API_URL: fake.url, STRIPE_WEBHOOK_SECRET: webhookSecret },
  browser: true,
})
afterAll(() => fake.close())

const phone = { viewport: { width: 360, height: 740 } }
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

/** A same-origin form post, as a browser without JavaScript sends it. */
const post = (path: string, fields: Record<string, string>, cookie = '') =>
  fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
    body: new URLSearchParams(fields),
  })
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')

type Variant = { productId: number; slug: string; variantId: string; stock: number }
const variantOf = async (slug: string, label?: string): Promise<Variant> => {
  const { docs } = await (await fetch(`${server.url}/api/products?where[slug][equals]=${slug}&depth=0`)).json()
  const v = docs[0].variants.find((x: { label?: string }) => !label || x.label === label) ?? docs[0].variants[0]
  return { productId: docs[0].id, slug, variantId: v.id, stock: v.stock }
}
const addToCart = async (item: Variant, quantity: number, cookie = '') => {
  const res = await post(
    `/produk/${item.slug}?_action=shop.addToCart`,
    { productId: String(item.productId), variantId: item.variantId, quantity: String(quantity) },
    cookie,
  )
  await res.arrayBuffer()
  return { res, cookie: cookiesOf(res) }
}
const buyer = { name: 'Ayu Lestari', email: 'ayu@example.com', phone: '081234567890', delivery: 'pickup' }

/** A browser context signed in to the admin as the administrator. */
const adminContext = async (options?: Parameters<typeof server.browser.newContext>[0]) => {
  const context = await server.browser.newContext(options)
  await (await signIn(server, 'admin')).addCookieTo(context)
  return context
}

describe('the admin for shop staff and producers', () => {
  it('makes the first account administrator and says so, then shows the village on the sign-in screen', async () => {
    const page = await server.browser.newPage()
    await page.goto(`${server.url}/admin/create-first-user`)
    await page.getByText('Peran: Administrator').waitFor({ timeout: 60_000 })
    expect(await page.locator('form').innerText()).not.toContain('Tim media (editor)')
    await page.close()
    // The first account registered becomes the administrator.
    const admin = await signIn(server, 'admin')
    expect((await admin.get<{ user: { role: string } }>('/api/users/me')).user.role).toBe('admin')
    const login = await server.browser.newPage()
    await login.goto(`${server.url}/admin/login`)
    await login.getByText('Desa Sungai Lestari').waitFor({ timeout: 60_000 })
    expect(await login.locator('img[src^="/media/logo"]').count()).toBe(1)
    await login.close()
  })

  it('lists prices in rupiah, checkboxes as Ya/Tidak and order times in WITA, 24-hour', async () => {
    const context = await adminContext({ timezoneId: 'UTC' })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/products?limit=50`)
    await page.locator('table').waitFor({ timeout: 60_000 })
    const products = (await page.locator('table').textContent()) ?? ''
    expect(products).toMatch(/Rp\s35\.000/)
    expect(products).toMatch(/\bYa\b/)
    expect(products).not.toMatch(/\b(benar|salah)\b/)
    const { cookie } = await addToCart(await variantOf('kopi-robusta-bubuk'), 1)
    expect((await post('/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'cash' }, cookie)).status).toBe(303)
    await page.goto(`${server.url}/admin/collections/orders`)
    await page.locator('table').waitFor({ timeout: 60_000 })
    const orders = (await page.locator('table').textContent()) ?? ''
    expect(orders).toMatch(/\d{2}\.\d{2} WITA/)
    expect(orders).not.toMatch(/\b(AM|PM)\b/)
    await context.close()
  })

  it('shows a producer only what they may work on: their products, profile and orders', async () => {
    const admin = await signIn(server, 'admin')
    const { docs: producers } = await admin.get<{ docs: { id: number }[] }>('/api/producers?where[slug][equals]=ukm-dapur-ibu-sari')
    const seller = await signIn(server, { role: 'producer', name: 'Ibu Sari', email: 'sari@desa.test', producer: producers[0].id })
    const { docs: mine } = await seller.get<{ docs: unknown[] }>(
      `/api/products?limit=100&depth=0&where[producer][equals]=${producers[0].id}`,
    )
    const own = await server.browser.newContext()
    await seller.addCookieTo(own)
    const page = await own.newPage()
    await page.goto(`${server.url}/admin`)
    await page.getByText('Produk', { exact: true }).first().waitFor({ timeout: 60_000 })
    // The menu and the dashboard's cards, as the producer sees them.
    const menu = await page.locator('body').innerText()
    for (const hidden of ['Berita', 'Profil desa', 'Episode', 'Permohonan', 'Zona pengiriman', 'Pengaturan desa'])
      expect(menu).not.toContain(hidden)
    // The product list holds their own products only (other producers' active products stay public on the site).
    await page.goto(`${server.url}/admin/collections/products?limit=100`)
    await page.locator('table').waitFor({ timeout: 60_000 })
    expect(mine.length).toBeGreaterThan(0)
    expect(await page.locator('tbody tr').count()).toBe(mine.length)
    await own.close()
  })
})

describe('the buyer on a 360 px phone', () => {
  it('every shop page type fits the screen in both languages, with the cart in the header', async () => {
    const page = await server.browser.newPage(phone)
    const product = await variantOf('kopi-robusta-bubuk')
    await page.goto(`${server.url}/produk/${product.slug}`)
    await page.getByRole('button', { name: 'Masukkan keranjang' }).click()
    await page.waitForURL(/\/keranjang/)
    // The header's cart link counts what is in the cart on every page, also on cached ones.
    await page.goto(`${server.url}/produk`)
    expect(await page.locator('[data-cart-count]').textContent()).toBe('1')
    await page.getByLabel('Kategori').selectOption('minuman')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await page.goto(`${server.url}/checkout`)
    await page.getByLabel('Nama lengkap').fill('Ayu Lestari')
    await page.getByLabel('Email').fill('ayu@example.com')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0812 3456 7890')
    await page.getByLabel('Transfer bank').check()
    await page.getByRole('button', { name: 'Buat pesanan' }).click()
    await page.waitForURL(/\/pesanan\/DD-/)
    const orderUrl = page.url()
    const order = new URL(orderUrl)

    const paths = [
      '/produk',
      '/produk?kategori=minuman&min=10000&max=250000&tersedia=1&urut=price-desc',
      `/produk/${product.slug}`,
      '/produsen/ukm-dapur-ibu-sari',
      '/keranjang',
      '/checkout',
      order.pathname + order.search,
      '/pesanan',
    ]
    for (const locale of ['', '/en']) {
      for (const path of paths) {
        // A long cart: large totals must not push the table off the screen.
        if (path === '/keranjang') {
          await page.goto(`${server.url}/produk/lada-hitam-butir`)
          await page.getByLabel(/1 kg/).check()
          await page.getByLabel(/Jumlah|Quantity/).fill('9')
          await page.getByRole('button', { name: /Masukkan keranjang|Add to cart/ }).click()
        }
        await page.goto(server.url + locale + path)
        expect(await scrollsSideways(page), locale + path).toBe(false)
        expect(await page.locator('.cart-link').count(), locale + path).toBe(1)
      }
    }
    await page.close()
  })

  it('the product filter form keeps its fields apart at 360 px and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await server.browser.newPage({ viewport: { width, height: 900 } })
      await page.goto(`${server.url}/produk`)
      const boxes = await page.locator('.filters label').evaluateAll((labels) =>
        labels.map((l) => {
          const r = l.getBoundingClientRect()
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
        }),
      )
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1
          expect(overlap, `${width}px: ${JSON.stringify([a, b])}`).toBe(false)
        }
      expect(await scrollsSideways(page)).toBe(false)
      await page.close()
    }
  })
})

describe('checkout', () => {
  it('shows the shipping fee and total before ordering: with "Hitung ongkir" without JavaScript, live with it; pickup is free', async () => {
    const item = await variantOf('kopi-robusta-bubuk', '500 g')
    const { cookie } = await addToCart(item, 2)
    const quote = await post(
      '/checkout?_action=shop.quoteShipping',
      { ...buyer, delivery: 'courier', province: 'Kalimantan Timur' },
      cookie,
    )
    const html = await quote.text()
    // The village's own province is the cheapest zone: Rp 10.000 + 1 started kg × Rp 6.000.
    expect(html).toMatch(/data-fee="">Rp\s16\.000</)
    expect(html).toMatch(/data-total="">Rp\s176\.000</)
    expect(html).toContain('value="Ayu Lestari"')
    expect(await (await post('/checkout?_action=shop.quoteShipping', { delivery: 'pickup' }, cookie)).text()).toMatch(/data-fee="">Gratis/)

    const context = await server.browser.newContext(phone)
    await context.addCookies(
      cookie.split('; ').map((c) => ({ name: c.split('=')[0], value: c.split('=').slice(1).join('='), url: server.url })),
    )
    const page = await context.newPage()
    await page.goto(`${server.url}/checkout`)
    await page.getByLabel('Dikirim dengan kurir').check()
    await page.getByLabel('Provinsi').selectOption('Jawa Timur')
    await expect.poll(() => page.locator('[data-fee]').textContent()).toMatch(/Rp\s30\.000/)
    expect(await page.locator('[data-total]').textContent()).toMatch(/Rp\s190\.000/)
    await context.close()
  })

  it('names each empty required field, keeping what was typed', async () => {
    const { cookie } = await addToCart(await variantOf('kopi-robusta-bubuk'), 1)
    const empty = await post('/checkout?_action=shop.checkout', { name: '', email: '', phone: '', delivery: 'courier' }, cookie)
    expect(empty.status).toBe(400)
    const html = await empty.text()
    for (const message of [
      'Nama wajib diisi.',
      'Email wajib diisi.',
      'Nomor HP wajib diisi.',
      'Pilih provinsi tujuan.',
      'Kode pos',
      'Pilih cara bayar.',
    ])
      expect(html).toContain(message)
    expect(html).not.toContain('Permintaan tidak dapat diproses')
    const en = await (await post('/en/checkout?_action=shop.checkout', { name: 'Ayu', delivery: 'pickup' }, cookie)).text()
    expect(en).toContain('Please write your email address.')
    expect(en).toContain('value="Ayu"')
  })

  it('caps the cart at what can be sold, says so, and sends an over-stock cart from /checkout back to the cart', async () => {
    const item = await variantOf('lada-hitam-butir', '500 g')
    const { res, cookie } = await addToCart(item, 99)
    expect(res.headers.get('location')).toBe('/keranjang?disesuaikan=1')
    const cart = await (await fetch(`${server.url}/keranjang?disesuaikan=1`, { headers: { cookie } })).text()
    expect(cart).toContain('Jumlah disesuaikan dengan yang dapat dijual.')
    expect(cart).toMatch(/<input(?=[^>]*name="quantity")(?=[^>]*max="20")(?=[^>]*value="20")/)
    const update = await post('/keranjang?_action=shop.updateCart', { variantId: item.variantId, quantity: '50' }, cookie)
    expect(await update.text()).toContain('Jumlah disesuaikan dengan yang dapat dijual.')
    // Someone else buys most of the stock: the cart's 20 are now too many, and checkout will not open on them.
    const { cookie: other } = await addToCart(item, 20)
    expect((await post('/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'bank-transfer' }, other)).status).toBe(303)
    const checkout = await fetch(`${server.url}/checkout`, { headers: { cookie }, redirect: 'manual' })
    expect(checkout.status).toBe(303)
    expect(checkout.headers.get('location')).toBe('/keranjang')
    const settled = await (await fetch(`${server.url}/keranjang`, { headers: { cookie } })).text()
    expect(settled).toMatch(/Stok Lada hitam butir \(500 g\) tinggal \d+: jumlahnya sudah disesuaikan\./)
  })
})

describe('the order page and finding an order', () => {
  it('finds an order by its number and the phone or email, and says nothing about which part was wrong', async () => {
    const { cookie } = await addToCart(await variantOf('kopi-robusta-bubuk'), 1)
    const placed = await post('/en/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'cash' }, cookie)
    const location = placed.headers.get('location')!
    const number = /DD-[A-Z0-9-]+/.exec(location)![0]
    const found = await post('/pesanan?_action=shop.findOrder', { number: number.toLowerCase(), contact: '+62 812-3456-7890' })
    expect(found.status).toBe(303)
    expect(found.headers.get('location')).toBe(location.replace('/en', ''))
    const byEmail = await post('/en/pesanan?_action=shop.findOrder', { number, contact: 'AYU@example.com' })
    expect(byEmail.headers.get('location')).toBe(location)
    const wrong = await post('/pesanan?_action=shop.findOrder', { number, contact: '081299999999' })
    expect(wrong.status).toBe(404)
    expect(await wrong.text()).toContain('Tidak ada pesanan dengan nomor dan kontak itu.')

    // In English the history is in English, and a pickup order is "ready for pickup", not shipped.
    const admin = await signIn(server, 'admin')
    const { docs } = await admin.get<{ docs: { id: number }[] }>(`/api/orders?where[number][equals]=${number}&depth=0`)
    for (const fulfilmentStatus of ['packed', 'shipped']) await admin.patch(`/api/orders/${docs[0].id}`, { fulfilmentStatus })
    const page = await (await fetch(server.url + location)).text()
    expect(page).toContain('Ready for pickup')
    expect(page).toContain('Order placed, stock reserved')
    expect(page).toContain('Order: Packed')
    expect(page).not.toContain('Pesanan dibuat')
    expect(page).toContain('Picked up in the village.')

    // The API refuses a transition the state machine does not have, in the account's language, with a 4xx.
    const back = await admin.request('PATCH', `/api/orders/${docs[0].id}`, { fulfilmentStatus: 'unfulfilled' })
    expect(back.status).toBe(400)
    expect(await back.text()).toMatch(/tidak bisa berubah dari/)
  })

  it('a cancelled order asks for no payment and accepts no receipt; the courier address is shown', async () => {
    const { cookie } = await addToCart(await variantOf('kopi-robusta-bubuk'), 1)
    const address = {
      delivery: 'courier',
      province: 'Bali',
      city: 'Denpasar',
      district: 'Denpasar Barat',
      postalCode: '80111',
      street: 'Jl. Gunung Agung 1',
    }
    const placed = await post('/checkout?_action=shop.checkout', { ...buyer, ...address, paymentMethod: 'bank-transfer' }, cookie)
    const location = placed.headers.get('location')!
    const before = await (await fetch(server.url + location)).text()
    expect(before).toContain('Menunggu pembayaran')
    expect(before).toContain('Jl. Gunung Agung 1')
    expect(before).toContain('Denpasar Barat')

    const admin = await signIn(server, 'admin')
    const number = /DD-[A-Z0-9-]+/.exec(location)![0]
    const { docs } = await admin.get<{ docs: { id: number }[] }>(`/api/orders?where[number][equals]=${number}&depth=0`)
    await admin.patch(`/api/orders/${docs[0].id}`, { fulfilmentStatus: 'cancelled' })
    expect((await admin.request('PATCH', `/api/orders/${docs[0].id}`, { paymentStatus: 'paid' })).status).toBe(400)

    const after = await (await fetch(server.url + location)).text()
    expect(after).toContain('Pesanan ini dibatalkan dan tidak menunggu pembayaran.')
    expect(after).not.toContain('Stok kami simpan untuk Anda')
    expect(after).not.toContain('Unggah bukti transfer')
    expect(after).not.toContain('Transfer Rp')
    const form = new FormData()
    form.append('number', number)
    form.append('token', new URL(server.url + location).searchParams.get('t')!)
    form.append(
      'proof',
      new File(
        [Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')],
        'bukti.png',
      ),
    )
    const upload = await fetch(`${server.url}${location}&_action=shop.uploadProof`, {
      method: 'POST',
      body: form,
      headers: { origin: server.url },
      redirect: 'manual',
    })
    expect(upload.status).toBe(409)
    expect(await upload.text()).toContain('Pesanan ini tidak menunggu pembayaran')
  })
})

describe('a card payment that arrives after its hold', () => {
  const deliver = async (event: object) => {
    const body = JSON.stringify(event)
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: webhookSecret })
    const res = await fetch(`${server.url}/api/orders/stripe-webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body,
    })
    return res.json()
  }
  const cardOrder = async (item: Variant, quantity: number) => {
    const { cookie } = await addToCart(item, quantity)
    const res = await post('/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'stripe' }, cookie)
    expect(res.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.test\//)
    const session = fake.calls.filter((c) => c.path === '/v1/checkout/sessions').at(-1)!
    const sessionId = /cs_test_\d+/.exec(res.headers.get('location')!)![0]
    return { sessionId, orderId: session.params.get('metadata[orderId]')! }
  }
  const sessionEvent = (id: string, type: string, o: { sessionId: string; orderId: string }, amount: number) => ({
    id,
    object: 'event',
    type,
    data: {
      object: {
        object: 'checkout.session',
        id: o.sessionId,
        amount_total: amount * 100,
        currency: 'idr',
        payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
        metadata: { orderId: o.orderId },
        payment_intent: `pi_${o.orderId}`,
      },
    },
  })

  it('takes the stock again when it is there, and flags the order (never oversells) when someone else bought it', async () => {
    const item = await variantOf('ikan-kering-tenggiri')
    const db = database(server.dir)
    try {
      const stockNow = async () => (await db.stock()).find((v) => v.id === item.variantId)!.stock
      const start = await stockNow()
      const first = await cardOrder(item, 1)
      const price = (await (await fetch(`${server.url}/api/products/${item.productId}?depth=0`)).json()).variants[0].price
      expect(await deliver(sessionEvent('evt_j_exp_1', 'checkout.session.expired', first, price))).toMatchObject({ received: true })
      expect(await stockNow()).toBe(start)
      await deliver(sessionEvent('evt_j_paid_1', 'checkout.session.completed', first, price))
      expect(await stockNow()).toBe(start - 1)
      const [taken] = await db.rows<{ payment_status: string; state: string }>(
        'SELECT payment_status, reservation_state AS state FROM orders WHERE id = ?',
        [Number(first.orderId)],
      )
      expect(taken).toEqual({ payment_status: 'paid', state: 'sold' })

      // The rest of the stock goes to a card order whose session then expires, and to a transfer buyer meanwhile.
      const rest = start - 1
      const second = await cardOrder(item, rest)
      await deliver(sessionEvent('evt_j_exp_2', 'checkout.session.expired', second, price * rest))
      const { cookie } = await addToCart(item, rest)
      expect((await post('/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'bank-transfer' }, cookie)).status).toBe(303)
      expect(await deliver(sessionEvent('evt_j_paid_2', 'checkout.session.completed', second, price * rest))).toMatchObject({
        received: true,
      })
      expect(await stockNow()).toBe(0)
      const [flagged] = await db.rows<{ payment_status: string; attention: string; state: string }>(
        'SELECT payment_status, attention, reservation_state AS state FROM orders WHERE id = ?',
        [Number(second.orderId)],
      )
      expect(flagged).toEqual({ payment_status: 'paid', attention: 'noStock', state: 'released' })
      // Staff see it on the dashboard, flagged, without looking for it.
      const context = await adminContext()
      const dashboard = await context.newPage()
      await dashboard.goto(`${server.url}/admin`)
      const widget = dashboard.locator('.shop-dashboard')
      await widget.waitFor({ timeout: 60_000 })
      const [{ number }] = await db.rows<{ number: string }>('SELECT number FROM orders WHERE id = ?', [Number(second.orderId)])
      expect(await widget.textContent()).toMatch(new RegExp(`Perlu perhatian[\\s\\S]*${number} · Dibayar, stok habis`))
      await context.close()
      // A completed payment with another amount or currency is sent to staff, not to "paid".
      const third = await cardOrder(await variantOf('kopi-robusta-bubuk'), 1)
      expect(
        await deliver({
          ...sessionEvent('evt_j_usd', 'checkout.session.completed', third, 0),
          data: { object: { ...sessionEvent('x', 'checkout.session.completed', third, 0).data.object, amount_total: 1, currency: 'usd' } },
        }),
      ).toMatchObject({ flagged: true })
      const [mismatch] = await db.rows<{ payment_status: string; attention: string }>(
        'SELECT payment_status, attention FROM orders WHERE id = ?',
        [Number(third.orderId)],
      )
      expect(mismatch).toEqual({ payment_status: 'pending', attention: 'mismatch' })
    } finally {
      db.close()
    }
  })
})
