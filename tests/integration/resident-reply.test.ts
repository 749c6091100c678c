import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { findTracked, formFieldsOf, prepareAnswers, residentTransition, submitRequest } from '../../cms/resident-services/requests'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
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
