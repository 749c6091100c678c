import { ProductionServer } from '../support/server'
import { benchAdmin, cartCookie, formPost } from './harness'
import type { Product } from '../../cms/payload-types'

const server = new ProductionServer({ env: { PAYLOAD_SECRET: 'bench-secret', RATE_LIMIT_OFF: '1' } })
await server.start()
while (!(await fetch(server.url + '/')).ok);
const url = server.url
const admin = await benchAdmin(url)
const template = (await admin.get<{ docs: Product[] }>('/api/products?limit=1&depth=0')).docs[0]
const scarce = await admin.post<{ doc: Product }>('/api/products', {
  title: 'Produk langka', status: 'active', producer: template.producer, category: template.category,
  variants: [{ sku: 'BENCH-SCARCE', price: 50_000, stock: 5, weight: 250 }],
})
const carts = await Promise.all(Array.from({ length: 50 }, () => cartCookie(url, scarce.doc)))
console.log('cart cookies', carts.slice(0, 2))
const results = await Promise.all(carts.map((cookie) => formPost(url, '/checkout?_action=shop.checkout',
  { name: 'Bench', email: 'bench@example.com', phone: '081234567890', delivery: 'pickup', paymentMethod: 'bank-transfer' }, cookie)))
const summary: Record<string, number> = {}
for (const r of results) { const k = `${r.status} ${(r.headers.get('location') ?? '').replace(/\?.*/, '').replace(/\/pesanan\/.*/, '/pesanan/N')}`; summary[k] = (summary[k] ?? 0) + 1 }
console.log(summary)
const orders = await admin.get<{ totalDocs: number }>('/api/orders?limit=1&depth=0')
console.log('orders in db', orders.totalDocs)
await server.stop()
