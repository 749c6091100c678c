import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { findTracked, residentTransition } from '../../cms/resident-services/requests'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { applicant, domicileRequest, seedServiceCatalog, setServiceKeys } from '../support/services'
import { smtpInbox } from '../support/smtp'

/** When the resident answers a returned request, what they wrote is theirs: never "Pesan petugas". */
const smtp = smtpInbox()
const inbox = smtp.mails
let payload: Payload

beforeAll(async () => {
  setEnvironment({ SMTP_URL: `smtp://127.0.0.1:${await smtp.listen()}`, EMAIL_FROM: 'layanan@desa.test' })
  setServiceKeys()
  payload = await startPayload()
  await seedServiceCatalog(payload)
})

afterAll(() => smtp.close())

it("labels the resident's reply as theirs in the timeline and in the email, and the officer's message as the officer's", async () => {
  const { request } = await domicileRequest(payload, { email: 'siti@warga.test' })
  const officer = { ...(await createUser(payload, 'officer')), collection: 'users' as const }
  for (const [nextStatus, transitionNote] of [
    ['checking', null],
    ['returned', 'Mohon unggah foto KTP yang lebih jelas.'],
  ] as const) {
    await payload.update({
      collection: 'service-requests',
      id: request.id,
      data: { nextStatus, transitionNote },
      user: officer,
      overrideAccess: false,
    })
  }
  await residentTransition(payload, request.id, 'checking', 'Sudah saya unggah ulang.')
  await deliverEmails(payload)
  await expect.poll(() => inbox.length).toBe(4)

  const mail = (text: string) => inbox.map((m) => m.text).find((t) => t.includes(text))!
  expect(mail('Mohon unggah foto KTP')).toContain('Pesan petugas: Mohon unggah foto KTP yang lebih jelas.')
  expect(mail('Sudah saya unggah ulang.')).toContain('Tanggapan Anda: Sudah saya unggah ulang.')
  expect(mail('Sudah saya unggah ulang.')).not.toContain('Pesan petugas')

  const tracked = await findTracked(payload, request.reference, applicant.telepon.slice(-4), 'id')
  expect(tracked!.timeline.map((t) => [t.status, t.note, t.byResident])).toEqual([
    ['submitted', null, true],
    ['checking', null, false],
    ['returned', 'Mohon unggah foto KTP yang lebih jelas.', false],
    ['checking', 'Sudah saya unggah ulang.', true],
  ])
})
