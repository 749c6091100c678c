import { setEnvironment } from '../../cms/lib/config'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAuthenticLetterFile, signedLetterPdf } from '../../cms/resident-services/letters'
import type { Letter, User } from '../../cms/payload-types'
import { startFakeTte } from '../support/fakeTte'
import { createUser, startPayload } from '../support/payload'
import { pdfSignatures, pdfText } from '../support/pdf'
import { headCertificateFile, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'

let payload: Payload
let officer: User
let head: User
let tte: Awaited<ReturnType<typeof startFakeTte>>
setServiceKeys()

const account = { username: 'desa-sungai-lestari', password: 'rahasia-klien', nik: '6402011203850001', passphrase: 'Passphrase#Kades1' }

beforeAll(async () => {
  tte = await startFakeTte({ ...account, p12File: headCertificateFile('H. ABDUL KARIM', 'sandi-bsre'), p12Passphrase: 'sandi-bsre' })
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
