import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'
import { isUniqueClash } from '../../cms/lib/uniqueClash'
import { issueLetter } from '../../cms/resident-services/letters'
import { formFieldsOf, prepareAnswers, submitRequest } from '../../cms/resident-services/requests'
import { startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
import { setEnvironment } from '../../cms/lib/config'

// Concurrency is only meaningful on a real database file, as in production.
setEnvironment({ DATABASE_URL: `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-letters-')), 'desa.db')}` })
setServiceKeys()
let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
})

it('gives 20 letters issued at the same moment 20 distinct, consecutive numbers', async () => {
  const service = await serviceBySlug(payload, 'izin-keramaian')
  const answers = {
    ...applicant,
    nama_acara: 'Syukuran',
    tanggal_acara: '2026-12-20',
    tempat_acara: 'Balai desa',
    jumlah_tamu: '150',
    pernyataan: 'on',
  }
  const requests = []
  for (let i = 0; i < 20; i++) {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)])
    const prepared = await prepareAnswers(
      formFieldsOf(service),
      answers,
      { foto_ktp: { name: 'ktp.pdf', data: pdf, size: pdf.length } },
      [],
    )
    requests.push(await submitRequest(payload, service, answers, prepared.files))
  }
  const letters = await Promise.all(requests.map((r) => issueLetter(payload, r.id)))
  const sequences = letters.map((l) => l.sequence).sort((a, b) => a - b)
  expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  expect(new Set(letters.map((l) => l.number)).size).toBe(20)
  expect(letters.find((l) => l.sequence === 7)!.number).toMatch(/^331\.1\/007\/64\.02\.21\.2007\/[IVX]+\/20\d\d$/)
})

it('knows the refusal of a letter number another server instance took first, so issuing tries the next number', async () => {
  const [taken] = (await payload.find({ collection: 'letters', limit: 1, depth: 0, overrideAccess: true })).docs
  const refusal = await payload
    .create({
      collection: 'letters',
      data: { ...taken, id: undefined, verificationCode: 'BELUMADA23', sequence: taken.sequence + 100 },
      overrideAccess: true,
    })
    .catch((err: unknown) => err)
  expect(isUniqueClash(refusal, 'number')).toBe(true)
  expect(isUniqueClash(refusal, 'verificationCode')).toBe(false)
})
