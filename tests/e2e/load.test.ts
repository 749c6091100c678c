import autocannon from 'autocannon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../support/server'
import { database, siteClient, stockedProducts, type Stocked } from '../support/traffic'

/**
 * Mixed traffic on loopback for a few seconds, rate limits off: page views and searches (autocannon, 16
 * connections) while 4 buyers check out and 2 residents submit requests, one after another, as fast as
 * they can. Then: no 5xx, no socket errors, and every accepted write is in the database whole.
 */
let server: RunningServer

beforeAll(async () => {
  server = await startServer({ RATE_LIMIT_OFF: '1' })
})

afterAll(async () => {
  await server?.stop()
})

const SECONDS = 5

/** Runs `work` in `workers` loops until `until` has passed (or the server is gone), collecting what each call returned. */
const repeat = async <T>(workers: number, until: number, work: (i: number) => Promise<T>) => {
  const results: T[] = []
  let failures = 0
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; Date.now() < until; i++) {
      try {
        results.push(await work(w * 10_000 + i))
      } catch {
        failures += 1
        return
      }
    }
  }))
  return Object.assign(results, { failures })
}

describe('mixed load', () => {
  it('serves pages, search, checkouts and service requests at once without errors or lost writes', async () => {
    const products: Stocked[] = (await stockedProducts(server.url)).slice(0, 3)
    expect(products.length).toBeGreaterThan(0)
    const client = siteClient(server.url)
    const until = Date.now() + SECONDS * 1000

    const [reads, orders, requests] = await Promise.all([
      autocannon({
        url: server.url,
        connections: 16,
        duration: SECONDS,
        requests: [{ path: '/' }, { path: '/produk' }, { path: '/berita' }, { path: '/cari?q=kopi' }, { path: '/cari.json?q=madu' }, { path: '/layanan' }],
      }),
      repeat(4, until, (i) => client.order(products[i % products.length]!, 1 + (i % 3))),
      repeat(2, until, () => client.request()),
    ])

    // Reads: every answer 2xx, no socket error, no timeout.
    expect(reads.errors).toBe(0)
    expect(reads.timeouts).toBe(0)
    expect(reads.non2xx).toBe(0)
    expect(orders.failures + requests.failures).toBe(0)
    // Writes: accepted (303 to the order or request) or refused with a message (out of stock), never a 5xx.
    expect(orders.every((o) => (o.status === 303 && o.number) || (!o.number && o.status < 500))).toBe(true)
    expect(requests.every((r) => r.status === 303 && r.reference)).toBe(true)

    const db = database(server.dir)
    try {
      const stored = await db.orders()
      const accepted = orders.filter((o) => o.number).map((o) => o.number)
      expect(accepted.length).toBeGreaterThan(0)
      expect(stored.map((o) => o.number).sort()).toEqual([...accepted].sort())
      expect(stored.every((o) => o.lines === 1 && o.reserved > 0 && o.state === 'reserved')).toBe(true)
      for (const variant of await db.stock()) expect(variant.stock).toBeGreaterThanOrEqual(0)
      for (const p of products) {
        const variant = (await db.stock()).find((v) => v.id === p.variantId)!
        expect(variant.stock + variant.held).toBe(p.stock)
      }

      const storedRequests = await db.requests()
      const references = requests.map((r) => r.reference)
      expect(storedRequests.map((r) => r.reference).sort()).toEqual([...references].sort())
      expect(storedRequests.every((r) => r.timeline === 1 && r.attachments === 1 && r.missingFiles === 0)).toBe(true)

      console.info(
        `[load] ${SECONDS} s: ${reads.requests.total} reads at ${Math.round(reads.requests.average)} req/s (16 connections); ` +
          `${orders.length} checkouts (${accepted.length} accepted, ${orders.length - accepted.length} out of stock); ${references.length} service requests accepted`,
      )
    } finally {
      db.close()
    }
  })
})

describe('a kill in the middle', () => {
  it('leaves no half-written order, stock reservation or service request, and the restarted server serves normally', async () => {
    const products = (await stockedProducts(server.url)).slice(0, 3)
    const before = database(server.dir)
    // What each variant has in all (on the shelf + held by orders) must survive the kill unchanged.
    const total = new Map((await before.stock()).map((v) => [v.id, v.stock + v.held]))
    before.close()

    const client = siteClient(server.url)
    const killed = new Promise<void>((resolve) => server.process.once('exit', () => resolve()))
    const inFlight = Promise.all([
      repeat(4, Date.now() + 60_000, (i) => client.order(products[i % products.length]!, 1)),
      repeat(3, Date.now() + 60_000, () => client.request()),
    ])
    // Let checkouts and submissions get going, then pull the plug with requests in flight.
    await new Promise((r) => setTimeout(r, 1500))
    server.process.kill('SIGKILL')
    await killed
    const [orders, requests] = await inFlight
    expect(orders.failures + requests.failures).toBeGreaterThan(0)

    server = await startServer({ RATE_LIMIT_OFF: '1' }, server.dir)
    const db = database(server.dir)
    try {
      const stored = await db.orders()
      expect(stored.filter((o) => o.lines === 0)).toEqual([])
      for (const o of stored.filter((o) => o.state === 'reserved')) expect(o.reserved).toBeGreaterThan(0)
      for (const variant of await db.stock()) {
        expect(variant.stock).toBeGreaterThanOrEqual(0)
        expect(variant.stock + variant.held).toBe(total.get(variant.id))
      }
      // Every order and request the server confirmed before it died is there.
      const numbers = new Set(stored.map((o) => o.number))
      for (const o of orders.filter((o) => o.number)) expect(numbers.has(o.number!)).toBe(true)
      const storedRequests = await db.requests()
      expect(storedRequests.filter((r) => r.timeline === 0 || r.attachments !== 1 || r.missingFiles > 0)).toEqual([])
      const references = new Set(storedRequests.map((r) => r.reference))
      for (const r of requests.filter((r) => r.reference)) expect(references.has(r.reference!)).toBe(true)
    } finally {
      db.close()
    }

    // The restarted server takes orders and requests as before.
    expect((await fetch(server.url)).status).toBe(200)
    const restarted = siteClient(server.url)
    const available = (await stockedProducts(server.url))[0]!
    expect((await restarted.order(available, 1)).number).toBeTruthy()
    expect((await restarted.request()).reference).toBeTruthy()
  })
})
