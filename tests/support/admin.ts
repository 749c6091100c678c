import type { BrowserContext } from 'playwright-core'
import type { RunningServer } from './server'

export const PASSWORD = 'kata-sandi-rahasia-123'

// One sign-in per account and server: sign-ins are rate-limited per client address.
const tokens = new Map<string, string>()

const tokenOf = async (server: RunningServer, email: string) => {
  const key = `${server.url} ${email}`
  if (!tokens.has(key)) {
    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    if (!res.ok) throw new Error(`Sign-in of ${email}: ${res.status} ${await res.text()}`)
    tokens.set(key, ((await res.json()) as { token: string }).token)
  }
  return tokens.get(key)!
}

/** A REST session of a staff account: a function calling the API as them (the admin uses the same API). */
export const apiAs = async (server: RunningServer, email: string) => {
  const token = await tokenOf(server, email)
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', ...init.headers },
    })
  return Object.assign(call, { token })
}
export type Api = Awaited<ReturnType<typeof apiAs>>

/**
 * The village's staff, as the first administrator makes them: an administrator (the first account), the
 * media team, an officer, the village head and a producer account linked to `producer`.
 */
export const createStaff = async (server: RunningServer, producer: number | null = null) => {
  await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@desa.test', password: PASSWORD, name: 'Admin Desa' }),
  })
  const admin = await apiAs(server, 'admin@desa.test')
  for (const [role, name] of [
    ['editor', 'Tim Media'],
    ['officer', 'Petugas Rina'],
    ['head', 'H. Abdul Karim'],
    ['producer', 'Pak Darto'],
  ] as const) {
    const res = await admin('/api/users', {
      method: 'POST',
      body: JSON.stringify({ email: `${role}@desa.test`, password: PASSWORD, name, role, ...(role === 'producer' ? { producer } : {}) }),
    })
    if (res.status !== 201) throw new Error(`Creating the ${role}: ${res.status} ${await res.text()}`)
  }
  return admin
}

/** A browser context signed in to the admin as this account, in its language (Payload keeps it in a cookie). */
export const signInToAdmin = async (server: RunningServer, context: BrowserContext, email: string, language: 'id' | 'en' = 'id') => {
  const token = await tokenOf(server, email)
  await context.addCookies([
    { name: 'payload-token', value: token, url: server.url },
    { name: 'payload-lng', value: language, url: server.url },
  ])
}

/** Same-origin form posts, as a browser without JavaScript sends them to the site's actions. */
export const formPost = (server: RunningServer, pathname: string, body: URLSearchParams | FormData, cookie = '') =>
  fetch(server.url + pathname, { method: 'POST', redirect: 'manual', body, headers: { origin: server.url, cookie } })

/** A Surat Keterangan Tidak Mampu sent through the public form without JavaScript; returns its reference. */
export const submitSktm = async (server: RunningServer, nama: string) => {
  const FORM = '/layanan/keterangan-tidak-mampu/formulir'
  const answers = {
    service: 'keterangan-tidak-mampu',
    nama,
    nik: '6402014508900003',
    telepon: '081234567890',
    email: '',
    alamat: 'RT 02, Dusun Hulu',
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1999-01-01',
    pekerjaan: 'Petani',
    penghasilan: '900000',
    jenis_bantuan: 'kesehatan',
    keperluan: 'Berobat',
    pernyataan: 'on',
  }
  const form = new FormData()
  for (const [k, v] of Object.entries(answers)) form.set(k, v)
  form.set('foto_kk', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32)])], { type: 'application/pdf' }), 'kk.pdf')
  const prepared = await (await formPost(server, `${FORM}?_action=services.prepare`, form)).text()
  const pending = /name="pending" value="([^"]+)"/.exec(prepared)?.[1]
  if (!pending) throw new Error(`The form did not keep the file:\n${prepared.slice(0, 2000)}`)
  const submitted = await formPost(server, `${FORM}?_action=services.submit`, new URLSearchParams({ ...answers, pending }))
  return new URL(submitted.headers.get('location')!, server.url).searchParams.get('ref')!
}

/** An order of one unit of `product` by bank transfer, placed through the cart and checkout forms; returns its number. */
export const placeOrder = async (server: RunningServer, product: { id: number; slug: string; variants: { id: string }[] }) => {
  const added = await formPost(
    server,
    `/produk/${product.slug}?_action=shop.addToCart`,
    new URLSearchParams({ productId: String(product.id), variantId: product.variants[0].id, quantity: '1' }),
  )
  const cookie = added.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const checkout = await formPost(
    server,
    '/checkout?_action=shop.checkout',
    new URLSearchParams({
      name: 'Ayu Lestari',
      email: 'ayu@example.com',
      phone: '081234567890',
      delivery: 'courier',
      province: 'Kalimantan Timur',
      city: 'Kutai Kartanegara',
      district: 'Tenggarong',
      postalCode: '75511',
      street: 'Jl. Mawar 3',
      paymentMethod: 'bank-transfer',
    }),
    cookie,
  )
  return new URL(checkout.headers.get('location')!, server.url).pathname.split('/').pop()!
}
