import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Letter, LetterSigning, User, Village } from '../../cms/payload-types'
import { createVillageCa, issueHeadCertificate } from '../../cms/resident-services/certificates'
import { signedLetterPdf } from '../../cms/resident-services/letters'
import { inVillage } from '../../cms/villages/current'
import { actingAs, startPayload, staffOf } from '../support/payload'
import { pdfSignatures, pdfText } from '../support/pdf'
import { seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'

let payload: Payload
let first: Village
let sukamaju: Village
let batuAmpar: Village
setServiceKeys()

const ref = (village: Village) => ({ id: village.id, slug: village.slug })
const addVillage = async (name: string, slug: string) => {
  const village = await payload.create({
    collection: 'villages',
    data: { name, slug, status: 'active', domains: [{ host: `${slug}.localhost` }] },
    overrideAccess: true,
  })
  await inVillage(ref(village), () => seedServiceCatalog(payload, { name, kabupaten: 'Kutai Kartanegara', kecamatan: 'Tenggarong' }))
  return village
}

/** A head's certificate as an authority hands it out, as the admin's file field sends it (base64). */
const certificateFile = (commonName: string, passphrase: string, validity?: { now: Date; years: number }) => {
  const ca = createVillageCa('Desa Sukamaju')
  return issueHeadCertificate(ca, { commonName, organization: 'Desa Sukamaju' }, passphrase, validity).p12.toString('base64')
}

/** The village's officer moves an SKTM to awaiting signature and its head signs it. */
const signInVillage = async (village: Village, officer: User, head: User) =>
  inVillage(ref(village), async () => (await sktmAwaitingSignature(payload, officer, 'Siti Aminah')).sign(head))

const letterPdfOf = async (requestLetter: unknown) => {
  const id = typeof requestLetter === 'object' ? (requestLetter as Letter).id : (requestLetter as number)
  return (await signedLetterPdf(await payload.findByID({ collection: 'letters', id, overrideAccess: true })))!
}

const refusal = (run: Promise<unknown>) => run.then(() => null).catch((err) => err)

let adminOfSukamaju: User
let installed: LetterSigning

beforeAll(async () => {
  payload = await startPayload()
  ;[first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await seedServiceCatalog(payload)
  sukamaju = await addVillage('Desa Sukamaju', 'sukamaju')
  batuAmpar = await addVillage('Desa Batu Ampar', 'batu-ampar')
  adminOfSukamaju = await staffOf(payload, sukamaju, 'admin')
  installed = await payload.create({
    collection: 'letter-signing',
    data: { certificateFile: certificateFile('Hj. Rahmawati', 'sandi-sukamaju'), passphrase: 'sandi-sukamaju', village: sukamaju.id },
    ...actingAs(adminOfSukamaju),
  })
})

describe("a village's own signing certificate", () => {
  it('is installed by the village administrator: what it says is shown, the file and passphrase never', async () => {
    expect(installed).toMatchObject({ holder: 'Hj. Rahmawati', organization: 'Desa Sukamaju', issuer: 'CA Desa Sukamaju' })
    expect(new Date(installed.validUntil!).getTime()).toBeGreaterThan(Date.now())
    const read = await payload.findByID({ collection: 'letter-signing', id: installed.id, ...actingAs(adminOfSukamaju) })
    expect(Object.keys(read)).not.toEqual(expect.arrayContaining(['p12Sealed']))
    expect(read).not.toHaveProperty('passphraseSealed')
    expect(read).not.toHaveProperty('passphrase')
    const stored = await payload.db.findOne<LetterSigning>({ collection: 'letter-signing', where: { id: { equals: installed.id } } })
    expect(stored?.p12Sealed).toMatch(/^v1:/)
    expect(JSON.stringify(stored)).not.toContain('sandi-sukamaju')
  })

  it("signs that village's letters in its head's name, while the first village keeps the install's certificate", async () => {
    const officer = await staffOf(payload, sukamaju, 'officer')
    const head = await staffOf(payload, sukamaju, 'head', 'Hj. Rahmawati')
    const done = await signInVillage(sukamaju, officer, head)
    const pdf = await letterPdfOf(done.letter)
    expect(pdfSignatures(pdf)[0]).toMatchObject({ commonName: 'Hj. Rahmawati', validation: 'Signature is Valid.' })
    // Checked on the village's own site, though the head signed it from no host of it.
    expect(pdfText(pdf)).toMatch(/Verifikasi: http:\/\/sukamaju\.localhost(:\d+)?\/verifikasi\/[A-Z0-9]+/)

    const firstDone = await signInVillage(
      first,
      await staffOf(payload, first, 'officer'),
      await staffOf(payload, first, 'head', 'H. Abdul Karim'),
    )
    expect(pdfSignatures(await letterPdfOf(firstDone.letter))[0]).toMatchObject({ commonName: 'H. Abdul Karim' })
  })

  it("is never borrowed: a village without one cannot sign with the install's, and its head is told how to install one", async () => {
    const officer = await staffOf(payload, batuAmpar, 'officer')
    const head = await staffOf(payload, batuAmpar, 'head')
    const err = await refusal(signInVillage(batuAmpar, officer, head))
    expect(err?.status).toBe(400)
    expect(err?.message ?? JSON.stringify(err?.data)).toMatch(/belum memasang sertifikat tanda tangan/)
  })

  it('refuses, on the field and in words, a wrong passphrase, a file that is no certificate and an expired certificate', async () => {
    const adminOfBatuAmpar = await staffOf(payload, batuAmpar, 'admin')
    const install = (data: Record<string, string>) =>
      refusal(payload.create({ collection: 'letter-signing', data: { ...data, village: batuAmpar.id }, ...actingAs(adminOfBatuAmpar) }))
    const wrong = await install({ certificateFile: certificateFile('Kades', 'benar'), passphrase: 'salah' })
    const photo = await install({ certificateFile: Buffer.from('\xff\xd8\xff\xe0 bukan sertifikat').toString('base64'), passphrase: 'x' })
    const lapsed = await install({
      certificateFile: certificateFile('Kades', 'lama', { now: new Date('2020-01-01'), years: 1 }),
      passphrase: 'lama',
    })
    const nothing = await install({ passphrase: 'x' })
    for (const err of [wrong, photo]) {
      expect(err?.status).toBe(400)
      expect(err.data.errors).toEqual([expect.objectContaining({ path: 'certificateFile', message: expect.stringMatching(/kata sandi/) })])
    }
    expect(lapsed.data.errors).toEqual([
      expect.objectContaining({ path: 'certificateFile', message: expect.stringMatching(/31 Desember 2020/) }),
    ])
    expect(nothing.data.errors).toEqual([
      expect.objectContaining({ path: 'certificateFile', message: expect.stringMatching(/Pilih berkas/) }),
    ])
    expect(
      (await payload.count({ collection: 'letter-signing', where: { village: { equals: batuAmpar.id } }, overrideAccess: true })).totalDocs,
    ).toBe(0)
  })

  it('is renewed by a new file; a save that sends no file keeps the installed one, and what it says cannot be forged', async () => {
    const kept = await payload.update({
      collection: 'letter-signing',
      id: installed.id,
      data: { holder: 'Orang Lain', p12Sealed: 'v1:palsu' },
      ...actingAs(adminOfSukamaju),
    })
    expect(kept.holder).toBe('Hj. Rahmawati')
    const wrongPassphrase = await refusal(
      payload.update({ collection: 'letter-signing', id: installed.id, data: { passphrase: 'bukan-ini' }, ...actingAs(adminOfSukamaju) }),
    )
    expect(wrongPassphrase.data.errors).toEqual([expect.objectContaining({ path: 'passphrase' })])
    const renewed = await payload.update({
      collection: 'letter-signing',
      id: installed.id,
      data: { certificateFile: certificateFile('Rahmat Hidayat', 'sandi-baru'), passphrase: 'sandi-baru' },
      ...actingAs(adminOfSukamaju),
    })
    expect(renewed.holder).toBe('Rahmat Hidayat')
    const done = await signInVillage(
      sukamaju,
      await staffOf(payload, sukamaju, 'officer'),
      await staffOf(payload, sukamaju, 'head', 'Rahmat Hidayat'),
    )
    expect(pdfSignatures(await letterPdfOf(done.letter))[0]).toMatchObject({
      commonName: 'Rahmat Hidayat',
      validation: 'Signature is Valid.',
    })
  })

  it("is seen only by the village's administrators: not its officer, head or editor, nor another village's administrator", async () => {
    for (const role of ['officer', 'head', 'editor'] as const) {
      const staff = await staffOf(payload, sukamaju, role)
      const found = await refusal(payload.find({ collection: 'letter-signing', ...actingAs(staff) }))
      expect(found?.status, role).toBe(403)
    }
    const adminOfFirst = await staffOf(payload, first, 'admin')
    const theirs = await payload.find({
      collection: 'letter-signing',
      where: { village: { equals: sukamaju.id } },
      ...actingAs(adminOfFirst),
    })
    expect(theirs.totalDocs).toBe(0)
    const changed = await refusal(
      payload.update({ collection: 'letter-signing', id: installed.id, data: { passphrase: 'x' }, ...actingAs(adminOfFirst) }),
    )
    expect([403, 404]).toContain(changed?.status)
  })
})
