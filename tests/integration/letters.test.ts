import { config, setEnvironment } from '../../cms/lib/config'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { isAuthenticLetterFile, signedLetterPdf } from '../../cms/resident-services/letters'
import type { Letter, User } from '../../cms/payload-types'
import { createUser, startPayload } from '../support/payload'
import { pdfInfo, pdfSignatures, pdfText } from '../support/pdf'

/** The letter's words with line wrapping undone. */
const flowing = (pdf: Uint8Array) => pdfText(pdf).replace(/\s+/g, ' ')
import { headCertificateFile, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'
import { currentSigningKey, generateSigningKey } from '../../cms/resident-services/signing'
import { writeFileSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

let payload: Payload
let officer: User
let head: User
setServiceKeys()

const UNICODE_NAME = 'Siti Nurhaliza Ṣāliḥ Đặng'

/** A letter requested, processed and signed by the head: the letter and its PDF. */
const signedSktm = async (name = UNICODE_NAME) => {
  const done = await (await sktmAwaitingSignature(payload, officer, name)).sign(head)
  const letter = await payload.findByID({ collection: 'letters', id: (done.letter as Letter).id ?? done.letter, overrideAccess: true })
  return { letter, pdf: (await signedLetterPdf(letter))! }
}

let first: Awaited<ReturnType<typeof signedSktm>>

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
  officer = await createUser(payload, 'officer')
  head = await payload.update({
    collection: 'users',
    id: (await createUser(payload, 'head')).id,
    data: { name: 'H. Abdul Karim' },
    overrideAccess: true,
  })
  first = await signedSktm()
})

describe('the text of a signed letter', () => {
  it('prints the applicant’s name exactly as typed, in any script Latin writes it', () => {
    expect(pdfText(first.pdf)).toContain(`Nama: ${UNICODE_NAME}`)
    expect(pdfText(first.pdf)).not.toContain('?')
  })

  it('prints list items with their bullets', () => {
    expect(pdfText(first.pdf)).toMatch(/^\s*•\s+NIK: 6402014508900003$/m)
  })

  it('prints a select answer by its label and a date written out', () => {
    const text = flowing(first.pdf)
    expect(text).toContain('bantuan Kesehatan: Berobat')
    expect(text).toContain('Tenggarong, 1 Januari 1999')
    expect(text).not.toContain('1999-01-01')
  })

  it('names the head’s position once: "Kepala Desa Sungai Lestari"', () => {
    const text = flowing(first.pdf)
    expect(text).toContain('Kepala Desa Sungai Lestari')
    expect(text).not.toMatch(/Desa\s+Desa/)
  })

  it('is dated, as a file, the moment it was signed', () => {
    expect(pdfInfo(first.pdf).CreationDate?.slice(0, 10)).toBe(first.letter.signedAt!.slice(0, 10))
  })
})

describe("the head's signature inside the PDF", () => {
  it('is listed by pdfsig as a valid signature by the head over the whole file', () => {
    const [signature, ...others] = pdfSignatures(first.pdf)
    expect(others).toEqual([])
    expect(signature).toMatchObject({ commonName: 'H. Abdul Karim', validation: 'Signature is Valid.', wholeFile: true })
  })

  it('reports a one-byte change, as the website check does', async () => {
    const changed = Buffer.from(first.pdf)
    changed[200] ^= 1
    expect(pdfSignatures(changed)[0].validation).not.toBe('Signature is Valid.')
    expect(await isAuthenticLetterFile(payload, first.letter.verificationCode, changed)).toBe(false)
    expect(await isAuthenticLetterFile(payload, first.letter.verificationCode, first.pdf)).toBe(true)
  })

  it('keeps verifying letters signed before a new certificate and record key are installed', async () => {
    // The retired record key's public half goes to LETTER_VERIFY_KEYS_FILE, as the README says.
    const retired = { [config().letterSigning.keyId!]: currentSigningKey()!.publicKeyPem }
    const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-keys-')), 'retired.json')
    writeFileSync(keysFile, JSON.stringify(retired))
    const next = generateSigningKey('uji-2')
    setEnvironment({
      LETTER_SIGNING_KEY: next.privateKeyPem,
      LETTER_SIGNING_KEY_ID: next.keyId,
      LETTER_VERIFY_KEYS_FILE: keysFile,
      LETTER_SIGNING_P12_FILE: headCertificateFile('Hj. Nur Aini', 'sandi-baru'),
      LETTER_SIGNING_P12_PASSPHRASE: 'sandi-baru',
    })

    const second = await signedSktm('Budi Santoso')
    expect(second.letter.keyId).toBe('uji-2')
    expect(pdfSignatures(second.pdf)[0]).toMatchObject({ commonName: 'Hj. Nur Aini', validation: 'Signature is Valid.' })
    expect(await isAuthenticLetterFile(payload, second.letter.verificationCode, second.pdf)).toBe(true)
    // The older letter still carries, and is checked against, what it was signed with.
    expect(pdfSignatures(first.pdf)[0]).toMatchObject({ commonName: 'H. Abdul Karim', validation: 'Signature is Valid.' })
    expect(await isAuthenticLetterFile(payload, first.letter.verificationCode, first.pdf)).toBe(true)
  })
})
