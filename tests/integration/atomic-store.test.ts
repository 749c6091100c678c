import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { atomicStore, type AtomicStore } from '../../cms/instances/atomicStore'
import { startPayload } from '../support/payload'

/**
 * The contract of the atomic writes every app instance relies on (cms/instances/atomicStore.ts), on a SQLite file,
 * or on MongoDB when MONGODB_URL is set (a replica set, e.g. mongodb://127.0.0.1:27017/desa-contract?replicaSet=rs0).
 */
const mongodb = process.env.MONGODB_URL
setEnvironment({ DATABASE_URL: mongodb ?? `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-store-')), 'desa.db')}` })

let payload: Payload
let store: AtomicStore
beforeAll(async () => {
  payload = await startPayload()
  store = atomicStore(payload)
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
})
