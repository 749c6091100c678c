import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { findTracked, prepareAnswers, residentTransition, submitRequest, formFieldsOf } from '../../cms/resident-services/requests'
import { REFERENCE_ALPHABET } from '../../cms/resident-services/reference'
import { isAuthenticLetterFile, letterFacts, signedLetterPdf } from '../../cms/resident-services/letters'
import { createUser, startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'

let payload: Payload
setServiceKeys()

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
})

const submitDomisili = async () => {
  const service = await serviceBySlug(payload, 'keterangan-domisili')
  const answers = {
    ...applicant,
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1990-08-05',
    sejak_tahun: '2015',
    keperluan: 'Melamar pekerjaan',
    pernyataan: 'on',
  }
  const png = await sharp({ create: { width: 32, height: 20, channels: 3, background: '#888' } })
    .png()
    .toBuffer()
  const prepared = await prepareAnswers(formFieldsOf(service), answers, { foto_ktp: { name: 'ktp.png', data: png, size: png.length } }, [])
  expect(prepared.ok).toBe(true)
  return submitRequest(payload, service, answers, prepared.files)
}

describe("a resident's request", () => {
  it('seeds eight services, each with a form and a letter template', async () => {
    const { docs } = await payload.find({ collection: 'services', limit: 50, overrideAccess: true })
    expect(docs.length).toBeGreaterThanOrEqual(8)
    for (const service of docs) {
      expect(service.form?.length).toBeGreaterThan(0)
      expect(JSON.stringify(service.letterTemplate)).toMatch(/\{\{nama\}\}|\{\{nama_/)
    }
  })

  it('gets an 8-character reference without look-alikes, a due date, and its NIK only encrypted', async () => {
    const request = await submitDomisili()
    expect(request.reference).toMatch(new RegExp(`^[${REFERENCE_ALPHABET}]{8}$`))
    expect(request.reference).not.toMatch(/[IOQZ01]/)
    expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(request.status).toBe('submitted')
    const raw = await payload.db.findOne<{ id: number; nikEncrypted: string; nikMasked: string }>({
      collection: 'service-requests',
      where: { id: { equals: request.id } },
    })
    expect(raw!.nikEncrypted).toMatch(/^v1:/)
    expect(JSON.stringify(raw)).not.toContain(applicant.nik)
    expect(raw!.nikMasked).toBe('640201******0003')
  })

  it('is tracked with its reference and the last 4 phone digits only, showing a masked name', async () => {
    const request = await submitDomisili()
    const tracked = await findTracked(payload, request.reference.toLowerCase(), '7890', 'id')
    expect(tracked?.maskedName).toBe('Si** Am****')
    expect(tracked?.cancellable).toBe(true)
    expect(await findTracked(payload, request.reference, '1234', 'id')).toBeNull()
    expect(await findTracked(payload, 'ABCDEFGH', '7890', 'id')).toBeNull()
  })

  it('can be cancelled by the resident before processing, and not after', async () => {
    const request = await submitDomisili()
    const cancelled = await residentTransition(payload, request.id, 'cancelled', null)
    expect(cancelled.status).toBe('cancelled')
    const other = await submitDomisili()
    const officer = await createUser(payload, 'officer')
    const asOfficer = { ...officer, collection: 'users' as const }
    await payload.update({
      collection: 'service-requests',
      id: other.id,
      data: { nextStatus: 'checking' },
      user: asOfficer,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'service-requests',
      id: other.id,
      data: { nextStatus: 'processing' },
      user: asOfficer,
      overrideAccess: false,
    })
    await expect(residentTransition(payload, other.id, 'cancelled', null)).rejects.toThrow(/tidak dapat diubah/)
  })
})

describe("the officers' workflow", () => {
  it('moves only along allowed transitions, records who, when and the note, and the head signs a verifiable letter', async () => {
    const request = await submitDomisili()
    const officer = { ...(await createUser(payload, 'officer')), collection: 'users' as const }
    const head = { ...(await createUser(payload, 'head')), collection: 'users' as const }
    const move = (user: typeof officer, nextStatus: string, transitionNote?: string) =>
      payload.update({
        collection: 'service-requests',
        id: request.id,
        data: { nextStatus, transitionNote } as never,
        user,
        overrideAccess: false,
      })

    await expect(move(officer, 'done')).rejects.toThrow(/tidak dapat diubah/)
    await move(officer, 'checking')
    await expect(move(officer, 'returned')).rejects.toThrow(/Tuliskan alasan/)
    await move(officer, 'returned', 'Foto KTP buram, mohon unggah ulang.')
    const tracked = await findTracked(payload, request.reference, '7890', 'id')
    expect(tracked?.returned).toBe(true)
    expect(tracked?.timeline.at(-1)?.note).toBe('Foto KTP buram, mohon unggah ulang.')
    await residentTransition(payload, request.id, 'checking', 'Sudah saya unggah ulang.')
    await move(officer, 'processing')
    const waiting = await move(officer, 'awaitingSignature')
    expect(waiting.letter).toBeTruthy()
    await expect(move(officer, 'done')).rejects.toThrow(/tidak berwenang/)
    const done = await move(head, 'done', 'Surat sudah ditandatangani.')
    expect(done.status).toBe('done')
    expect(done.timeline!.map((t) => t.status)).toEqual([
      'submitted',
      'checking',
      'returned',
      'checking',
      'processing',
      'awaitingSignature',
      'done',
    ])
    expect(done.timeline!.at(-1)).toMatchObject({ byName: head.name, note: 'Surat sudah ditandatangani.' })
    const raw = await payload.db.findOne<{ id: number; nikEncrypted: string }>({
      collection: 'service-requests',
      where: { id: { equals: request.id } },
    })
    expect(raw!.nikEncrypted).toMatch(/^v1:/)
    expect(done.whatsappLink).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/)
    // Without PUBLIC_URL the links are still whole addresses the resident can open: the letter's and the tracking page's.
    const text = new URL(done.whatsappLink!).searchParams.get('text')
    expect(text).toMatch(/Unduh suratnya \(PDF\) di:\nhttp:\/\/localhost:3000\/layanan\/lacak\/surat\?ref=[A-Z0-9]{8}&t=\S+\n/)
    expect(text).toContain('Atau buka http://localhost:3000/layanan/lacak, masukkan nomor referensi')

    const letter = await payload.findByID({
      collection: 'letters',
      id: typeof done.letter === 'object' ? done.letter!.id : done.letter!,
      overrideAccess: true,
    })
    expect(letter.number).toMatch(/^474\.4\/\d{3}\/64\.02\.21\.2007\/[IVX]+\/\d{4}$/)
    expect(letter.keyId).toBe('uji-1')
    const pdf = (await signedLetterPdf(letter))!
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(await isAuthenticLetterFile(payload, letter.verificationCode, pdf)).toBe(true)
    const tampered = Buffer.from(pdf)
    tampered[Math.floor(tampered.length / 2)] ^= 0x01
    expect(await isAuthenticLetterFile(payload, letter.verificationCode, tampered)).toBe(false)
    const facts = await letterFacts(payload, letter.verificationCode, 'id')
    expect(facts).toMatchObject({
      number: letter.number,
      maskedName: 'Si** Am****',
      purpose: 'Melamar pekerjaan',
      signedAt: letter.signedAt,
      signerName: head.name,
    })
    expect(JSON.stringify(facts)).not.toContain(applicant.nik)

    const audit = await payload.find({
      collection: 'audit-log',
      where: { request: { equals: request.id } },
      overrideAccess: true,
      limit: 100,
    })
    expect(audit.docs.filter((a) => a.action === 'change')).toHaveLength(6)
  })
})

describe('privacy', () => {
  it('purges attachments of finished requests after the retention period, as a scheduled Payload job', async () => {
    const { purgeAttachments } = await import('../../cms/resident-services/purge')
    const { config } = await import('../../cms/lib/config')
    const { existsSync } = await import('node:fs')
    const path = await import('node:path')
    const request = await submitDomisili()
    const file = request.attachments![0].file!
    expect(existsSync(path.join(config().privateDir, file))).toBe(true)
    await residentTransition(payload, request.id, 'cancelled', null)
    expect(await purgeAttachments(payload, new Date(), 30)).toBe(0)
    const later = new Date(Date.now() + 31 * 86_400_000)
    expect(await purgeAttachments(payload, later, 30)).toBeGreaterThanOrEqual(1)
    expect(existsSync(path.join(config().privateDir, file))).toBe(false)
    const after = await payload.findByID({ collection: 'service-requests', id: request.id, overrideAccess: true })
    expect(after.attachments![0]).toMatchObject({ file: null, label: 'Foto KTP' })
    expect(after.attachments![0].purgedAt).toBeTruthy()

    // An upload whose form was never confirmed goes within the hour (the job runs every 10 minutes); files of requests stay.
    const { savePrivateFile } = await import('../../cms/resident-services/privateFiles')
    const { purgeOrphanFiles } = await import('../../cms/resident-services/purge')
    const abandoned = await savePrivateFile(Buffer.from('%PDF-1.4'), 'application/pdf')
    const kept = (await submitDomisili()).attachments![0].file!
    expect(await purgeOrphanFiles(payload, new Date(Date.now() + 40 * 60_000))).toBe(0)
    expect(await purgeOrphanFiles(payload, new Date(Date.now() + 61 * 60_000))).toBeGreaterThanOrEqual(1)
    expect(existsSync(path.join(config().privateDir, abandoned))).toBe(false)
    expect(existsSync(path.join(config().privateDir, kept))).toBe(true)
    const { jobs } = await import('../../cms/jobs')
    expect(jobs.tasks?.find((task) => task.slug === 'purgeUnsubmittedFiles')?.schedule).toEqual([
      { cron: '0 */10 * * * *', queue: 'services' },
    ])

    const job = await payload.jobs.queue({ task: 'purgeAttachments', input: {}, queue: 'services' })
    await payload.jobs.runByID({ id: job.id })
    // Payload deletes a job once it completes; a failed one stays with its error.
    const left = await payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } }, overrideAccess: true })
    expect(left.totalDocs).toBe(0)
  })
})
