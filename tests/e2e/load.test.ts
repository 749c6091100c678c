import autocannon from 'autocannon'
import { describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'
import { database, siteClient, stockedProducts, type Stocked } from '../support/traffic'

/**
 * Mixed traffic on loopback for a few seconds, rate limits off: page views and searches (autocannon, 16
 * connections) while 4 buyers check out and 2 residents submit requests, one after another, as fast as
 * they can. Then: no 5xx, no socket errors, and every accepted write is in the database whole.
 */
const server = useProductionServer({ env: { RATE_LIMIT_OFF: '1' } })

const SECONDS = 5

/** Runs `work` in `workers` loops until `until` has passed (or the server is gone), collecting what each call returned. */
const repeat = async <T>(workers: number, until: number, work: (i: number) => Promise<T>) => {
  const results: T[] = []
  let failures = 0
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; Date.now() < until; i++) {
        try {
          results.push(await work(w * 10_000 + i))
        } catch {
          failures += 1
          return
        }
      }
    }),
  )
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
        requests: [
          { path: '/' },
          { path: '/produk' },
          { path: '/berita' },
          { path: '/cari?q=kopi' },
          { path: '/cari.json?q=madu' },
          { path: '/layanan' },
        ],
      }),
      repeat(4, until, (i) => client.order(products[i % products.length], 1 + (i % 3))),
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

/**
 * Everything the database must say after any crash: every order whole, stock neither lost nor made up,
 * nothing half-placed, every request whole with its files, and everything confirmed to a buyer or resident there.
 */
const expectConsistent = async (dir: string, total: Map<string, number>, confirmed: { orders: Set<string>; requests: Set<string> }) => {
  const db = database(dir)
  try {
    const orders = await db.orders()
    // The test's buyers order one line each: an order is whole with exactly that line.
    expect(orders.filter((o) => o.lines !== 1 || o.state === 'placing')).toEqual([])
    expect(orders.filter((o) => o.state === 'reserved' && o.reserved === 0)).toEqual([])
    for (const variant of await db.stock()) {
      expect(variant.stock).toBeGreaterThanOrEqual(0)
      expect({ variant: variant.id, total: variant.stock + variant.held }).toEqual({ variant: variant.id, total: total.get(variant.id) })
    }
    const numbers = new Set(orders.map((o) => o.number))
    expect([...confirmed.orders].filter((n) => !numbers.has(n))).toEqual([])

    const requests = await db.requests()
    expect(requests.filter((r) => r.incomplete || r.timeline !== 1 || r.attachments !== 1 || r.missingFiles > 0)).toEqual([])
    const references = new Set(requests.map((r) => r.reference))
    expect([...confirmed.requests].filter((r) => !references.has(r))).toEqual([])
    return { orders: orders.length, requests: requests.length, unreferencedFiles: await db.unreferencedFiles() }
  } finally {
    db.close()
  }
}

describe('kills in the middle', () => {
  it('leave no half-written order, stock reservation or service request, round after round, and the restarted server serves normally', async () => {
    const before = database(server.dir)
    // What each variant has in all (on the shelf + held by orders) must survive every kill unchanged.
    const total = new Map((await before.stock()).map((v) => [v.id, v.stock + v.held]))
    before.close()
    const confirmed = { orders: new Set<string>(), requests: new Set<string>() }
    let preparesCut = 0

    // Each round pulls the plug at another moment, with 6 checkouts and 3 submissions in flight.
    for (const afterMs of [300, 700, 1200, 1800, 2500, 3300, 4200, 5200]) {
      // Products still in stock, so that checkouts are writing orders when the kill comes.
      const products = (await stockedProducts(server.url)).slice(0, 3)
      const client = siteClient(server.url)
      // Forms the server kept (files included) whose confirmation was cut off by the kill.
      const unconfirmed: NonNullable<Awaited<ReturnType<typeof client.prepare>>>[] = []
      const submission = async () => {
        const prepared = await client.prepare()
        if (!prepared) throw new Error('the form was not kept')
        try {
          return await client.submit(prepared)
        } catch (err) {
          unconfirmed.push(prepared)
          throw err
        }
      }
      const killed = new Promise<void>((resolve) => server.process.once('exit', () => resolve()))
      const inFlight = Promise.all([
        repeat(6, Date.now() + 60_000, (i) => client.order(products[i % products.length], 1 + (i % 2))),
        repeat(3, Date.now() + 60_000, submission),
      ])
      await new Promise((r) => setTimeout(r, afterMs))
      server.process.kill('SIGKILL')
      await killed
      const [orders, requests] = await inFlight
      expect(orders.failures + requests.failures).toBeGreaterThan(0)
      for (const o of orders) if (o.number) confirmed.orders.add(o.number)
      for (const r of requests) if (r.reference) confirmed.requests.add(r.reference)
      preparesCut += requests.failures - unconfirmed.length

      await server.restart()
      await expectConsistent(server.dir, total, confirmed)

      // The residents send their cut-off confirmation again (the browser kept it): it goes through, files and all.
      const again = siteClient(server.url)
      for (const prepared of unconfirmed) {
        const sent = await again.submit(prepared)
        expect(sent.reference).toBeTruthy()
        confirmed.requests.add(sent.reference!)
      }
      const state = await expectConsistent(server.dir, total, confirmed)
      // Left over: only the files of forms whose checking was itself cut off, for the daily purge of unclaimed files.
      expect(state.unreferencedFiles.length).toBeLessThanOrEqual(preparesCut)
      const undone = /Recovered from an interrupted run: .*/.exec(server.output())?.[0] ?? 'nothing to undo'
      console.info(
        `[kill after ${afterMs} ms] ${undone}; ${state.orders} orders, ${state.requests} requests, ${unconfirmed.length} confirmations sent again, ${state.unreferencedFiles.length} unclaimed files`,
      )
    }

    // The restarted server takes orders and requests as before.
    expect((await fetch(server.url)).status).toBe(200)
    const restarted = siteClient(server.url)
    const available = (await stockedProducts(server.url))[0]
    expect((await restarted.order(available, 1)).number).toBeTruthy()
    expect((await restarted.request()).reference).toBeTruthy()
  }, 900_000)
})
