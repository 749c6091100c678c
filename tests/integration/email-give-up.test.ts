import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { deliverEmails, startPayload } from '../support/payload'
import { freePort } from '../support/server'
import { domicileRequest, seedServiceCatalog, setServiceKeys } from '../support/services'

let payload: Payload
beforeAll(async () => {
  // A mail server that never answers: nothing listens on this port.
  setEnvironment({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` })
  setServiceKeys()
  payload = await startPayload()
  await seedServiceCatalog(payload)
})
afterAll(async () => {
  vi.useRealTimers()
  await payload.destroy()
  setEnvironment({ SMTP_URL: undefined })
})

it("gives up on a resident's email after its last retry and writes the failure on the request for the officer", async () => {
  const { request } = await domicileRequest(payload, { email: 'siti@warga.test' })
  const job = async () =>
    (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, overrideAccess: true })).docs[0]
  const problems = async () =>
    (await payload.findByID({ collection: 'service-requests', id: request.id, depth: 0, overrideAccess: true })).deliveryProblems ?? []

  // Every retry fails; each one waits for its backoff, the last about an hour.
  vi.useFakeTimers({ toFake: ['Date'] })
  for (let attempt = 0; attempt < 20 && !(await job()).hasError; attempt++) {
    await deliverEmails(payload)
    if (attempt === 0) expect(await problems()).toEqual([])
    vi.setSystemTime(Date.now() + 2 * 3600_000)
  }
  vi.useRealTimers()

  const given = await job()
  expect(given.hasError).toBe(true)
  // The first try and its twelve retries.
  expect(given.totalTried).toBe(13)
  expect(given.completedAt ?? null).toBeNull()
  expect(await problems()).toEqual([expect.objectContaining({ channel: 'email', to: 'siti@warga.test', error: expect.any(String) })])
  // Given up for good: a later run tries nothing and writes nothing more.
  const tried = given.totalTried
  await deliverEmails(payload)
  expect((await job()).totalTried).toBe(tried)
  expect(await problems()).toHaveLength(1)
})
