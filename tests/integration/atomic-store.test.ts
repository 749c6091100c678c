import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { atomicStore, type AtomicStore } from '../../cms/instances/atomicStore'
import { startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
import { createProduct, placingOrder } from '../support/shop'

/**
 * The contract of the atomic writes every app instance relies on (cms/instances/atomicStore.ts), on a SQLite file,
 * or on MongoDB when MONGODB_URL is set (a replica set, e.g. mongodb://127.0.0.1:27017/desa-contract?replicaSet=rs0).
 */
const mongodb = process.env.MONGODB_URL
setEnvironment({ DATABASE_URL: mongodb ?? `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-store-')), 'desa.db')}` })

setServiceKeys()

let payload: Payload
let store: AtomicStore
beforeAll(async () => {
  payload = await startPayload()
  store = atomicStore(payload)
})

const orderOf = (id: number | string) => payload.findByID({ collection: 'orders', id, depth: 0, overrideAccess: true })
const stockOf = async (productId: number | string) =>
  (await payload.findByID({ collection: 'products', id: productId, depth: 0, overrideAccess: true })).variants.map((v) => v.stock)
const lineClaim = (order: Awaited<ReturnType<typeof placingOrder>>, line = 0) => ({
  orderId: order.id,
  lineId: order.lines[line].id!,
  variantId: order.lines[line].variantId!,
  quantity: order.lines[line].quantity,
})

describe(`the atomic store on ${mongodb ? 'MongoDB' : 'SQLite'}`, () => {
  it('hands out every number of a sequence once, in order, however many ask at the same moment', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => store.nextInSequence('contract:a', 0)))
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(await store.nextInSequence('contract:b', 0)).toBe(1)
  })

  it('continues a new sequence after its floor, and a sequence behind its floor from the floor', async () => {
    expect(await store.nextInSequence('contract:c', 41)).toBe(42)
    expect(await store.nextInSequence('contract:c', 0)).toBe(43)
    expect(await store.nextInSequence('contract:c', 99)).toBe(100)
  })

  it('knows the instances whose lease runs, renews and ends leases, and forgets run-out ones', async () => {
    const now = Date.now()
    await store.renewLease('contract-a', now + 10_000)
    await store.renewLease('contract-b', now - 1)
    expect(await store.liveInstances(now)).toContain('contract-a')
    expect(await store.liveInstances(now)).not.toContain('contract-b')
    await store.renewLease('contract-b', now + 10_000)
    expect(await store.liveInstances(now)).toContain('contract-b')
    await store.endLease('contract-a')
    expect(await store.liveInstances(now)).not.toContain('contract-a')
    await store.renewLease('contract-c', now - 1)
    await store.dropExpiredLeases(now)
    expect(await store.liveInstances(now - 10)).not.toContain('contract-c')
  })

  it('gives the content changes after a position in order, and keeps the latest when forgetting old ones', async () => {
    const start = await store.latestChange()
    await store.recordChange('contract-a', ['products:1', 'products'], 1_000)
    await store.recordChange('contract-b', ['*'], 2_000)
    const changes = await store.changesAfter(start, 10)
    expect(changes.map(({ instance, tags }) => ({ instance, tags }))).toEqual([
      { instance: 'contract-a', tags: ['products:1', 'products'] },
      { instance: 'contract-b', tags: ['*'] },
    ])
    expect(changes[1].id).toBeGreaterThan(changes[0].id)
    expect(await store.latestChange()).toBe(changes[1].id)
    expect(await store.changesAfter(changes[0].id, 10)).toHaveLength(1)
    await store.forgetChanges(Date.now())
    expect(await store.latestChange()).toBe(changes[1].id)
    await store.recordChange('contract-a', ['news'], 3_000)
    expect((await store.changesAfter(changes[1].id, 10)).map((c) => c.tags)).toEqual([['news']])
  })

  it('lets one caller only claim a waiting job', async () => {
    const job = await payload.jobs.queue({ task: 'sendEmail', queue: 'contract', input: { to: 'a@desa.test', subject: 'x', text: 'y' } })
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimJob(job.id)))
    expect(claims.filter(Boolean)).toHaveLength(1)
  })

  it('counts a window exactly under concurrent additions, never below zero, and starts a new window when it ran out', async () => {
    const now = 1_000_000_000
    const counters = await Promise.all(Array.from({ length: 20 }, () => store.addToWindow('contract:hits', 1, 10_000, now)))
    expect(counters.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(counters.every((c) => c.resetAt === now + 10_000)).toBe(true)
    expect((await store.addToWindow('contract:hits', -50, 10_000, now)).count).toBe(0)
    expect(await store.addToWindow('contract:hits', 3, 10_000, now + 10_000)).toEqual({ count: 3, resetAt: now + 20_000 })
    expect(await store.readCounter('contract:hits', now + 19_999)).toEqual({ count: 3, resetAt: now + 20_000 })
    expect(await store.readCounter('contract:hits', now + 20_000)).toBeNull()
  })

  it('swaps a counter only from the state it was read in, and forgets removed and run-out counters', async () => {
    const now = 2_000_000_000
    expect(await store.swapCounter('contract:cas', null, { count: 1, resetAt: now + 1000 }, now)).toBe(true)
    expect(await store.swapCounter('contract:cas', null, { count: 1, resetAt: now + 1000 }, now)).toBe(false)
    const current = await store.readCounter('contract:cas', now)
    const both = await Promise.all([1, 2].map(() => store.swapCounter('contract:cas', current, { count: 2, resetAt: now + 2000 }, now)))
    expect(both.filter(Boolean)).toHaveLength(1)
    // Once run out, it counts as none.
    expect(await store.swapCounter('contract:cas', null, { count: 1, resetAt: now + 9000 }, now + 5000)).toBe(true)
    await store.removeCounter('contract:cas')
    expect(await store.readCounter('contract:cas', now)).toBeNull()
    await store.addToWindow('contract:old', 1, 10, now)
    await store.addToWindow('contract:young', 1, 60_000, now)
    await store.dropExpiredCounters(now + 10)
    expect(await store.swapCounter('contract:old', null, { count: 7, resetAt: now + 100 }, 0)).toBe(true)
    expect(await store.readCounter('contract:young', now + 10)).toMatchObject({ count: 1 })
  })
})

