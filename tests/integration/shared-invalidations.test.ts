import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { atomicStore } from '../../cms/instances/atomicStore'
import { SharedInvalidations } from '../../cms/instances/sharedInvalidations'
import { documentTag, EVERYTHING } from '../../cms/page-cache/tags'
import { startPayload } from '../support/payload'

/** The page cache's invalidations of two app instances on one database file (polls run by hand here). */
setEnvironment({ DATABASE_URL: `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-shared-')), 'desa.db')}` })
let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})

const twoInstances = async () => {
  const [a, b] = [new SharedInvalidations(atomicStore(payload), 'a'), new SharedInvalidations(atomicStore(payload), 'b')]
  await a.start()
  await b.start()
  a.stop()
  b.stop()
  return [a, b]
}

it("makes the pages another instance rendered before a save out of date once it polled, and only those with the save's tags", async () => {
  const [a, b] = await twoInstances()
  const product = documentTag('products', 1)
  const news = documentTag('news', 1)
  const rendered = b.mark()
  await a.invalidate([product])
  expect(a.changedSince([product], rendered)).toBe(true)
  expect(b.changedSince([product], rendered)).toBe(false)
  await b.poll()
  expect(b.changedSince([product], rendered)).toBe(true)
  expect(b.changedSince([news], rendered)).toBe(false)
  // A page rendered after it heard of the save is current.
  expect(b.changedSince([product], b.mark())).toBe(false)
})

it('does not apply its own saves a second time when it reads them back', async () => {
  const [a] = await twoInstances()
  await a.invalidate([documentTag('news', 2)])
  const rendered = a.mark()
  await a.poll()
  expect(a.changedSince([documentTag('news', 2)], rendered)).toBe(false)
})

it('drops every page when it could not read the changes for longer than they are kept', async () => {
  const [, b] = await twoInstances()
  const rendered = b.mark()
  await b.poll(Date.now() + 11 * 60_000)
  expect(b.changedSince([documentTag('pages', 1)], rendered)).toBe(true)
  expect(b.changedSince([EVERYTHING], b.mark())).toBe(false)
})
