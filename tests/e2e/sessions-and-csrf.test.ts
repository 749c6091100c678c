import { readFileSync } from 'node:fs'
import http from 'node:http'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_FREE_ATTEMPTS } from '../../cms/auth/loginThrottle'
import { LIMITS } from '../../cms/lib/rateLimit'
import { apiClient, PASSWORD, settingsPath, signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer({ env: { STRIPE_WEBHOOK_SECRET: 'whsec_csrf' } })
const EVIL = 'https://evil.example'
let adminCookie = ''

beforeAll(async () => {
  // The administrator is the first account; the tests below sign in as it from their own addresses.
  await signIn(server, 'admin')
})

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A sign-in (what is tested here) from a given loopback address (127.0.0.x), so each test is its own client; the path is sent exactly as written. */
const signInFrom = (
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  target = '/api/users/login',
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(server.url)
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: 'POST',
        localAddress: from,
        headers: { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify({ email, password }))
  })

const messageOf = (reply: Reply) => (JSON.parse(reply.body) as { errors: { message: string }[] }).errors[0].message
const waitFor = (reply: Reply) => new Promise((resolve) => setTimeout(resolve, Number(reply.headers['retry-after']) * 1000 + 100))

const asAdmin = (path: string, init: RequestInit = {}) =>
  fetch(server.url + path, {
    ...init,
    headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: adminCookie, ...(init.headers as Record<string, string>) },
  })

const countOf = async (collection: string) =>
  ((await (await asAdmin(`/api/${collection}?limit=0&depth=0`)).json()) as { totalDocs: number }).totalDocs

