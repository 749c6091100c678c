import autocannon from 'autocannon'
import { brotliCompressSync, constants } from 'node:zlib'
import { SW_REGISTRATION } from '../../site/lib/serviceWorker'
import { signIn } from '../support/api'
import type { ProductionServer } from '../support/server'
import type { Product } from '../../cms/payload-types'

export type Row = { metric: string; value: number; unit: string; budget: string; ok: boolean }
export type Record = (metric: string, value: number, unit: string, budget?: { max?: number; min?: number }) => void
/** One group of measurements against the running production server at `url` (`server`, for a suite that starts more instances on its data). */
export type Suite = { name: string; run: (url: string, record: Record, server: ProductionServer) => Promise<void> }

// Browsers receive brotli from the server; measuring the same way keeps numbers comparable.
export const compressedSize = (text: string | Buffer) =>
  brotliCompressSync(typeof text === 'string' ? Buffer.from(text) : text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length

/** Compressed HTML + stylesheets, and compressed JavaScript, of one page (images excluded). */
export const pageWeight = async (base: string, pagePath: string) => {
  const html = await (await fetch(base + pagePath)).text()
  const links = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1])
  const fetchText = async (href: string) => (await fetch(new URL(href, base))).text()
  const css = await Promise.all(links(/<link rel="stylesheet" href="([^"]+)"/g).map(fetchText))
  const js = await Promise.all(links(/<script[^>]*\bsrc="([^"]+)"/g).map(fetchText))
  // The service worker's registration is measured on its own (firstView suite, inline script budget).
  const inlineJs = links(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g).filter(
    (script) => script !== SW_REGISTRATION,
  )
  const sum = (texts: string[]) => texts.reduce((total, text) => total + compressedSize(text), 0)
  return { htmlCss: compressedSize(html) + sum(css), js: sum([...js, ...inlineJs]) }
}

/** Requests per second and latency at 50 concurrent connections for 10 seconds (after a warm-up), as a browser asks. */
export const load = async (url: string, options: Partial<autocannon.Options> = {}) => {
  const browserLike = { url, connections: 50, headers: { 'accept-encoding': 'br, gzip' }, ...options }
  await autocannon({ ...browserLike, duration: 3 })
  const result = await autocannon({ ...browserLike, duration: 10 })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

/** The bench's administrator: the first account of the fresh database, registered by the first suite that signs in. */
export const benchAdmin = (url: string) => signIn({ url }, { email: 'bench@desa.test', password: 'Lada-Putih-Mahakam-2026' })

/** A same-origin form post as a browser without JavaScript sends it. */
export const formPost = (url: string, path: string, fields: { [name: string]: string }, cookie = '') =>
  fetch(url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, cookie },
    body: new URLSearchParams(fields),
  })

/** The cookie of a cart holding `quantity` of the product's first variant. */
export const cartCookie = async (url: string, product: { id: number; slug: string; variants: { id?: string | null }[] }, quantity = 1) => {
  const res = await formPost(url, `/produk/${product.slug}?_action=shop.addToCart`, {
    productId: String(product.id),
    variantId: product.variants[0].id!,
    quantity: String(quantity),
  })
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

/** Places the order of a cart as a buyer without JavaScript does (pickup, bank transfer). */
export const checkout = (url: string, cookie: string) =>
  formPost(
    url,
    '/checkout?_action=shop.checkout',
    { name: 'Bench', email: 'bench@example.com', phone: '081234567890', delivery: 'pickup', paymentMethod: 'bank-transfer' },
    cookie,
  )

/** An active product of one variant with `stock` units, by the producer and in the category of the catalog's first product. */
export const stockedProduct = async (url: string, variant: { sku: string; price: number; stock: number }, title: string) => {
  const admin = await benchAdmin(url)
  const template = (await admin.get<{ docs: Product[] }>('/api/products?limit=1&depth=0')).docs[0]
  const created = await admin.post<{ doc: Product }>('/api/products', {
    title,
    status: 'active',
    producer: template.producer,
    category: template.category,
    variants: [{ ...variant, weight: 250 }],
  })
  return created.doc
}
