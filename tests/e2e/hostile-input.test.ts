import { readFileSync, readdirSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, signIn, type ApiClient } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { anyFile, anyText, inUrl, postForm, showsMessage, tinyJpeg, type Sent } from '../support/hostile'
import { COLLECTIONS } from './access-matrix.table'

/**
 * Every public input of the site, fed generated and hostile values through the running production server.
 * The server answers 2xx/3xx, or 4xx with a message on the page; never 5xx; and the database afterwards
 * holds exactly the accepted requests and orders, each complete.
 */

const server = useProductionServer({ env: { RATE_LIMIT_OFF: '1' } })
const RUNS = 60
/** How many generated inputs each endpoint received, for the report. */
const tried: Record<string, number> = {}

type ServiceForm = { slug: string; form: { name: string; type: string; options?: { value: string }[] }[] }
const services: ServiceForm[] = readdirSync('content/services').map((file) =>
  JSON.parse(readFileSync(path.join('content/services', file), 'utf8')),
)

afterAll(() => {
  console.info('generated inputs tried per endpoint:', tried)
})

const count = (endpoint: string) => (tried[endpoint] = (tried[endpoint] ?? 0) + 1)

/** The property every answer must have. */
const answersWell = (sent: Sent) => {
  expect(sent.status, sent.body.slice(0, 400)).toBeLessThan(500)
  if (sent.status >= 400) expect(showsMessage(sent.status, sent.body), `status ${sent.status} without a message`).toBe(true)
}

const database = () => new DatabaseSync(path.join(server.dir, 'desa.db'), { readOnly: true })

/** Plausible answers for each field type, so that some generated forms are accepted. */
const VALID: Record<string, string[]> = {
  nik: ['6402014508900003', '6402011203850001'],
  phone: ['081234567890', '+62 812-3456-7890'],
  email: ['siti@example.com', ''],
  date: ['1990-08-05', '2026-12-20', '2026-02-30'],
  number: ['150', '2015', '-1', '1e9'],
  checkbox: ['on'],
}
const answerFor = (field: ServiceForm['form'][number]) =>
  anyText(field.type === 'select' ? (field.options ?? []).map((o) => o.value) : (VALID[field.type] ?? ['Siti Aminah', 'RT 02 Dusun Hulu']))

const applicant = [
  { name: 'nama', type: 'text' },
  { name: 'nik', type: 'nik' },
  { name: 'telepon', type: 'phone' },
  { name: 'email', type: 'email' },
  { name: 'alamat', type: 'textarea' },
]

