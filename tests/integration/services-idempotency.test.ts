import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { isUniqueClash } from '../../cms/lib/uniqueClash'
import { submitRequest, validSubmissionKey } from '../../cms/resident-services/requests'
import { startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'

let payload: Payload
setServiceKeys()

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
})

const answers = {
  ...applicant,
  tempat_lahir: 'Tenggarong',
  tanggal_lahir: '1990-08-05',
  sejak_tahun: '2015',
  keperluan: 'Melamar pekerjaan',
  pernyataan: 'on',
}
const count = async (submissionKey: string) =>
  (await payload.count({ collection: 'service-requests', where: { submissionKey: { equals: submissionKey } }, overrideAccess: true }))
    .totalDocs

describe('a submission sent more than once', () => {
  it('is stored once and every send gets the same reference, even when the sends arrive together', async () => {
    const service = await serviceBySlug(payload, 'pengantar-skck')
    const key = crypto.randomUUID()
    const sends = await Promise.all([1, 2, 3].map(() => submitRequest(payload, service, answers, [], key)))
    expect(new Set(sends.map((r) => r.reference)).size).toBe(1)
    expect((await submitRequest(payload, service, answers, [], key)).reference).toBe(sends[0].reference)
    expect(await count(key)).toBe(1)
  })

  it('makes a new request for each submission without a key (the form without JavaScript)', async () => {
    const service = await serviceBySlug(payload, 'pengantar-skck')
    const first = await submitRequest(payload, service, answers, [])
    const second = await submitRequest(payload, service, answers, [])
    expect(first.reference).not.toBe(second.reference)
  })

  it('accepts only keys in the shape the browser makes', () => {
    expect(validSubmissionKey('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e')
    expect(validSubmissionKey('')).toBeNull()
    expect(validSubmissionKey('x'.repeat(36))).toBeNull()
    expect(validSubmissionKey(null)).toBeNull()
  })
})

describe('a reference drawn twice', () => {
  it('is recognised as a clash on the reference, whatever the language of the error, so a new one is drawn', async () => {
    const service = await serviceBySlug(payload, 'pengantar-skck')
    const first = await submitRequest(payload, service, answers, [])
    const { id: _id, createdAt: _c, updatedAt: _u, submissionKey: _k, ...copy } = first
    const clash = await payload
      .create({ collection: 'service-requests', data: copy, overrideAccess: true, locale: 'id' })
      .catch((err: unknown) => err)
    expect(isUniqueClash(clash, 'reference')).toBe(true)
    expect(isUniqueClash(clash, 'submissionKey')).toBe(false)
    expect(isUniqueClash(new Error('UNIQUE constraint failed'), 'reference')).toBe(false)
  })
})
