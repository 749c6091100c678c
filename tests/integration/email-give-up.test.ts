import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { formFieldsOf, prepareAnswers, submitRequest } from '../../cms/resident-services/requests'
import { deliverEmails, startPayload } from '../support/payload'
import { freePort } from '../support/server'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'

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
  const service = await serviceBySlug(payload, 'keterangan-domisili')
  const answers = {
    ...applicant,
    email: 'siti@warga.test',
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1990-08-05',
    sejak_tahun: '2015',
    keperluan: 'Kerja',
    pernyataan: 'on',
  }
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)])
  const prepared = await prepareAnswers(formFieldsOf(service), answers, { foto_ktp: { name: 'ktp.pdf', data: pdf, size: pdf.length } }, [])
  const request = await submitRequest(payload, service, answers, prepared.files)
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
