import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { formFieldsOf, prepareAnswers, submitRequest } from '../../cms/resident-services/requests'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
import { smtpInbox } from '../support/smtp'
import { setEnvironment } from '../../cms/lib/config'

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

it('emails the resident a record on submission and a message on every status change', async () => {
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
  await deliverEmails(payload)
  await expect.poll(() => inbox.length).toBe(1)
  expect(inbox[0].to).toEqual(['siti@warga.test'])
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
  // The outbox sends queued mails side by side: find the "returned" message by its content.
  const returned = inbox.map((mail) => mail.text).find((text) => text.includes('Perlu Dilengkapi'))
  expect(returned).toContain('Mohon unggah foto KTP yang lebih jelas.')
  expect(returned).not.toContain(applicant.nik)
})

it('writes to a resident who applied in English in English, from the confirmation to every status change', async () => {
  const { docs } = await payload.find({
    collection: 'services',
    where: { slug: { equals: 'keterangan-domisili' } },
    locale: 'en',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const service = docs[0]
  const answers = {
    ...applicant,
    email: 'ayu@visitor.test',
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1990-08-05',
    sejak_tahun: '2015',
    keperluan: 'Work',
    pernyataan: 'on',
  }
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)])
  const prepared = await prepareAnswers(
    formFieldsOf(service, 'en'),
    answers,
    { foto_ktp: { name: 'ktp.pdf', data: pdf, size: pdf.length } },
    [],
  )
  const request = await submitRequest(payload, service, answers, prepared.files, null, 'en')
  expect(request.locale).toBe('en')
  const mailTo = (subject: string) => inbox.find((mail) => mail.to.includes('ayu@visitor.test') && mail.subject === subject)

  await deliverEmails(payload)
  await expect.poll(() => mailTo(`Request ${request.reference} received: ${service.name}`)).toBeDefined()
  const received = mailTo(`Request ${request.reference} received: ${service.name}`)!.text
  expect(received).toContain(`We have received your request for ${service.name}.`)
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
  expect(new URL(returned.whatsappLink!).searchParams.get('text')).toMatch(
    new RegExp(
      `^Request ${request.reference}: the status is now "Needs more information"\\.\\nMessage from the officer: Please upload a sharper photo\\.`,
    ),
  )
  await deliverEmails(payload)
  await expect.poll(() => mailTo(`Request ${request.reference}: Needs more information`)).toBeDefined()
  expect(mailTo(`Request ${request.reference}: Needs more information`)!.text).toContain(
    'Message from the officer: Please upload a sharper photo.',
  )
  expect(mailTo(`Request ${request.reference}: Being checked`)).toBeDefined()
})
