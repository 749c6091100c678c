import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { LIMITS, type Purpose } from '../../cms/lib/rateLimit'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer()

const post = (path: string, body: Record<string, string | Blob>, cookie = '') => {
  const form = new FormData()
  for (const [name, value] of Object.entries(body)) form.append(name, value)
  return fetch(`${server.url}${path}`, { method: 'POST', body: form, headers: { Origin: server.url, Cookie: cookie }, redirect: 'manual' })
}

/** A form posted as a browser posts one without files (url-encoded). */
const postForm = (path: string, body: Record<string, string>, cookie = '') =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(body),
    headers: { Origin: server.url, Cookie: cookie },
    redirect: 'manual',
  })

/** Uses up what is left of a route class's allowance (none of those answers is a 429), then returns the next answer. */
// The allowed attempts go out together, so they all fall in one window however slow the machine is.
const overTheLimit = async (purpose: Purpose, send: (attempt: number) => Promise<Response>, used = 0) => {
  const allowed = Array.from({ length: LIMITS[purpose].max - used }, (_, i) => used + i)
  const statuses = await Promise.all(
    allowed.map(async (attempt) => {
      const res = await send(attempt)
      await res.arrayBuffer()
      return res.status
    }),
  )
  expect(statuses).not.toContain(429)
  return send(LIMITS[purpose].max)
}

const expectLimited = async (res: Response, message: RegExp) => {
  expect(res.status).toBe(429)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  const body = await res.text()
  expect(body).toMatch(message)
  return body
}

const FORM = '/layanan/keterangan-domisili/formulir'
const DOMICILE = {
  service: 'keterangan-domisili',
  nama: 'Siti Aminah',
  nik: '6402014508900003',
  telepon: '081234567890',
  alamat: 'RT 02 Dusun Hulu',
  tempat_lahir: 'Tenggarong',
  tanggal_lahir: '1990-08-05',
  sejak_tahun: '2015',
  keperluan: 'Melamar kerja',
  pernyataan: 'on',
}

const photo = async () =>
  new Blob(
    [
      new Uint8Array(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } })
          .jpeg()
          .toBuffer(),
      ),
    ],
    {
      type: 'image/jpeg',
    },
  )

const product = async () => {
  const res = await fetch(`${server.url}/api/products?limit=1&depth=0&where[status][equals]=active`)
  const { docs } = (await res.json()) as { docs: { id: number; slug: string; variants: { id: string }[] }[] }
  return docs[0]
}

