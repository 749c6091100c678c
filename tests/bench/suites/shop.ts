import type { Product } from '../../../cms/payload-types'
import budgets from '../budgets.json'
import { benchAdmin, cartCookie, checkout, pageWeight, stockedProduct, type Suite } from '../harness'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/** Issue 4: the marketplace with the generated 1,000 products: page weight, checkout latency and correctness. */
export const shop: Suite = {
  name: 'shop',
  run: async (url, record) => {
    const admin = await benchAdmin(url)
    const catalog = await admin.get<{ docs: Product[]; totalDocs: number }>('/api/products?limit=1&depth=0')
    const template = catalog.docs[0]
    record('products in the catalog', catalog.totalDocs, 'count', { min: 1000 })

    for (const pagePath of ['/produk', `/produk/${template.slug}`]) {
      const weight = await pageWeight(url, pagePath)
      record(`${pagePath} HTML+CSS (brotli)`, weight.htmlCss, 'bytes', { max: budgets.shopPageBytes })
      record(`${pagePath} JavaScript (brotli)`, weight.js, 'bytes', { max: 0 })
    }

    // Checkout latency: one buyer at a time, each with a fresh cart, on a product with plenty of stock.
    const plenty = await stockedProduct(url, { sku: 'BENCH-PLENTY', price: 25_000, stock: 100_000 }, 'Produk stok melimpah')
    const times: number[] = []
    for (let i = 0; i < 30; i++) {
      const cookie = await cartCookie(url, plenty)
      const started = performance.now()
      const res = await checkout(url, cookie)
      times.push(performance.now() - started)
      if (res.status !== 303) throw new Error(`checkout answered ${res.status}`)
    }
    times.sort((a, b) => a - b)
    record('checkout action: p50 latency', percentile(times, 50), 'ms')
    record('checkout action: p99 latency', percentile(times, 99), 'ms', { max: budgets.shopCheckoutP99Ms })

    // 50 buyers check out the last 5 units at the same moment.
    const scarce = await stockedProduct(url, { sku: 'BENCH-SCARCE', price: 50_000, stock: 5 }, 'Produk langka')
    const carts = await Promise.all(Array.from({ length: 50 }, () => cartCookie(url, scarce)))
    const results = await Promise.all(carts.map((cookie) => checkout(url, cookie)))
    const stock = (await admin.get<Product>(`/api/products/${scarce.id}?depth=0`)).variants[0].stock
    // Placed: sent on to the order's page. Refused: back to the cart, capped at what can be sold, with a message.
    const placed = results.filter((r) => r.status === 303 && /\/pesanan\//.test(r.headers.get('location') ?? '')).length
    const refused = results.filter((r) => r.status === 303 && /\/keranjang\b/.test(r.headers.get('location') ?? '')).length
    record('50 concurrent checkouts for 5 units: orders placed', placed, 'count', { min: 5, max: 5 })
    record('50 concurrent checkouts for 5 units: sent back to the cart', refused, 'count', { min: 45, max: 45 })
    record('50 concurrent checkouts for 5 units: stock left', stock, 'units', { min: 0, max: 0 })
  },
}
