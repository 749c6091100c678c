import type { BrowserContext } from 'playwright-core'
import type { SignedIn } from './api'

type Server = { url: string }

/** A browser context signed in to the admin as this client's account, in a language (Payload keeps it in a cookie). */
export const signInToAdmin = async (server: Server, context: BrowserContext, account: SignedIn, language: 'id' | 'en' = 'id') => {
  await account.addCookieTo(context)
  await context.addCookies([{ name: 'payload-lng', value: language, url: server.url }])
}

/** Same-origin form posts, as a browser without JavaScript sends them to the site's actions. */
export const formPost = (server: Server, pathname: string, body: URLSearchParams | FormData, cookie = '') =>
  fetch(server.url + pathname, { method: 'POST', redirect: 'manual', body, headers: { origin: server.url, cookie } })

/** A Surat Keterangan Tidak Mampu sent through the public form without JavaScript; returns its reference. */
export const submitSktm = async (server: Server, nama: string) => {
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
export const placeOrder = async (server: Server, product: { id: number; slug: string; variants: { id: string }[] }) => {
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