describe('admin sessions', () => {
  it('keep the session in a Secure, HttpOnly, SameSite=Lax cookie (Chrome keeps Secure cookies on 127.0.0.1)', async () => {
    const res = await signInFrom('127.0.0.1', 'admin@desa.test', PASSWORD)
    expect(res.status).toBe(200)
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    adminCookie = cookie.split(';')[0]!
  })

  it('slow down wrong passwords for one account from one address, never refusing the right password from elsewhere', async () => {
    expect(
      (
        await asAdmin('/api/users', {
          method: 'POST',
          body: JSON.stringify({ email: 'rina@desa.test', password: PASSWORD, name: 'Rina', role: 'officer' }),
        })
      ).status,
    ).toBe(201)
    const wrong = () => signInFrom('127.0.0.2', 'rina@desa.test', 'salah-kata-sandi-1')
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++) expect((await wrong()).status).toBe(401)
    // Someone guessing Rina's password from 127.0.0.2 does not keep Rina out.
    expect((await signInFrom('127.0.0.6', 'rina@desa.test', PASSWORD)).status).toBe(200)
    // From that address the next attempt waits; after the wait the right password works and ends the run.
    const first = await signInFrom('127.0.0.2', 'rina@desa.test', PASSWORD)
    expect(first.status).toBe(429)
    expect(messageOf(first)).toMatch(/^Terlalu banyak percobaan masuk\. Coba lagi dalam 1 menit\.$/)
    await waitFor(first)
    expect((await signInFrom('127.0.0.2', 'rina@desa.test', PASSWORD)).status).toBe(200)
    // A new run of wrong passwords: each wait is twice the one before.
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++) expect((await wrong()).status).toBe(401)
    const again = await wrong()
    expect(again.status).toBe(429)
    await waitFor(again)
    expect((await wrong()).status).toBe(401)
    const longer = await wrong()
    expect(longer.status).toBe(429)
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(Number(again.headers['retry-after']) + 5)
  })

  it('answer every failure alike, so nobody learns which accounts exist', async () => {
    const known: Reply[] = []
    const unknown: Reply[] = []
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS + 1; i++) {
      known.push(await signInFrom('127.0.0.7', 'admin@desa.test', 'salah-kata-sandi-1'))
      unknown.push(await signInFrom('127.0.0.8', 'tidak-ada@desa.test', 'salah-kata-sandi-1'))
    }
    expect(known.map((r) => [r.status, messageOf(r)])).toEqual(unknown.map((r) => [r.status, messageOf(r)]))
    expect(known.map((r) => messageOf(r)).join(' ')).not.toMatch(/terkunci|locked/i)
  })

  it('limit sign-ins per address: 429 with Retry-After and a message in the admin language, other addresses unaffected', async () => {
    const dewi = { email: 'dewi@desa.test', password: 'Kebun Lada 9 Baris' }
    expect((await asAdmin('/api/users', { method: 'POST', body: JSON.stringify({ ...dewi, name: 'Dewi', role: 'editor' }) })).status).toBe(
      201,
    )
    const tries = await Promise.all(
      Array.from({ length: LIMITS.login.max }, (_, i) => signInFrom('127.0.0.3', `tidak-ada-${i}@desa.test`, 'salah-kata-sandi-1')),
    )
    expect(tries.map((r) => r.status)).not.toContain(429)
    const last = await signInFrom('127.0.0.3', 'tidak-ada-lagi@desa.test', 'salah-kata-sandi-1')
    expect(last.status).toBe(429)
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0)
    expect(messageOf(last)).toMatch(/^Terlalu banyak percobaan masuk dari alamat ini\. Coba lagi dalam \d+ menit\.$/)
    // Even the right password waits: the limit is checked before any password.
    const english = await signInFrom('127.0.0.3', dewi.email, dewi.password, { Cookie: 'payload-lng=en' })
    expect(english.status).toBe(429)
    expect(messageOf(english)).toMatch(/^Too many sign-in attempts from this address\. Try again in \d+ minutes?\.$/)
    // However the path is spelled, it is the same sign-in and the same limit.
    for (const target of [
      '/api/users/%6cogin',
      '/api/%75sers/login',
      '/api/users/./login',
      '/api/users//login',
      '/api/users/login/',
      '/api/users/LOGIN',
    ])
      expect((await signInFrom('127.0.0.3', dewi.email, dewi.password, {}, target)).status, target).not.toBe(200)
    expect((await signInFrom('127.0.0.4', dewi.email, dewi.password)).status).toBe(200)
  })

  it('refuse weak passwords on new accounts and on password changes, in the admin language', async () => {
    const create = (password: string, language = 'id') =>
      asAdmin('/api/users', {
        method: 'POST',
        headers: { Cookie: `${adminCookie}; payload-lng=${language}` },
        body: JSON.stringify({ email: 'budi@desa.test', password, name: 'Budi', role: 'editor' }),
      })
    const messageOf = async (res: Response) => {
      expect(res.status).toBe(400)
      return JSON.stringify(await res.json())
    }
    expect(await messageOf(await create('pendek1!'))).toContain('Kata sandi minimal 10 karakter.')
    expect(await messageOf(await create('pendek1!', 'en'))).toContain('The password needs at least 10 characters.')
    expect(await messageOf(await create('hanyahurufkecil'))).toContain('lebih dari satu jenis karakter')
    expect(await messageOf(await create('Password2024!'))).toContain('terlalu umum')
    expect(await messageOf(await create('budi-desa-2024'))).toContain('email')
    const created = await create('Pohon Kelapa 7 Batang')
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }

    const change = (password: string) => asAdmin(`/api/users/${doc.id}`, { method: 'PATCH', body: JSON.stringify({ password }) })
    expect(await messageOf(await change('1234567890'))).toContain('lebih dari satu jenis karakter')
    expect((await signInFrom('127.0.0.5', 'budi@desa.test', 'Pohon Kelapa 7 Batang')).status).toBe(200)
    expect((await change('Sungai Mahakam 2 Kali')).status).toBe(200)
    expect((await signInFrom('127.0.0.5', 'budi@desa.test', 'Sungai Mahakam 2 Kali')).status).toBe(200)
  })
})

/** Every action the site defines (site/actions/*.ts), read from the source so a new one needs a row below. */
const definedActions = () =>
  ['shop', 'services'].flatMap((feature) => {
    const source = readFileSync(`site/actions/${feature}.ts`, 'utf8')
    return [...source.matchAll(/(?:export const (\w+) = defineAction|^\s+(\w+): defineAction)/gm)].map((m) => `${feature}.${m[1] ?? m[2]}`)
  })

/** The page each action posts from, and a form body it would accept from the village's own pages. */
const ACTION_FORMS: Record<string, { page: string; fields: Record<string, string> }> = {
  'shop.addToCart': { page: '/produk/kopi', fields: { productId: '1', variantId: 'x', quantity: '1' } },
  'shop.updateCart': { page: '/keranjang', fields: { variantId: 'x', quantity: '0' } },
  'shop.checkout': {
    page: '/checkout',
    fields: { name: 'Ayu', email: 'ayu@example.com', phone: '081234567890', delivery: 'pickup', paymentMethod: 'bank-transfer' },
  },
  'shop.uploadProof': { page: '/pesanan/DD-1', fields: { number: 'DD-1', token: 'x' } },
  'shop.findOrder': { page: '/pesanan', fields: { number: 'DD-1', contact: 'ayu@example.com' } },
  'shop.quoteShipping': { page: '/checkout', fields: { delivery: 'courier', province: 'Jawa Timur' } },
  'services.prepare': { page: '/layanan/keterangan-domisili/formulir', fields: { service: 'keterangan-domisili', nama: 'Siti' } },
  'services.submit': { page: '/layanan/keterangan-domisili/formulir', fields: { service: 'keterangan-domisili', nama: 'Siti' } },
  'services.track': { page: '/layanan/lacak', fields: { reference: 'ABCDEFGH', digits: '7890' } },
  'services.cancel': { page: '/layanan/lacak', fields: { reference: 'ABCDEFGH', digits: '7890' } },
  'services.complete': { page: '/layanan/lacak', fields: { reference: 'ABCDEFGH', digits: '7890', reply: 'Sudah' } },
  'services.verifyFile': { page: '/verifikasi/ABC', fields: { code: 'ABC' } },
}

