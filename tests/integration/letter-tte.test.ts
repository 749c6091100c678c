import { setEnvironment } from '../../cms/lib/config'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAuthenticLetterFile, signedLetterPdf } from '../../cms/resident-services/letters'
import type { Letter, User, Village } from '../../cms/payload-types'
import { inVillage } from '../../cms/villages/current'
import { startFakeTte } from '../support/fakeTte'
import { createUser, startPayload, actingAs, staffOf } from '../support/payload'
import { pdfSignatures, pdfText } from '../support/pdf'
import { headCertificateFile, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'

let payload: Payload
let officer: User
let head: User
let tte: Awaited<ReturnType<typeof startFakeTte>>
setServiceKeys()

const account = { username: 'desa-sungai-lestari', password: 'rahasia-klien', nik: '6402011203850001', passphrase: 'Passphrase#Kades1' }

/** Another village's head, with their own account at the same TTE service. */
const sukamajuHead = { nik: '6402015506800002', passphrase: 'Passphrase#Sukamaju' }

beforeAll(async () => {
  tte = await startFakeTte({ ...account, p12File: headCertificateFile('H. ABDUL KARIM', 'sandi-bsre'), p12Passphrase: 'sandi-bsre' }, [
    { ...sukamajuHead, p12File: headCertificateFile('HJ. RAHMAWATI', 'sandi-bsre-2'), p12Passphrase: 'sandi-bsre-2' },
  ])
  // A village with a BSrE certificate switches by configuration alone.
  setEnvironment({
    LETTER_SIGNER: 'tte',
    LETTER_TTE_URL: tte.url,
    LETTER_TTE_USERNAME: account.username,
    LETTER_TTE_PASSWORD: account.password,
    LETTER_TTE_NIK: account.nik,
    LETTER_TTE_PASSPHRASE: account.passphrase,
  })
  payload = await startPayload()
  await seedServiceCatalog(payload)
  officer = await createUser(payload, 'officer')
  head = await createUser(payload, 'head')
})

afterAll(() => tte?.close())

describe('signing through a remote TTE provider (BSrE-style)', () => {
  it("posts the letter, the head's NIK and passphrase and a visible QR at the letter's QR box, and keeps the PDF it returns", async () => {
    const done = await (await sktmAwaitingSignature(payload, officer, 'Siti Nurhaliza Ṣāliḥ Đặng')).sign(head)
    expect(done.status).toBe('done')
    const call = tte.calls.at(-1)!
    expect(call.path).toBe('/api/v2/sign/pdf')
    expect(call.authorization).toBe(`Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`)
    expect(call.body).toMatchObject({ nik: account.nik, passphrase: account.passphrase })
    const [property] = call.body.signatureProperties as Record<string, unknown>[]
    expect(property).toMatchObject({ tampilan: 'VISIBLE', page: 1, width: 80, height: 80, location: 'Sungai Lestari' })
    expect(
      Buffer.from(property.imageBase64 as string, 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    const sent = Buffer.from((call.body.file as string[])[0], 'base64')
    expect(pdfText(sent)).toContain('Siti Nurhaliza Ṣāliḥ Đặng')
    expect(pdfSignatures(sent)).toEqual([])

    const letter = await payload.findByID({ collection: 'letters', id: (done.letter as Letter).id ?? done.letter, overrideAccess: true })
    const pdf = (await signedLetterPdf(letter))!
    expect(pdfSignatures(pdf)[0]).toMatchObject({ commonName: 'H. ABDUL KARIM', validation: 'Signature is Valid.', wholeFile: true })
    expect(await isAuthenticLetterFile(payload, letter.verificationCode, pdf)).toBe(true)
  })

  it("refuses the head's signature with the provider's reason when the passphrase is wrong, and nothing is signed", async () => {
    const { request, sign } = await sktmAwaitingSignature(payload, officer, 'Budi Santoso')
    setEnvironment({ LETTER_TTE_PASSPHRASE: 'salah' })
    try {
      await expect(sign(head)).rejects.toThrow(
        /Layanan tanda tangan elektronik \(TTE\) tidak menandatangani surat: layanan menjawab HTTP 400: Passphrase anda salah/,
      )
    } finally {
      setEnvironment({ LETTER_TTE_PASSPHRASE: account.passphrase })
    }
    const after = await payload.findByID({ collection: 'service-requests', id: request.id, depth: 1, overrideAccess: true })
    expect(after.status).toBe('awaitingSignature')
    expect((after.letter as Letter).pdfFile).toBeFalsy()
  })

  it('says the service cannot be reached when it does not answer', async () => {
    const { sign } = await sktmAwaitingSignature(payload, officer, 'Budi Santoso')
    setEnvironment({ LETTER_TTE_URL: 'http://127.0.0.1:9' })
    try {
      await expect(sign(head)).rejects.toThrow(/layanan tidak dapat dihubungi/)
    } finally {
      setEnvironment({ LETTER_TTE_URL: tte.url })
    }
  })
})

describe("each village's head at the TTE service", () => {
  let sukamaju: Village
  let adminOfSukamaju: User
  const signInSukamaju = async () =>
    inVillage({ id: sukamaju.id, slug: sukamaju.slug }, async () =>
      (await sktmAwaitingSignature(payload, await staffOf(payload, sukamaju, 'officer'), 'Siti Aminah')).sign(
        await staffOf(payload, sukamaju, 'head'),
      ),
    )

  beforeAll(async () => {
    sukamaju = await payload.create({
      collection: 'villages',
      data: { name: 'Desa Sukamaju', slug: 'sukamaju', status: 'active' },
      overrideAccess: true,
    })
    await inVillage({ id: sukamaju.id, slug: sukamaju.slug }, () => seedServiceCatalog(payload, { name: 'Desa Sukamaju' }))
    adminOfSukamaju = await staffOf(payload, sukamaju, 'admin')
  })

  it("signs a village's letters with its own head's NIK and passphrase, installed by its administrator and shown masked", async () => {
    const refused = await payload
      .create({
        collection: 'letter-signing',
        data: { tteNik: '6402 0155', ttePassphrase: 'x', village: sukamaju.id },
        ...actingAs(adminOfSukamaju),
      })
      .catch((err) => err)
    expect(refused.data.errors).toEqual([expect.objectContaining({ path: 'tteNik', message: expect.stringMatching(/16 digit/) })])

    const installed = await payload.create({
      collection: 'letter-signing',
      data: { tteNik: sukamajuHead.nik, ttePassphrase: sukamajuHead.passphrase, village: sukamaju.id },
      ...actingAs(adminOfSukamaju),
    })
    expect(installed.tteNikShown).toBe('640201******0002')
    expect(JSON.stringify(installed)).not.toContain(sukamajuHead.passphrase)
    expect(JSON.stringify(installed)).not.toContain(sukamajuHead.nik)

    const done = await signInSukamaju()
    expect(tte.calls.at(-1)!.body).toMatchObject(sukamajuHead)
    const letter = await payload.findByID({ collection: 'letters', id: (done.letter as Letter).id ?? done.letter, overrideAccess: true })
    expect(pdfSignatures((await signedLetterPdf(letter))!)[0]).toMatchObject({
      commonName: 'HJ. RAHMAWATI',
      validation: 'Signature is Valid.',
    })
  })

  it('is refused with the reason when the server has no TTE service, and never falls back to another village’s head', async () => {
    setEnvironment({ LETTER_SIGNER: 'local' })
    try {
      await expect(signInSukamaju()).rejects.toThrow(/server belum tersambung ke layanan TTE/)
    } finally {
      setEnvironment({ LETTER_SIGNER: 'tte' })
    }
  })
})
