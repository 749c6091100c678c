import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { isLetterToken } from '../../cms/resident-services/letterLink'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { applicant, domicileRequest, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'
import { smtpInbox } from '../support/smtp'
import { setEnvironment } from '../../cms/lib/config'
import { saveSettings } from '../support/villageDocuments'

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

it('emails the resident a record on submission and a message on every status change, each greeting them and naming the service', async () => {
  const { request } = await domicileRequest(payload, { email: 'siti@warga.test' })
  await deliverEmails(payload)
  await expect.poll(() => inbox.length).toBe(1)
  expect(inbox[0].to).toEqual(['siti@warga.test'])
  // EMAIL_FROM gives the address only: the mail comes from the village, by the name in its settings.
  expect(inbox[0].from).toBe('Desa Sungai Lestari <layanan@desa.test>')
  expect(inbox[0].sender).toBe('layanan@desa.test')
  expect(inbox[0].text).toContain('Yth. Siti Aminah,\n\nPermohonan Surat Keterangan Domisili Anda sudah kami terima.')
  expect(inbox[0].text).toContain(`Nomor referensi: ${request.reference}`)
  expect(inbox[0].text).toMatch(/Perkiraan selesai: .+ \(2 hari kerja, WITA\)/)
  expect(inbox[0].text).toContain('Lacak di http://localhost:3000/layanan/lacak ')

  const officer = { ...(await createUser(payload, 'officer')), collection: 'users' as const }
  await payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { nextStatus: 'checking' },
    user: officer,
    overrideAccess: false,
  })
  await payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { nextStatus: 'returned', transitionNote: 'Mohon unggah foto KTP yang lebih jelas.' },
    user: officer,
    overrideAccess: false,
  })
  await deliverEmails(payload)
  await expect.poll(() => inbox.length).toBe(3)
  // The outbox sends queued mails side by side: find the "returned" message by its subject.
  const returned = inbox.find((mail) => mail.subject === `Permohonan ${request.reference} (Surat Keterangan Domisili): Perlu Dilengkapi`)
  expect(returned?.from).toBe('Desa Sungai Lestari <layanan@desa.test>')
  expect(returned?.text).toContain(
    `Yth. Siti Aminah,\n\nPermohonan Surat Keterangan Domisili Anda (nomor referensi ${request.reference}) sekarang berstatus "Perlu Dilengkapi".\nPesan petugas: Mohon unggah foto KTP yang lebih jelas.\nLacak di http://localhost:3000/layanan/lacak `,
  )
  expect(returned?.text).not.toContain(applicant.nik)
})

it('writes to a resident who applied in English in English, from the confirmation to every status change', async () => {
  const { service, request } = await domicileRequest(payload, { email: 'ayu@visitor.test', locale: 'en' })
  expect(request.locale).toBe('en')
  const mailTo = (subject: string) => inbox.find((mail) => mail.to.includes('ayu@visitor.test') && mail.subject === subject)

  await deliverEmails(payload)
  await expect.poll(() => mailTo(`Request ${request.reference} received: ${service.name}`)).toBeDefined()
  const received = mailTo(`Request ${request.reference} received: ${service.name}`)!.text
  expect(received).toContain(`Dear Siti Aminah,\n\nWe have received your request for ${service.name}.`)
  expect(received).toContain(`Reference: ${request.reference}`)
  expect(received).toMatch(/Expected by: [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4} \(2 working days, WITA\)\./)
  expect(received).toContain('/en/layanan/lacak with your reference and the last 4 digits of your phone number.')

  const officer = { ...(await createUser(payload, 'officer')), collection: 'users' as const }
  await payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { nextStatus: 'checking' },
    user: officer,
    overrideAccess: false,
  })
  const returned = await payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { nextStatus: 'returned', transitionNote: 'Please upload a sharper photo.' },
    user: officer,
    overrideAccess: false,
  })
  expect(new URL(returned.whatsappLink!).searchParams.get('text')).toBe(
    `Dear Siti Aminah,\n\nYour request for ${service.name} (reference ${request.reference}) is now "Needs more information".\n` +
      'Message from the officer: Please upload a sharper photo.\n' +
      'Track it at http://localhost:3000/en/layanan/lacak with your reference and the last 4 digits of your phone number.',
  )
  await deliverEmails(payload)
  const subject = (status: string) => `Request ${request.reference} (${service.name}): ${status}`
  await expect.poll(() => mailTo(subject('Needs more information'))).toBeDefined()
  expect(mailTo(subject('Needs more information'))!.text).toContain(
    `Dear Siti Aminah,\n\nYour request for ${service.name} (reference ${request.reference}) is now "Needs more information".\nMessage from the officer: Please upload a sharper photo.`,
  )
  expect(mailTo(subject('Being checked'))!.text).toContain(`Your request for ${service.name}`)
})

it('tells the resident on Selesai where and how to download the signed letter', async () => {
  const officer = await createUser(payload, 'officer')
  const head = await createUser(payload, 'head')
  const { request, sign } = await sktmAwaitingSignature(payload, officer, 'Siti Nurhaliza Ṣāliḥ Đặng', { email: 'nurhaliza@warga.test' })
  await sign(head)
  await deliverEmails(payload)
  const subject = `Permohonan ${request.reference} (Surat Keterangan Tidak Mampu (SKTM)): Selesai`
  await expect.poll(() => inbox.map((mail) => mail.subject)).toContain(subject)
  const done = inbox.find((mail) => mail.subject === subject)!.text
  expect(done).toContain('Yth. Siti Nurhaliza Ṣāliḥ Đặng,\n\nPermohonan Surat Keterangan Tidak Mampu (SKTM) Anda')
  const link = /Unduh suratnya \(PDF\) di:\n(\S+)\n/.exec(done)?.[1]
  expect(link).toMatch(new RegExp(`^http://localhost:3000/layanan/lacak/surat\\?ref=${request.reference}&t=`))
  expect(isLetterToken(request.reference, new URL(link!).searchParams.get('t')!)).toBe(true)
  expect(done).toContain(
    'Atau buka http://localhost:3000/layanan/lacak, masukkan nomor referensi dan 4 digit terakhir nomor HP Anda, lalu pilih "Unduh surat yang sudah ditandatangani (PDF)".',
  )
})

it('sends from the name and address EMAIL_FROM gives, as one well-formed From header', async () => {
  const officer = await createUser(payload, 'officer')
  setEnvironment({ EMAIL_FROM: 'Kantor Desa <desa@example.id>' })
  const { request } = await sktmAwaitingSignature(payload, officer, 'Budi Santoso', { email: 'budi@warga.test' })
  await deliverEmails(payload)
  await expect.poll(() => inbox.filter((mail) => mail.subject.includes(request.reference)).length).toBe(4)
  for (const mail of inbox.filter((m) => m.subject.includes(request.reference))) {
    expect(mail.from).toBe('Kantor Desa <desa@example.id>')
    expect(mail.sender).toBe('desa@example.id')
  }
  // A village name with a comma is quoted, not read as two addresses.
  setEnvironment({ EMAIL_FROM: 'desa@example.id' })
  await saveSettings(payload, { name: 'Desa Sungai, Lestari' })
  await payload.sendEmail({ to: 'uji@warga.test', subject: 'Uji pengirim', text: 'Uji.' })
  await expect.poll(() => inbox.find((mail) => mail.subject === 'Uji pengirim')?.from).toBe('"Desa Sungai, Lestari" <desa@example.id>')
  await saveSettings(payload, { name: 'Desa Sungai Lestari' })
  setEnvironment({ EMAIL_FROM: 'layanan@desa.test' })
})