const postAction = (action: string, page: string, headers: Record<string, string>) =>
  fetch(`${server.url}${page}?_action=${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(ACTION_FORMS[action].fields),
  })

describe('cross-site writes', () => {
  it('has a form for every action of the site', () => {
    expect(definedActions().sort()).toEqual(Object.keys(ACTION_FORMS).sort())
  })

  it('every site action refuses a post from another site with 403 and a message in the page language; nothing is stored', async () => {
    const before = { orders: await countOf('orders'), requests: await countOf('service-requests') }
    for (const action of Object.keys(ACTION_FORMS)) {
      const { page } = ACTION_FORMS[action]
      for (const headers of [
        { origin: EVIL },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { referer: `${EVIL}/phish` },
      ] as Record<string, string>[]) {
        const res = await postAction(action, page, headers)
        expect(res.status, `${action} ${JSON.stringify(headers)}`).toBe(403)
        expect(await res.text()).toMatch(/^Permintaan ditolak: formulir ini hanya dapat dikirim dari situs desa sendiri/)
        expect(res.headers.get('set-cookie')).toBeNull()
      }
      const english = await postAction(action, `/en${page}`, { origin: EVIL })
      expect(await english.text()).toMatch(/^Request refused: this form can only be sent from the village website itself/)
    }
    expect({ orders: await countOf('orders'), requests: await countOf('service-requests') }).toEqual(before)
  })

  it('same-origin posts still reach the actions', async () => {
    const tracked = await postAction('services.track', '/layanan/lacak', { origin: server.url })
    expect(tracked.status).not.toBe(403)
    expect(await tracked.text()).toContain('<form')
    const sameOriginFetch = await postAction('services.track', '/layanan/lacak', { origin: server.url, 'sec-fetch-site': 'same-origin' })
    expect(sameOriginFetch.status).not.toBe(403)
  })

  it('Payload refuses cross-site writes even with an administrator cookie, and signs nobody in from another site', async () => {
    const before = await countOf('users')
    const forged = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: EVIL, Cookie: adminCookie },
      body: JSON.stringify({ email: 'penyusup@evil.example', password: 'Penyusup-Jahat-99', name: 'X', role: 'admin' }),
    })
    expect(forged.status).toBe(403)
    expect((await forged.json()).errors[0].message).toMatch(/Permintaan ditolak/)
    const settings = await fetch(server.url + (await settingsPath(apiClient(server))), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site', Cookie: adminCookie },
      body: JSON.stringify({ name: 'Diretas' }),
    })
    expect(settings.status).toBe(403)
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: EVIL },
      body: JSON.stringify({ email: 'admin@desa.test', password: PASSWORD }),
    })
    expect(login.status).toBe(403)
    expect(await countOf('users')).toBe(before)
    expect(((await (await asAdmin(await settingsPath(apiClient(server)))).json()) as { name: string }).name).not.toBe('Diretas')

    // The admin's own page, and programs without a browser (Stripe's webhook checks its signature itself).
    const own = await asAdmin('/api/users', {
      method: 'POST',
      body: JSON.stringify({ email: 'sari@desa.test', password: PASSWORD, name: 'Sari', role: 'editor' }),
    })
    expect(own.status).toBe(201)
    const webhook = await fetch(`${server.url}/api/orders/stripe-webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' },
      body: '{}',
    })
    expect(webhook.status).toBe(400)
  })

  it('a media upload from another site is refused too', async () => {
    const form = new FormData()
    form.set(
      'file',
      new Blob(
        [
          new Uint8Array(
            await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
              .png()
              .toBuffer(),
          ),
        ],
        { type: 'image/png' },
      ),
      'x.png',
    )
    form.set('_payload', JSON.stringify({ alt: 'x' }))
    const before = await countOf('media')
    const res = await fetch(`${server.url}/api/media`, { method: 'POST', headers: { Origin: EVIL, Cookie: adminCookie }, body: form })
    expect(res.status).toBe(403)
    expect(await countOf('media')).toBe(before)
  })
})