describe('service request forms', () => {
  const accepted: string[] = []

  it('check every field of every service and never store a half-written request', async () => {
    const files = await anyFile()
    for (const service of services) {
      const fields = [...applicant, ...service.form]
      const page = `/layanan/${service.slug}/formulir`
      const answers = fc.record(Object.fromEntries(fields.map((f) => [f.name, f.type === 'file' ? fc.option(files) : answerFor(f)])))
      const pending = fc.array(
        fc.oneof(
          fc.stringMatching(/^[0-9a-f]{32}$/).map((h) => `foto_ktp:${h}.jpg`),
          anyText(),
        ),
        { maxLength: 2 },
      )
      await fc.assert(
        fc.asyncProperty(answers, pending, fc.boolean(), anyText([service.slug]), async (values, pendingValues, confirm, serviceValue) => {
          const form = new FormData()
          form.set('service', confirm ? service.slug : serviceValue)
          for (const [name, value] of Object.entries(values)) {
            if (value === null) continue
            if (typeof value === 'string') form.set(name, value)
            else form.set(name, new Blob([new Uint8Array(value.data)], { type: value.type }), value.name)
          }
          for (const p of pendingValues) form.append('pending', p)
          const action = confirm ? 'services.submit' : 'services.prepare'
          count(action)
          const sent = await postForm(server.url, page, action, form)
          answersWell(sent)
          if (sent.status === 303) {
            expect(sent.location).toMatch(/\/terkirim\?ref=[A-Z0-9]{8}&t=[\w-]+$/)
            accepted.push(new URL(sent.location!, server.url).searchParams.get('ref')!)
          }
        }),
        { numRuns: RUNS / 2 },
      )
    }
    // A request prepared with a real file and then confirmed is stored with its attachment.
    const first = services[0]
    const form = new FormData()
    form.set('service', first.slug)
    for (const [name, value] of Object.entries({
      nama: 'Siti',
      nik: '6402014508900003',
      telepon: '081234567890',
      alamat: 'RT 1',
      tempat_lahir: 'Tenggarong',
      tanggal_lahir: '1990-08-05',
      pekerjaan: 'Petani',
      keperluan: 'Kerja',
      pernyataan: 'on',
    }))
      form.set(name, value)
    form.set('foto_ktp', new Blob([new Uint8Array(await tinyJpeg)], { type: 'image/jpeg' }), 'ktp.jpg')
    form.set('foto_kk', new Blob([new Uint8Array(await tinyJpeg)], { type: 'image/jpeg' }), 'kk.jpg')
    const checked = await postForm(server.url, `/layanan/${first.slug}/formulir`, 'services.prepare', form)
    const tokens = [...checked.body.matchAll(/name="pending" value="([^"]+)"/g)].map((m) => m[1])
    expect(tokens.sort()).toEqual([
      expect.stringMatching(/^foto_kk:[0-9a-f]{32}\.jpg$/),
      expect.stringMatching(/^foto_ktp:[0-9a-f]{32}\.jpg$/),
    ])
    form.delete('foto_ktp')
    form.delete('foto_kk')
    for (const token of tokens) form.append('pending', token)
    const confirmed = await postForm(server.url, `/layanan/${first.slug}/formulir`, 'services.submit', form)
    expect(confirmed.status).toBe(303)
    accepted.push(new URL(confirmed.location!, server.url).searchParams.get('ref')!)

    // A kept file that does not exist (made up, or already removed) is asked for again, not a failure.
    form.set('pending', `foto_ktp:${'0'.repeat(32)}.jpg`)
    form.append(
      'pending',
      tokens.find((t) => t.startsWith('foto_kk:'))!,
    )
    const madeUp = await postForm(server.url, `/layanan/${first.slug}/formulir`, 'services.submit', form)
    expect(madeUp.status).toBe(400)
    expect(madeUp.body).toContain('Unggah Foto KTP')

    const db = database()
    const rows = db
      .prepare(
        'SELECT id, reference, service_id, applicant_name, nik_encrypted, nik_masked, phone, phone_last4, due_date, submitted_at FROM service_requests',
      )
      .all() as Record<string, string | number | null>[]
    expect(rows.map((r) => r.reference).sort()).toEqual([...accepted].sort())
    for (const row of rows) {
      expect(row.applicant_name, JSON.stringify(row)).toBeTruthy()
      expect(row.nik_encrypted).toBeTruthy()
      expect(row.nik_masked).toMatch(/^\d{6}\*{6}\d{4}$/)
      expect(row.phone_last4).toMatch(/^\d{4}$/)
      expect(row.service_id).toBeTruthy()
      expect(row.due_date).toBeTruthy()
      const timeline = db.prepare('SELECT status FROM service_requests_timeline WHERE _parent_id = ?').all(row.id as number) as {
        status: string
      }[]
      expect(timeline.map((t) => t.status)).toEqual(['submitted'])
      const attachments = db
        .prepare('SELECT file, mime, size FROM service_requests_attachments WHERE _parent_id = ?')
        .all(row.id as number) as { file: string; mime: string; size: number }[]
      for (const a of attachments) {
        expect(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']).toContain(a.mime)
        expect(readFileSync(path.join(server.dir, 'private', a.file)).length).toBe(a.size)
      }
    }
    db.close()
  })

  it('tracking, cancelling and completing answer any reference, digits and reply with a message', async () => {
    const files = await anyFile()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('services.track', 'services.cancel', 'services.complete'),
        anyText(['AB2C3D4E', 'ab2c-3d4e']),
        anyText(['7890', '12345']),
        anyText(),
        fc.option(files),
        async (action, reference, digits, reply, file) => {
          const form = new FormData()
          form.set('reference', reference)
          form.set('digits', digits)
          form.set('reply', reply)
          if (file) form.set('foto_ktp', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
          count(action)
          answersWell(await postForm(server.url, '/layanan/lacak', action, form))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('letter verification accepts any code and any file without failing', async () => {
    const files = await anyFile()
    await fc.assert(
      fc.asyncProperty(anyText(['ABCD2345']), fc.option(files), async (code, file) => {
        const form = new FormData()
        form.set('code', code)
        if (file) form.set('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
        count('services.verifyFile')
        const sent = await postForm(server.url, `/verifikasi/${inUrl(code.slice(0, 40)) || 'X'}`, 'services.verifyFile', form)
        // An unknown code is a 404 page that says so.
        answersWell(sent)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('shop', () => {
  let product: { id: number; slug: string; variantId: string }

  beforeAll(async () => {
    const { docs } = (await (await fetch(`${server.url}/api/products?limit=1&depth=0&where[status][equals]=active`)).json()) as {
      docs: { id: number; slug: string; variants: { id: string }[] }[]
    }
    product = { id: docs[0].id, slug: docs[0].slug, variantId: docs[0].variants[0].id }
  })

  const cartCookie = (sent: { setCookie: string[] }) =>
    sent.setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('keranjang=')) ?? ''

  it('adding to, updating and reading the cart take any values and any cookie', async () => {
    const cookie = fc.oneof(
      fc.constant(''),
      anyText().map((v) => `keranjang=${inUrl(v)}`),
      fc.constant('keranjang=%5B%7B%22productId%22%3A-1%7D%5D'),
    )
    await fc.assert(
      fc.asyncProperty(
        anyText([String(product?.id)]),
        anyText([product?.variantId]),
        anyText(['1', '0', '99', '100', '-3', '2.5']),
        cookie,
        async (productId, variantId, quantity, jar) => {
          const form = new FormData()
          form.set('productId', productId)
          form.set('variantId', variantId)
          form.set('quantity', quantity)
          count('shop.addToCart')
          answersWell(await postForm(server.url, `/produk/${product.slug}`, 'shop.addToCart', form, jar))
          count('shop.updateCart')
          answersWell(await postForm(server.url, '/keranjang', 'shop.updateCart', form, jar))
          count('GET /keranjang')
          const page = await fetch(`${server.url}/keranjang`, { headers: { Cookie: jar } })
          expect(page.status).toBeLessThan(500)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('checkout refuses bad buyer, address and payment fields with a message and stores only complete orders', async () => {
    const add = new FormData()
    add.set('productId', String(product.id))
    add.set('variantId', product.variantId)
    add.set('quantity', '1')
    const cart = cartCookie(await postForm(server.url, `/produk/${product.slug}`, 'shop.addToCart', add))
    expect(cart).not.toBe('')
    const accepted: string[] = []
    const buyer = fc.record({
      name: anyText(['Ayu Lestari']),
      email: anyText(['ayu@example.com', 'AYU@EXAMPLE.COM ']),
      phone: anyText(['081234567890', '+6281234567890']),
      delivery: anyText(['pickup', 'courier']),
      province: anyText(['Kalimantan Timur', 'Jawa Barat']),
      city: anyText(['Tenggarong']),
      district: anyText(['Loa Kulu']),
      postalCode: anyText(['75571', '7557']),
      street: anyText(['Jl. Poros No. 1']),
      paymentMethod: anyText(['bank-transfer', 'qris', 'cash', 'stripe']),
    })
    await fc.assert(
      fc.asyncProperty(buyer, async (values) => {
        const form = new FormData()
        for (const [name, value] of Object.entries(values)) form.set(name, value)
        count('shop.checkout')
        const sent = await postForm(server.url, '/checkout', 'shop.checkout', form, cart)
        answersWell(sent)
        if (sent.status === 303 && sent.location?.includes('/pesanan/'))
          accepted.push(decodeURIComponent(sent.location.split('/pesanan/')[1].split('?')[0]))
      }),
      { numRuns: RUNS },
    )

    const db = database()
    const orders = db
      .prepare(
        'SELECT id, number, subtotal, shipping_fee, total, buyer_name, buyer_email, buyer_phone, delivery_method, payment_method FROM orders',
      )
      .all() as Record<string, string | number>[]
    expect(orders.map((o) => o.number).sort()).toEqual([...accepted].sort())
    for (const order of orders) {
      expect(order.buyer_name).toBeTruthy()
      expect(order.buyer_email).toMatch(/@/)
      expect(order.buyer_phone).toMatch(/^\+62\d+$/)
      const lines = db.prepare('SELECT unit_price, quantity FROM orders_lines WHERE _parent_id = ?').all(order.id) as {
        unit_price: number
        quantity: number
      }[]
      expect(lines.length).toBeGreaterThan(0)
      expect(Number(order.subtotal)).toBe(lines.reduce((sum, l) => sum + l.unit_price * l.quantity, 0))
      expect(Number(order.total)).toBe(Number(order.subtotal) + Number(order.shipping_fee))
    }
    db.close()
  })

  it('the order page and its payment-proof upload take any number, token and file', async () => {
    const files = await anyFile()
    await fc.assert(
      fc.asyncProperty(anyText(['DD-2026-0001']), anyText(['a'.repeat(43)]), fc.option(files), async (number, token, file) => {
        const form = new FormData()
        form.set('number', number)
        form.set('token', token)
        if (file) form.set('proof', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
        count('shop.uploadProof')
        answersWell(await postForm(server.url, `/pesanan/${inUrl(number.slice(0, 40)) || 'X'}?t=${inUrl(token)}`, 'shop.uploadProof', form))
      }),
      { numRuns: RUNS },
    )
  })
})

describe('search', () => {
  it('the search page and the suggest endpoint answer any query and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyText(['kopi', 'surat domisili']),
        anyText(['news', 'product', 'bogus']),
        anyText(['2', '-1', '99999999999']),
        async (q, type, pageNumber) => {
          const query = `q=${inUrl(q)}&type=${inUrl(type)}&page=${inUrl(pageNumber)}`
          count('GET /cari')
          const page = await fetch(`${server.url}/cari?${query}`)
          answersWell({ status: page.status, location: null, body: await page.text() })
          count('GET /cari.json')
          const suggest = await fetch(`${server.url}/cari.json?${query}`)
          expect(suggest.status).toBeLessThan(500)
          if (suggest.status >= 400) expect(((await suggest.json()) as { error: string }).error).toBeTruthy()
        },
      ),
      { numRuns: RUNS },
    )
  })
})

/** A raw request: the path is sent exactly as written (fetch would resolve dot segments and re-encode). */
const raw = (target: string, options: { method?: string; headers?: Record<string, string | number>; body?: Buffer } = {}) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const { port } = new URL(server.url)
    const req = http.request(
      { host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res
          .on('data', (c: Buffer) => chunks.push(c))
          .on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })

describe('file-serving routes', () => {
  const escapes = [
    '..%2f..%2fpackage.json',
    '%2e%2e/%2e%2e/package.json',
    '%2e%2e%2f%2e%2e%2fdesa.db',
    '..%2fdesa.db',
    '%252e%252e%252fdesa.db',
    '..%5c..%5cpackage.json',
    '..\\..\\package.json',
    '....//....//package.json',
    'x%00.jpg',
    '..%00/desa.db',
    '%2fetc%2fpasswd',
    '/etc/passwd',
    '..%c0%af..%c0%afpackage.json',
    '%e0%a4%a',
    '.env',
    '..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  ]
  const roots = [
    '/media/',
    '/media/transcripts/',
    '/_astro/',
    '/',
    '/admin/',
    '/_next/static/',
    '/api/media/file/',
    '/api/payment-proofs/file/',
    '/api/transcripts/file/',
    '/verifikasi/',
    '/layanan/lacak/surat?ref=',
  ]

  it('refuse encoded, doubled, backslashed, NUL and absolute paths with 4xx and never show a file outside their root', async () => {
    for (const root of roots) {
      for (const escape of escapes) {
        count('path traversal')
        const first = await raw(root + escape)
        // Next redirects backslashes and doubled slashes to a normalised path: follow it once.
        const res = first.status >= 300 && first.status < 400 ? await raw(new URL(first.headers.location!, server.url).pathname) : first
        // The admin answers unknown admin paths with its own "not found" view.
        if (root !== '/admin/') expect(res.status, `${root}${escape}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${root}${escape}`).toBeLessThan(500)
        for (const leak of ['SQLite format 3', '"name": "desa', 'root:x:0:0']) expect(first.body + res.body).not.toContain(leak)
      }
    }
  })
})

describe('request bodies', () => {
  const routes = [
    '/layanan/pengantar-skck/formulir?_action=services.prepare',
    '/layanan/lacak?_action=services.complete',
    '/verifikasi/X?_action=services.verifyFile',
    '/checkout?_action=shop.checkout',
    '/pesanan/X?_action=shop.uploadProof',
    '/keranjang?_action=shop.updateCart',
    '/_actions/shop.addToCart',
    '/api/media',
    '/api/payment-proofs',
    '/api/transcripts',
    '/api/users/login',
    '/api/orders',
  ]

  it('over the route limit are refused with 413 and a localized message before being read', async () => {
    for (const route of [...routes, '/api/podcast-audio']) {
      const size = route.startsWith('/api/podcast-audio') ? 300 * 1024 * 1024 : 60 * 1024 * 1024
      // Only the headers are sent: a server that waited for the body would never answer.
      const res = await raw(route, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': size, Origin: server.url },
      })
      expect(res.status, route).toBe(413)
      expect(res.body, route).toMatch(/Kiriman terlalu besar/)
    }
    const english = await raw('/en/checkout?_action=shop.checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': 60 * 1024 * 1024 },
    })
    expect(english.body).toMatch(/too large/)
  })

  it('streamed without a length are refused with 411', async () => {
    const res = await raw(routes[0], {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked', Origin: server.url },
      body: Buffer.from('x'),
    })
    expect(res.status).toBe(411)
  })

  it('a file over its field limit is refused on the re-rendered form, with everything typed kept', async () => {
    const form = new FormData()
    form.set('service', 'pengantar-skck')
    form.set('nama', 'Budi Santoso')
    form.set('keperluan', 'Melamar kerja')
    // Photos may be camera-sized (15 MB, shrunk on the server); this one is larger.
    const big = Buffer.alloc(16 * 1024 * 1024, 1)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    form.set('foto_ktp', new Blob([big], { type: 'image/jpeg' }), 'ktp.jpg')
    const sent = await postForm(server.url, '/layanan/pengantar-skck/formulir', 'services.prepare', form)
    expect(sent.status).toBe(400)
    expect(sent.body).toMatch(/Berkas terlalu besar/)
    expect(sent.body).toContain('value="Budi Santoso"')
    expect(sent.body).toContain('Melamar kerja')
  })
})

describe('the REST API', () => {
  let admin: ApiClient
  const COLLECTION_SLUGS = Object.keys(COLLECTIONS)
  const answersWithMessage = async (res: Response, what: string) => {
    const body = await res.text()
    expect(res.status, `${what}: ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
    expect(res.status, `${what}: ${body.slice(0, 300)}`).toBeLessThan(500)
    const answer = JSON.parse(body) as { errors?: { message?: string }[]; message?: string }
    expect(answer.errors?.[0]?.message ?? answer.message, what).toBeTruthy()
  }

  beforeAll(async () => {
    admin = await signIn(server, 'admin')
  })

  const as = (who: 'anonymous' | 'admin') => (who === 'admin' ? admin : apiClient(server))

  it('answers a repeated query operator, an unknown verification token and versions of unversioned collections with 4xx', async () => {
    const repeated = '/api/products?where[title][like]=a&where[title][like]=b'
    await answersWithMessage(await as('anonymous').request('GET', repeated), 'repeated operator')
    await answersWithMessage(await as('admin').request('GET', repeated), 'repeated operator as admin')
    await answersWithMessage(await as('anonymous').request('POST', '/api/users/verify/x'), 'verify')
    for (const slug of COLLECTION_SLUGS) {
      for (const who of ['anonymous', 'admin'] as const) {
        const res = await as(who).request('GET', `/api/${slug}/versions`)
        count('GET versions')
        expect(res.status, `${slug} versions as ${who}`).toBeLessThan(500)
      }
    }
  })

  it('answers bodies that are not objects, and absurdly deep ones, with 4xx and a message for every collection', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    for (const slug of COLLECTION_SLUGS) {
      for (const body of ['null', '"str"', '[]', '42', deep]) {
        for (const who of ['anonymous', 'admin'] as const) {
          for (const method of ['POST', 'PATCH']) {
            const target = method === 'POST' ? `/api/${slug}` : `/api/${slug}/1`
            count('JSON bodies')
            const res = await as(who).request(method, target, body, { 'Content-Type': 'application/json', Origin: server.url })
            const text = await res.text()
            expect(res.status, `${method} ${target} as ${who} with ${body.slice(0, 10)}: ${text.slice(0, 300)}`).toBeLessThan(500)
          }
        }
      }
    }
    for (const body of ['null', '"str"', deep])
      await answersWithMessage(
        await admin.request('POST', '/api/news', body, { 'Content-Type': 'application/json' }),
        `news ${body.slice(0, 10)}`,
      )
  })

  it('answers a malformed PDF as payment proof with a message', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.alloc(64, 0xff)])
    const form = new FormData()
    form.set('file', new Blob([broken], { type: 'application/pdf' }), 'bukti.pdf')
    form.set('_payload', JSON.stringify({ order: 'DD-000000-AAAAA' }))
    const res = await admin.request('POST', '/api/payment-proofs', form)
    expect(res.status, await res.clone().text()).toBeLessThan(500)

    // The buyer's own order page, with a real order and its link.
    const { docs } = (await (await fetch(`${server.url}/api/products?limit=1&depth=0&where[status][equals]=active`)).json()) as {
      docs: { id: number; slug: string; variants: { id: string }[] }[]
    }
    const add = new FormData()
    add.set('productId', String(docs[0].id))
    add.set('variantId', docs[0].variants[0].id)
    add.set('quantity', '1')
    const added = await postForm(server.url, `/produk/${docs[0].slug}`, 'shop.addToCart', add)
    const cart = added.setCookie.map((c) => c.split(';')[0]).join('; ')
    const checkout = new FormData()
    for (const [name, value] of Object.entries({
      name: 'Ayu Lestari',
      email: 'ayu@example.com',
      phone: '081234567890',
      delivery: 'pickup',
      paymentMethod: 'bank-transfer',
    }))
      checkout.set(name, value)
    const placed = await postForm(server.url, '/checkout', 'shop.checkout', checkout, cart)
    expect(placed.status).toBe(303)
    const link = new URL(placed.location!, server.url)
    const proof = new FormData()
    proof.set('number', decodeURIComponent(link.pathname.split('/').pop()!))
    proof.set('token', link.searchParams.get('t')!)
    proof.set('proof', new Blob([broken], { type: 'application/pdf' }), 'bukti.pdf')
    const sent = await postForm(server.url, `${link.pathname}${link.search}`, 'shop.uploadProof', proof)
    answersWell(sent)
  })
})

describe('uploads', () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  let admin: ApiClient
  const upload = (collection: string, file: Buffer, name: string, type: string, fields: Record<string, string> = {}, language = 'id') => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(file)], { type }), name)
    form.set('_payload', JSON.stringify(fields))
    return admin.request('POST', `/api/${collection}`, form, { 'Accept-Language': language })
  }

  beforeAll(async () => {
    admin = await signIn(server, 'admin')
  })

  it('SVG and renamed files are refused by content with a localized message in every upload collection', async () => {
    for (const [collection, fields] of [
      ['media', { alt: 'x' }],
      ['podcast-audio', {}],
      ['payment-proofs', { order: 'X' }],
      ['transcripts', {}],
    ] as const) {
      for (const [name, type] of [
        ['gambar.svg', 'image/svg+xml'],
        ['gambar.jpg', 'image/jpeg'],
        ['suara.mp3', 'audio/mpeg'],
      ]) {
        const res = await upload(collection, svg, name, type, fields)
        expect(res.status, `${collection} ${name}`).toBe(400)
        expect(JSON.stringify(await res.json()), `${collection} ${name}`).toMatch(/berkas|Transkrip/i)
      }
    }
    // A resident's SVG "photo" is refused on the form.
    const form = new FormData()
    form.set('service', 'pengantar-skck')
    form.set('foto_ktp', new Blob([svg], { type: 'image/svg+xml' }), 'ktp.svg')
    expect((await postForm(server.url, '/layanan/pengantar-skck/formulir', 'services.prepare', form)).body).toContain(
      'apa pun nama berkasnya',
    )
  })

  it('are served with their real type; anything but pictures and audio as a download', async () => {
    const jpeg = await tinyJpeg
    const created = await upload('media', jpeg, 'foto.jpg', 'image/jpeg', { alt: 'Foto' })
    expect(created.status, await created.clone().text()).toBe(201)
    const picture = (await created.json()) as { doc: { url: string } }
    const shown = await raw(new URL(picture.doc.url, server.url).pathname)
    expect(shown.headers['content-type']).toBe('image/jpeg')
    expect(shown.headers['x-content-type-options']).toBe('nosniff')
    expect(shown.headers['content-disposition']).toBeUndefined()

    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n')
    const renamed = await upload('transcripts', vtt, 'transkrip.html', 'text/html')
    expect(renamed.status).toBe(400)
    expect(JSON.stringify(await renamed.json())).toContain('*.vtt')
    const stored = await upload('transcripts', vtt, 'transkrip.vtt', 'text/vtt')
    expect(stored.status, await stored.clone().text()).toBe(201)
    const transcript = (await stored.json()) as { doc: { filename: string } }
    const downloaded = await raw(`/media/transcripts/${transcript.doc.filename}`)
    expect(downloaded.status).toBe(200)
    expect(downloaded.headers['content-disposition']).toBe('attachment')
  })
})