describe(`site visits on ${mongodb ? 'MongoDB' : 'SQLite'}`, () => {
  const viewsOf = async (village: number, day: string) =>
    (await payload.find({ collection: 'site-visits', where: { key: { equals: `${village}|${day}` } }, overrideAccess: true })).docs[0]
      ?.views
  it("adds every instance's page views of a village and day exactly, apart from other days and villages", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.addVisits(7, '2026-12-03', i % 2 ? 2 : 1)))
    await store.addVisits(7, '2026-12-04', 5)
    await store.addVisits(8, '2026-12-03', 3)
    expect(await viewsOf(7, '2026-12-03')).toBe(60)
    expect(await viewsOf(7, '2026-12-04')).toBe(5)
    expect(await viewsOf(8, '2026-12-03')).toBe(3)
  })
})

describe(`stock moves on ${mongodb ? 'MongoDB' : 'SQLite'}`, () => {
  it('lets concurrent checkouts take only the units on the shelf, each recorded on its line, never below zero', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const orders = await Promise.all(Array.from({ length: 8 }, () => placingOrder(payload, product, [1])))
    const taken = await Promise.all(orders.map((order) => store.takeLineStock(lineClaim(order))))
    expect(taken.filter(Boolean)).toHaveLength(5)
    expect(await stockOf(product.id)).toEqual([0])
    for (const [i, order] of orders.entries()) expect((await orderOf(order.id)).lines[0].reserved).toBe(taken[i] ? 1 : 0)
  })

  it('takes nothing for an order no longer being placed', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const order = await placingOrder(payload, product, [2])
    expect(await store.advanceReservation(order.id, 'placing')).toBe(true)
    expect(await store.takeLineStock(lineClaim(order))).toBe(false)
    expect(await stockOf(product.id)).toEqual([5])
  })

  it('discards an order still being placed with the stock its lines recorded, once', async () => {
    const product = await createProduct(payload, [
      { price: 10_000, stock: 5 },
      { price: 10_000, stock: 5 },
    ])
    const order = await placingOrder(payload, product, [2, 3])
    expect(await store.takeLineStock(lineClaim(order, 0))).toBe(true)
    expect(await stockOf(product.id)).toEqual([3, 5])
    const discards = await Promise.all([1, 2].map(() => store.discardPlacingOrder(order.id)))
    expect(discards.filter(Boolean)).toHaveLength(1)
    expect(await stockOf(product.id)).toEqual([5, 5])
    expect((await payload.count({ collection: 'orders', where: { id: { equals: order.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('moves a reservation forward once, whoever asks first: placing → reserved → sold', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const order = await placingOrder(payload, product, [1])
    expect(await store.advanceReservation(order.id, 'reserved')).toBe(false)
    expect((await Promise.all([1, 2].map(() => store.advanceReservation(order.id, 'placing')))).filter(Boolean)).toHaveLength(1)
    expect((await Promise.all([1, 2].map(() => store.advanceReservation(order.id, 'reserved')))).filter(Boolean)).toHaveLength(1)
    expect((await orderOf(order.id)).reservation?.state).toBe('sold')
    expect(await store.discardPlacingOrder(order.id)).toBe(false)
  })

  it('releases a reservation once, its units back on the shelf and its lines holding nothing', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const order = await placingOrder(payload, product, [4])
    await store.takeLineStock(lineClaim(order))
    await store.advanceReservation(order.id, 'placing')
    const held = await orderOf(order.id)
    const releases = await Promise.all([1, 2, 3].map(() => store.releaseReservation(held)))
    expect(releases.filter(Boolean)).toHaveLength(1)
    expect(await stockOf(product.id)).toEqual([5])
    expect((await orderOf(order.id)).lines[0].reserved).toBe(0)
    expect((await orderOf(order.id)).reservation?.state).toBe('released')
  })

  it('takes a released order back only when every line can be had, and then all of it', async () => {
    const product = await createProduct(payload, [
      { price: 10_000, stock: 5 },
      { price: 10_000, stock: 5 },
    ])
    const order = await placingOrder(payload, product, [2, 3])
    for (const line of [0, 1]) await store.takeLineStock(lineClaim(order, line))
    await store.advanceReservation(order.id, 'placing')
    await store.releaseReservation(await orderOf(order.id))
    // Meanwhile someone else bought most of the second variant.
    const other = await placingOrder(payload, product, [0, 4])
    expect(await store.takeLineStock(lineClaim(other, 1))).toBe(true)
    expect(await store.retakeReservation(await orderOf(order.id))).toBe(false)
    expect(await stockOf(product.id)).toEqual([5, 1])
    expect((await orderOf(order.id)).reservation?.state).toBe('released')

    expect(await store.discardPlacingOrder(other.id)).toBe(true)
    const released = await orderOf(order.id)
    expect((await Promise.all([1, 2].map(() => store.retakeReservation(released)))).filter(Boolean)).toHaveLength(1)
    expect(await stockOf(product.id)).toEqual([3, 2])
    const sold = await orderOf(order.id)
    expect(sold.reservation?.state).toBe('sold')
    expect(sold.lines.map((line) => line.reserved)).toEqual([2, 3])
  })
})

describe(`a submitted request on ${mongodb ? 'MongoDB' : 'SQLite'}`, () => {
  it('counts once its single completing write is made', async () => {
    await seedServiceCatalog(payload)
    const service = await serviceBySlug(payload, 'keterangan-domisili')
    const request = await payload.create({
      collection: 'service-requests',
      data: {
        reference: 'CNTRCT23',
        service: service.id,
        status: 'submitted',
        applicantName: applicant.nama,
        nik: applicant.nik,
        phone: applicant.telepon,
        phoneLast4: '7890',
        incomplete: true,
      },
      overrideAccess: true,
      context: { skipAudit: true },
    })
    await store.completeRequest(request.id)
    expect((await payload.findByID({ collection: 'service-requests', id: request.id, overrideAccess: true })).incomplete).toBe(false)
  })
})
