import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'
import { signedLetterPdf } from '../../cms/resident-services/letters'
import { submitRequest } from '../../cms/resident-services/requests'
import { createUser, startPayload } from '../support/payload'
import { pdfText } from '../support/pdf'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'

let payload: Payload

beforeAll(async () => {
  setServiceKeys()
  payload = await startPayload()
  await seedServiceCatalog(payload)
})

it("prints a NIK answer of the service's form in clear on the signed letter, while the database holds it encrypted, through status changes and corrections", async () => {
  const service = await serviceBySlug(payload, 'keterangan-kematian')
  const nikOfTheDeceased = '6402011203450007'
  const request = await submitRequest(
    payload,
    service,
    {
      ...applicant,
      nama_almarhum: 'Budi Santoso',
      nik_almarhum: nikOfTheDeceased,
      tanggal_meninggal: '2026-01-05',
      tempat_meninggal: 'Tenggarong',
      hubungan: 'Anak',
      pernyataan: 'on',
    },
    [],
  )
  const stored = await payload.db.findOne<{ id: number; answers: unknown }>({
    collection: 'service-requests',
    where: { id: { equals: request.id } },
  })
  expect(JSON.stringify(stored!.answers)).not.toContain(nikOfTheDeceased)

  const officer = { ...(await createUser(payload, 'officer')), collection: 'users' as const }
  const head = { ...(await createUser(payload, 'head')), collection: 'users' as const }
  await payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { nextStatus: 'checking' },
    user: officer,
    overrideAccess: false,
  })
  // The officer corrects another answer, sending back the answers as they read them (the NIK in clear).
  const read = await payload.findByID({ collection: 'service-requests', id: request.id, user: officer, overrideAccess: false })
  expect((read.answers as Record<string, string>).nik_almarhum).toBe(nikOfTheDeceased)
  await payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { answers: { ...(read.answers as Record<string, string>), tempat_meninggal: 'Samarinda' } },
    user: officer,
    overrideAccess: false,
  })
  for (const [user, nextStatus] of [
    [officer, 'processing'],
    [officer, 'awaitingSignature'],
    [head, 'done'],
  ] as const)
    await payload.update({ collection: 'service-requests', id: request.id, data: { nextStatus }, user, overrideAccess: false })
  const done = await payload.findByID({
    collection: 'service-requests',
    id: request.id,
    depth: 1,
    overrideAccess: true,
    context: { skipAudit: true },
  })
  const letter = done.letter && typeof done.letter === 'object' ? done.letter : null
  const text = pdfText((await signedLetterPdf(letter!))!)
  expect(text).toContain(nikOfTheDeceased)
  expect(text).toContain('Budi Santoso')
  expect(text).toContain('Samarinda')
})
