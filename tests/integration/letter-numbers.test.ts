import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'
import { issueLetter } from '../../cms/resident-services/letters'
import { formFieldsOf, prepareAnswers, submitRequest } from '../../cms/resident-services/requests'
import { startPayload } from '../support/payload'
import { startAnotherInstance } from '../support/anotherInstanceProcess'
import type { Service } from '../../cms/payload-types'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
import { setEnvironment } from '../../cms/lib/config'

// Concurrency is only meaningful on a real database file, as in production.
setEnvironment({ DATABASE_URL: `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-letters-')), 'desa.db')}` })
setServiceKeys()
let payload: Payload

const permitAnswers = {
  ...applicant,
  nama_acara: 'Syukuran',
  tanggal_acara: '2026-12-20',
  tempat_acara: 'Balai desa',
  jumlah_tamu: '150',
  pernyataan: 'on',
}

/** The permit's ID card scan, stored as the form stores it. */
const permitFiles = async (service: Service) => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)])
  return (await prepareAnswers(formFieldsOf(service), permitAnswers, { foto_ktp: { name: 'ktp.pdf', data: pdf, size: pdf.length } }, []))
    .files
}

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
})

it('gives 20 letters issued at the same moment 20 distinct, consecutive numbers', async () => {
  const service = await serviceBySlug(payload, 'izin-keramaian')
  const requests = []
  for (let i = 0; i < 20; i++) requests.push(await submitRequest(payload, service, permitAnswers, await permitFiles(service)))
  const letters = await Promise.all(requests.map((r) => issueLetter(payload, r.id)))
  const sequences = letters.map((l) => l.sequence).sort((a, b) => a - b)
  expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  expect(new Set(letters.map((l) => l.number)).size).toBe(20)
  expect(letters.find((l) => l.sequence === 7)!.number).toMatch(/^331\.1\/007\/64\.02\.21\.2007\/[IVX]+\/20\d\d$/)
})

it('gives letters issued at the same moment by two app processes on one database distinct numbers without gaps', async () => {
  const service = await serviceBySlug(payload, 'izin-keramaian')
  const ids = []
  for (let i = 0; i < 24; i++) ids.push((await submitRequest(payload, service, permitAnswers, await permitFiles(service))).id)
  const other = await startAnotherInstance()
  const [theirs, ours] = await Promise.all([
    other.send<number[]>(`letters ${ids.slice(12).join(',')}`),
    Promise.all(ids.slice(0, 12).map((id) => issueLetter(payload, id))),
  ])
  other.stop()
  const sequences = [...theirs, ...ours.map((letter) => letter.sequence)].sort((a, b) => a - b)
  // The first test issued 1–20.
  expect(sequences).toEqual(Array.from({ length: 24 }, (_, i) => 21 + i))
}, 120_000)
