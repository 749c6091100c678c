import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ServiceRequest, User } from '../../cms/payload-types'
import { decryptNik } from '../../cms/resident-services/nikCrypto'
import { createUser, startPayload, actingAs } from '../support/payload'
import { seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'

/**
 * Officers, the village head and administrators correct a typo in what the resident sent (the applicant's
 * data and the answers) until the letter is signed; every correction is in the audit log with what it
 * was and what it became. What the workflow recorded cannot be changed, and the API says so.
 */
let payload: Payload
let officer: User
let head: User
setServiceKeys()

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
  officer = await createUser(payload, 'officer')
  head = await createUser(payload, 'head')
})

const correct = (request: ServiceRequest, data: Record<string, unknown>, user: User = officer) =>
  payload.update({ collection: 'service-requests', id: request.id, data: data, ...actingAs(user) })

const stored = (id: number) =>
  payload.db.findOne<ServiceRequest & { nikEncrypted: string }>({ collection: 'service-requests', where: { id: { equals: id } } })

const auditOf = async (id: number) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: { and: [{ request: { equals: id } }, { action: { equals: 'correct' } }] },
      sort: 'id',
      limit: 50,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

describe('an officer correcting a request before it is signed', () => {
  it("changes the applicant's name, NIK, phone, email, address and answers, and logs each change", async () => {
    const { request } = await sktmAwaitingSignature(payload, officer, 'Siti Aminh')
    const changed = await correct(request, {
      applicantName: 'Siti Aminah',
      nik: '6402015508900004',
      phone: '0813 1111 2222',
      email: 'siti@contoh.id',
      address: 'RT 03, Dusun Hilir',
      answers: { ...(request.answers as object), pekerjaan: 'Pedagang', jenis_bantuan: 'pendidikan' },
    })
    expect(changed).toMatchObject({
      applicantName: 'Siti Aminah',
      nikMasked: '640201******0004',
      phone: '0813 1111 2222',
      email: 'siti@contoh.id',
      address: 'RT 03, Dusun Hilir',
      status: 'awaitingSignature',
    })
    expect(changed.answers).toMatchObject({ pekerjaan: 'Pedagang', jenis_bantuan: 'pendidikan', tempat_lahir: 'Tenggarong' })
    const row = await stored(request.id)
    expect(decryptNik(row!.nikEncrypted)).toBe('6402015508900004')
    expect(JSON.stringify(row)).not.toContain('6402015508900004')
    expect(row!.phoneLast4).toBe('2222')

    const log = await auditOf(request.id)
    expect(log.map((e) => [e.detail, e.before, e.after])).toEqual([
      ['Nama pemohon', 'Siti Aminh', 'Siti Aminah'],
      ['NIK', '640201******0003', '640201******0004'],
      ['Nomor HP', '0812 3456 7890', '0813 1111 2222'],
      ['Email', null, 'siti@contoh.id'],
      ['Alamat', 'RT 02, Dusun Hulu', 'RT 03, Dusun Hilir'],
      ['Pekerjaan', 'Petani', 'Pedagang'],
      ['Untuk bantuan', 'Kesehatan', 'Pendidikan'],
    ])
    expect(log.every((e) => e.user === officer.id)).toBe(true)
    expect(JSON.stringify(log)).not.toContain('6402015508900004')
  })

  it('accepts the whole document sent back unchanged, as the admin saves it, and logs nothing', async () => {
    const { request } = await sktmAwaitingSignature(payload, officer, 'Budi Santoso')
    const { id: _id, ...current } = await payload.findByID({
      collection: 'service-requests',
      id: request.id,
      depth: 0,
      ...actingAs(officer),
    })
    const saved = await correct(request, { ...current, transitionNote: 'Dicek ulang' })
    expect(saved.applicantName).toBe('Budi Santoso')
    expect(await auditOf(request.id)).toEqual([])
  })

  it('refuses a correction that breaks the form, saying which field is wrong', async () => {
    const { request } = await sktmAwaitingSignature(payload, officer, 'Rina Wati')
    await expect(correct(request, { nik: '12345' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('NIK') })
    await expect(correct(request, { answers: { ...(request.answers as object), jenis_bantuan: 'rumah' } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Untuk bantuan'),
    })
    await expect(correct(request, { answers: { ...(request.answers as object), hobi: 'Memancing' } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('hobi'),
    })
    await expect(correct(request, { applicantName: '  ' })).rejects.toMatchObject({ status: 400 })
    expect((await stored(request.id))!.applicantName).toBe('Rina Wati')
  })

  it('says which fields cannot be changed, instead of reporting success', async () => {
    const { request } = await sktmAwaitingSignature(payload, officer, 'Dewi Lestari')
    await expect(correct(request, { reference: 'ABCDEFGH' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Nomor referensi'),
    })
    await expect(correct(request, { status: 'done' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Status') })
    await expect(correct(request, { dueDate: '2000-01-01', timeline: [] })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/Tenggat \(WITA\).*Riwayat/),
    })
    const row = await stored(request.id)
    expect(row).toMatchObject({ reference: request.reference, status: 'awaitingSignature', dueDate: request.dueDate })
    expect(row!.timeline).toHaveLength(4)
  })

  it('is refused once the head has signed, with a clear message, and the letter keeps what was signed', async () => {
    const { request, sign } = await sktmAwaitingSignature(payload, officer, 'Ahmad Yani')
    await sign(head)
    await expect(correct(request, { applicantName: 'Ahmad Yani Putra' })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('sudah ditandatangani'),
    })
    await expect(correct(request, { applicantName: 'Ahmad Yani Putra' }, head)).rejects.toMatchObject({ status: 409 })
    expect((await stored(request.id))!.applicantName).toBe('Ahmad Yani')
  })

  it('is not mixed with the signature: the head saves the correction first', async () => {
    const { request } = await sktmAwaitingSignature(payload, officer, 'Yusuf Habibi')
    await expect(correct(request, { applicantName: 'Yusuf Habibie', nextStatus: 'done' }, head)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('Simpan koreksi'),
    })
    const fixed = await correct(request, { applicantName: 'Yusuf Habibie' }, head)
    expect(fixed.applicantName).toBe('Yusuf Habibie')
    expect((await correct(request, { nextStatus: 'done' }, head)).status).toBe('done')
  })
})
