import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Product, ServiceRequest } from '../../cms/payload-types'
import { apiClient, signIn, type SignedIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { startLoadBalancer, type LoadBalancer } from '../support/loadBalancer'
import { database, siteClient, stockedProducts, type Stocked } from '../support/traffic'

/**
 * Three production instances on one SQLite file (WAL) and one media folder, behind a round-robin proxy, jobs on
 * every one: what one instance writes or edits the others see, and nothing any of them holds in memory matters.
 * Limits are off: every client here comes from one address.
 */
const env = { RATE_LIMIT_OFF: '1' }
const a = useProductionServer({ env })
const b = useProductionServer({ env, sharing: a })
const c = useProductionServer({ env, sharing: a })
let proxy: LoadBalancer
let proxyUrl = ''
let admin: SignedIn

beforeAll(async () => {
  proxy = await startLoadBalancer(() => [a.url, b.url, c.url])
  proxyUrl = proxy.url
  admin = await signIn(a, 'admin')
})
afterAll(() => {
  proxy?.close()
})

/** Sets the first variant's stock of a product through instance A's API, as staff do. */
const setStock = async (item: Stocked, stock: number) => {
  const product = await admin.get<Product>(`/api/products/${item.productId}?depth=0`)
  await admin.patch(`/api/products/${item.productId}`, {
    variants: product.variants.map((variant, i) => (i === 0 ? { ...variant, stock } : variant)),
  })
}

const page = async (url: string) => (await fetch(url)).text()

describe('three instances on one database', () => {
  it('show an edit made through instance A on B and C on the next load within a second', async () => {
    const [item] = await stockedProducts(a.url)
    const path = `/produk/${item.slug}`
    // B and C keep the page in their caches.
    for (const server of [b, c]) await page(server.url + path)
    const title = `Madu Hutan Edisi ${Date.now()}`
    await admin.patch(`/api/products/${item.productId}`, { title })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    for (const server of [b, c]) expect(await page(server.url + path)).toContain(title)
  })

  it('sell exactly the 5 units of 40 checkouts spread over the three, without a server error', async () => {
    const item = (await stockedProducts(a.url))[1]
    await setStock(item, 5)
    const client = siteClient(proxyUrl)
    const results = await Promise.all(Array.from({ length: 40 }, () => client.order(item, 1)))
    expect(results.filter((r) => r.status >= 500)).toEqual([])
    expect(results.filter((r) => r.number)).toHaveLength(5)
    const db = database(a.dir)
    const [variant] = await db.rows<{ stock: number }>('SELECT stock FROM products_variants WHERE id = ?1', [item.variantId])
    expect(variant.stock).toBe(0)
    const [held] = await db.rows<{ orders: number; units: number }>(
      `SELECT COUNT(DISTINCT o.id) AS orders, SUM(l.reserved) AS units FROM orders o JOIN orders_lines l ON l._parent_id = o.id
       WHERE l.variant_id = ?1 AND o.reservation_state = 'reserved'`,
      [item.variantId],
    )
    expect(held).toEqual({ orders: 5, units: 5 })
    db.close()
  })

  it('give letters signed off on two instances at the same moment distinct numbers without gaps', async () => {
    const residents = siteClient(a.url)
    const references = []
    for (let i = 0; i < 6; i++) references.push((await residents.request()).reference!)
    const officer = await signIn(a, 'officer')
    const onB = apiClient(b, officer)
    const ids = []
    for (const reference of references) {
      const [request] = (
        await officer.get<{ docs: ServiceRequest[] }>(`/api/service-requests?where[reference][equals]=${reference}&depth=0`)
      ).docs
      for (const nextStatus of ['checking', 'processing'])
        await officer.patch(`/api/service-requests/${request.id}`, { nextStatus, transitionNote: 'Lanjut' })
      ids.push(request.id)
    }
    await Promise.all(
      ids.map((id, i) =>
        (i % 2 ? onB : officer).patch(`/api/service-requests/${id}`, {
          nextStatus: 'awaitingSignature',
          transitionNote: 'Siap ditandatangani',
        }),
      ),
    )
    const db = database(a.dir)
    const list = ids.join(',')
    const letters = await db.rows<{ service: number; year: number; sequence: number }>(
      `SELECT service_id AS service, year, sequence FROM letters WHERE request_id IN (${list}) ORDER BY sequence`,
    )
    const [{ last }] = await db.rows<{ last: number }>(
      `SELECT COALESCE(MAX(sequence), 0) AS last FROM letters WHERE service_id = ?1 AND year = ?2 AND request_id NOT IN (${list})`,
      [letters[0].service, letters[0].year],
    )
    const issued = letters.map((letter) => Number(letter.sequence))
    const after = Number(last)
    expect(issued).toEqual(Array.from({ length: 6 }, (_, i) => after + i + 1))
    db.close()
  })

  it('undo nothing the others were writing when one is killed mid-checkout and started again, and the stock adds up', async () => {
    const item = (await stockedProducts(a.url))[2]
    await setStock(item, 200)
    const db = database(a.dir)
    const accepted: string[] = []
    let running = true
    /** Checkouts one after another through one instance until told to stop; the numbers of those accepted. */
    const buy = async (server: { url: string }, into: string[]) => {
      while (running) {
        const result = await siteClient(server.url)
          .order(item, 1)
          .catch(() => null)
        if (result?.number) into.push(result.number)
        if (result && result.status >= 500) throw new Error(`A checkout on ${server.url} answered ${result.status}`)
      }
    }
    const buyers = [buy(b, accepted), buy(b, accepted), buy(c, accepted), buy(c, accepted)]
    const onC: string[] = []
    const victim = buy(c, onC).catch(() => undefined)
    // C's own loop goes on at its old address; the kill hits C while its checkouts are in flight.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    c.process.kill('SIGKILL')
    await c.restart()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    running = false
    await Promise.all(buyers.map((buyer) => buyer.catch(() => undefined)))
    await victim

    const orders = await db.rows<{ number: string; state: string; reserved: number }>(
      `SELECT o.number, o.reservation_state AS state, SUM(l.reserved) AS reserved FROM orders o JOIN orders_lines l ON l._parent_id = o.id
       WHERE l.variant_id = ?1 GROUP BY o.id`,
      [item.variantId],
    )
    const byNumber = new Map(orders.map((order) => [order.number, order]))
    expect(byNumber.size).toBe(orders.length)
    // Every checkout another instance (or the victim itself) accepted is there, whole.
    for (const number of [...accepted, ...onC]) expect(byNumber.get(number)).toMatchObject({ state: 'reserved', reserved: 1 })
    expect(accepted.length).toBeGreaterThan(0)
    const [variant] = await db.rows<{ stock: number }>('SELECT stock FROM products_variants WHERE id = ?1', [item.variantId])
    // What is not on the shelf is held by an order: placed, or still being placed by the killed process (its lease runs out, then the minute job gives it back).
    expect(Number(variant.stock) + orders.reduce((sum, order) => sum + Number(order.reserved), 0)).toBe(200)
    db.close()
  })
})