describe('rate limits answer 429 with Retry-After and a localized message', () => {
  it('service request forms count what they cost: each stored file and each created request, per submission', async () => {
    const answers = { ...DOMICILE, submissionKey: '0f8fad5b-d9cb-469f-a165-70867728950e' }
    const res = await overTheLimit('submit', async () => post(`${FORM}?_action=services.prepare`, { ...answers, foto_ktp: await photo() }))
    const html = await expectLimited(res, /Terlalu banyak percobaan dari perangkat Anda\. Coba lagi dalam \d+ menit/)
    expect(html).toContain('value="Siti Aminah"')
  })

  it("one honest request with two corrections never meets the limit, even after a neighbour's submission did", async () => {
    // "Lanjut" with a wrong NIK, again with a wrong phone number, then right; "Ubah jawaban"; "Lanjut"; "Kirim".
    for (const wrong of [{ nik: '123' }, { telepon: '12' }]) {
      const refused = await post(`${FORM}?_action=services.prepare`, { ...DOMICILE, ...wrong, foto_ktp: await photo() })
      expect(refused.status).toBe(400)
      expect(await refused.text()).toMatch(/pilih berkas ini lagi/)
    }
    const checked = await (await post(`${FORM}?_action=services.prepare`, { ...DOMICILE, foto_ktp: await photo() })).text()
    const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(checked)?.[1]
    const pending = /name="pending" value="([^"]+)"/.exec(checked)?.[1]
    expect(submissionKey).toMatch(/^[0-9a-f-]{36}$/)
    const kept = { ...DOMICILE, submissionKey: submissionKey!, pending: pending! }
    expect((await postForm(`${FORM}?_action=services.prepare`, { ...kept, intent: 'edit' })).status).toBe(200)
    expect((await postForm(`${FORM}?_action=services.prepare`, kept)).status).toBe(200)
    const sent = await postForm(`${FORM}?_action=services.submit`, kept)
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toMatch(/\/terkirim\?ref=[A-Z0-9]{8}/)
  })

  it('tracking look-ups: wrong digits count toward the reference, not toward everyone behind the address', async () => {
    const res = await overTheLimit('track', (i) =>
      post('/en/layanan/lacak?_action=services.track', { reference: 'ABCDEFGH', digits: String(1000 + i) }),
    )
    await expectLimited(res, /Too many attempts for this reference\. Try again in \d+ min/)
    const other = await post('/layanan/lacak?_action=services.track', { reference: 'HGFEDCBA', digits: '0000' })
    expect(other.status).toBe(404)
  })

  it('letter file verification', async () => {
    const pdf = new Blob([Buffer.from('%PDF-1.4\n')], { type: 'application/pdf' })
    const res = await overTheLimit('verify', () =>
      post('/verifikasi/ABCDEFGH?_action=services.verifyFile', { code: 'ABCDEFGH', file: pdf }),
    )
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('the search page and its live suggestions, counted together', async () => {
    const half = Math.floor(LIMITS.search.max / 2)
    const res = await overTheLimit('search', (i) => fetch(`${server.url}${i < half ? '/cari.json' : '/cari'}?q=kopi${i}`))
    await expectLimited(res, /Terlalu banyak pencarian/)
    const suggest = await fetch(`${server.url}/en/cari.json?q=kopi`)
    expect(suggest.status).toBe(429)
    expect(suggest.headers.get('retry-after')).toBeTruthy()
    expect(await suggest.json()).toEqual({ error: expect.stringMatching(/Too many searches/) })
  })

  // Before the cart test, which uses up this client's cart allowance.
  it('checkout, keeping what the buyer typed through every refusal', async () => {
    const { id, slug, variants } = await product()
    const added = await post(`/produk/${slug}?_action=shop.addToCart`, { productId: String(id), variantId: variants[0].id, quantity: '99' })
    const cart = added.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const address = { province: 'Jawa Barat', city: 'Bandung', district: 'Coblong', postalCode: '40132', street: 'Jl. Dago 1' }
    const typed = {
      name: 'Ayu Lestari',
      email: 'ayu@example.com',
      phone: '081234567890',
      delivery: 'courier',
      ...address,
      paymentMethod: 'cash',
    }
    const expectTyped = (html: string, paymentMethod: string | null) => {
      for (const name of ['name', 'email', 'phone', 'city', 'district', 'postalCode']) {
        expect(html).toMatch(new RegExp(`<input[^>]* name="${name}"[^>]* value="${typed[name as keyof typeof typed]}"`))
      }
      expect(html).toMatch(/<option value="Jawa Barat" selected>/)
      expect(html).toMatch(/<textarea[^>]* name="street"[^>]*>Jl\. Dago 1<\/textarea>/)
      expect(html).toMatch(/<input[^>]* name="delivery" value="courier" checked/)
      if (paymentMethod) expect(html).toMatch(new RegExp(`<input[^>]* name="paymentMethod" value="${paymentMethod}" checked`))
    }

    // Refused by the checkout itself, the page comes back filled in (English and Indonesian): cash needs pickup, cards are not set up here.
    const cash = await postForm('/en/checkout?_action=shop.checkout', typed, cart)
    expect(cash.status).toBe(409)
    const cashPage = await cash.text()
    expect(cashPage).toMatch(/Cash payment is only for orders picked up in the village\./)
    expectTyped(cashPage, 'cash')
    const card = await postForm('/checkout?_action=shop.checkout', { ...typed, paymentMethod: 'stripe' }, cart)
    expect(card.status).toBe(409)
    const cardPage = await card.text()
    expect(cardPage).toMatch(/Cara bayar itu tidak tersedia/)
    expectTyped(cardPage, null)

    // Every refused attempt leaves the cart for the next one; over the limit, the form still comes back filled in.
    const res = await overTheLimit('checkout', () => postForm('/en/checkout?_action=shop.checkout', typed, cart), 2)
    expectTyped(await expectLimited(res, /Too many attempts from your device\. Try again in \d+ min/), 'cash')
  })

  it('the cart', async () => {
    const { id, slug, variants } = await product()
    // The checkout test above put one item in its cart.
    const res = await overTheLimit(
      'cart',
      () => post(`/produk/${slug}?_action=shop.addToCart`, { productId: String(id), variantId: variants[0].id, quantity: '1' }),
      1,
    )
    await expectLimited(res, /Terlalu banyak percobaan dari perangkat Anda\. Coba lagi dalam \d+ menit/)
  })

  it('payment proof uploads', async () => {
    const proof = new Blob([Buffer.from('%PDF-1.4\n')], { type: 'application/pdf' })
    const res = await overTheLimit('proof', () =>
      post('/pesanan/DD-000000-AAAAA?t=nope&_action=shop.uploadProof', { number: 'DD-000000-AAAAA', token: 'nope', proof }),
    )
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
