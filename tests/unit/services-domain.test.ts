import { describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { translate } from '../../cms/messages'
import { applicantFields } from '../../cms/resident-services/applicantFields'
import { answerProblems, fieldProblem, isValidNik, type FormField } from '../../cms/resident-services/formFields'
import { lastFourDigits, maskName, maskNik } from '../../cms/resident-services/mask'
import { decryptNik, encryptNik } from '../../cms/resident-services/nikCrypto'
import { formatLetterNumber, romanMonth, unknownPlaceholders, DEFAULT_NUMBER_FORMAT } from '../../cms/resident-services/numbering'
import { newReference, normalizeReference, REFERENCE_ALPHABET } from '../../cms/resident-services/reference'
import { answerText, placeName } from '../../cms/resident-services/letterValues'
import { currentSigningKey, generateSigningKey, signPdf, verifyKeys, verifyPdf } from '../../cms/resident-services/signing'
import { assertTransition, FINAL_STATUSES, isCancellable, nextStatuses, STATUSES } from '../../cms/resident-services/status'
import { mergeFields, templateBlocks } from '../../cms/resident-services/template'
import { addWorkingDays, isOverdue, witaDate } from '../../cms/lib/wita'
import { parseEnvironment } from '../../cms/lib/config'
import { targetSize } from '../../site/islands/compressImage'

describe('references', () => {
  it('are 8 characters from an alphabet without I, O, Q, Z, 0 and 1', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[IOQZ01]/)
    const many = Array.from({ length: 5000 }, newReference)
    for (const ref of many) expect(ref).toMatch(/^[ABCDEFGHJKLMNPRSTUVWXY2-9]{8}$/)
    expect(new Set(many).size).toBe(many.length)
  })
  it('accept what residents type: lower case, spaces and dashes; refuse look-alikes', () => {
    expect(normalizeReference(' k7mx-4pra ')).toBe('K7MX4PRA')
    expect(normalizeReference('K7MX4PR0')).toBeNull()
    expect(normalizeReference('K7MX4P')).toBeNull()
  })
})

describe('the status machine', () => {
  it('allows only the listed transitions, to the listed actors', () => {
    expect(nextStatuses('submitted', 'officer')).toEqual(['checking', 'rejected'])
    expect(nextStatuses('awaitingSignature', 'officer')).toEqual([])
    expect(nextStatuses('awaitingSignature', 'head')).toContain('done')
    expect(FINAL_STATUSES).toEqual(['done', 'rejected', 'cancelled'])
    for (const final of FINAL_STATUSES) for (const s of STATUSES) expect(() => assertTransition(final, s, 'head', 'x')).toThrow()
    expect(() => assertTransition('submitted', 'done', 'officer')).toThrow(/cannot change from "Submitted" to "Done"/)
    expect(() => assertTransition('processing', 'cancelled', 'resident')).toThrow()
  })
  it('needs a note to return or reject a request', () => {
    expect(() => assertTransition('checking', 'returned', 'officer', '  ')).toThrow(/Write a reason/)
    expect(() => assertTransition('checking', 'returned', 'officer', 'Foto buram')).not.toThrow()
  })
  it('lets the resident cancel only before processing', () => {
    expect(STATUSES.filter(isCancellable)).toEqual(['submitted', 'checking', 'returned'])
  })
})

describe('letter numbers', () => {
  it('follow the default format with a 3-digit sequence and the Roman month in WITA', () => {
    // 31 Dec 2026 17:00 UTC is already 1 January 2027 in WITA.
    const issuedAt = new Date('2026-12-31T17:00:00Z')
    expect(formatLetterNumber(DEFAULT_NUMBER_FORMAT, { code: '474.4', sequence: 7, villageCode: '64.02.21.2007', issuedAt })).toBe(
      '474.4/007/64.02.21.2007/I/2027',
    )
    expect(romanMonth(9)).toBe('IX')
    expect(formatLetterNumber('[tahun]-[nomor]', { code: 'x', sequence: 1234, villageCode: 'y', issuedAt })).toBe('2027-1234')
    expect(unknownPlaceholders('[kode]/[nomer]')).toEqual(['nomer'])
  })
})

describe('working days in WITA', () => {
  it('skip weekends and holidays and count from the WITA date', () => {
    // Friday 23:30 WITA (15:30 UTC) + 2 working days → Tuesday.
    expect(addWorkingDays(new Date('2026-11-20T15:30:00Z'), 2)).toBe('2026-11-24')
    // Friday 16:30 UTC is already Saturday in WITA → Tuesday as well.
    expect(witaDate(new Date('2026-11-20T16:30:00Z'))).toBe('2026-11-21')
    expect(addWorkingDays(new Date('2026-12-23T02:00:00Z'), 3, ['2026-12-25'])).toBe('2026-12-29')
  })
  it('are overdue after midnight WITA of the due date', () => {
    expect(isOverdue('2026-11-24', new Date('2026-11-24T15:59:00Z'))).toBe(false)
    expect(isOverdue('2026-11-24', new Date('2026-11-24T16:00:01Z'))).toBe(true)
  })
})

describe('personal data', () => {
  it('encrypts a NIK with AES-256-GCM so a changed byte is detected', () => {
    setEnvironment({ NIK_ENCRYPTION_KEY: 'b'.repeat(64) })
    const stored = encryptNik('6402014508900003')
    expect(stored).not.toContain('6402014508900003')
    expect(encryptNik('6402014508900003')).not.toBe(stored)
    expect(decryptNik(stored)).toBe('6402014508900003')
    const bytes = Buffer.from(stored.slice(3), 'base64')
    bytes[bytes.length - 1] ^= 1
    expect(() => decryptNik(`v1:${bytes.toString('base64')}`)).toThrow()
  })
  it('masks names, NIK and keeps the last 4 phone digits', () => {
    expect(maskName('Siti  Aminah')).toBe('Si** Am****')
    expect(maskNik('6402014508900003')).toBe('640201******0003')
    expect(lastFourDigits('+62 812-3456-7890')).toBe('7890')
  })
})

describe('letter signatures', () => {
  it('verify only the exact PDF and survive key rotation', () => {
    const old = generateSigningKey('2025')
    const current = generateSigningKey('2026')
    const settings = { key: current.privateKeyPem, keyId: '2026' }
    const key = currentSigningKey(settings)!
    const pdf = Buffer.from('%PDF-1.7 surat keterangan')
    const signature = signPdf(pdf, key)
    expect(verifyPdf(pdf, signature, verifyKeys(settings)['2026'])).toBe(true)
    const changed = Buffer.from(pdf)
    changed[10] ^= 1
    expect(verifyPdf(changed, signature, verifyKeys(settings)['2026'])).toBe(false)
    expect(verifyPdf(pdf, signature, old.publicKeyPem)).toBe(false)
    const oldSignature = signPdf(pdf, currentSigningKey({ key: old.privateKeyPem, keyId: '2025' })!)
    expect(verifyPdf(pdf, oldSignature, old.publicKeyPem)).toBe(true)
  })
})

describe('how letters are signed', () => {
  it('is chosen by LETTER_SIGNER, local by default, and names what is missing', () => {
    expect(parseEnvironment({ LETTER_SIGNING_P12_FILE: '/etc/desa/kades.p12', LETTER_SIGNING_P12_PASSPHRASE: 'x' }).letterSigner).toEqual({
      kind: 'local',
      p12File: '/etc/desa/kades.p12',
      passphrase: 'x',
    })
    expect(parseEnvironment({}).letterSigner).toEqual({
      kind: 'unusable',
      problem: 'LETTER_SIGNING_P12_FILE is not set',
      noCertificate: true,
    })
    // The head's NIK and passphrase are the first village's; villages give their own in the admin.
    expect(parseEnvironment({ LETTER_SIGNER: 'tte', LETTER_TTE_URL: 'https://tte.example.id' }).letterSigner).toEqual({
      kind: 'tte',
      url: 'https://tte.example.id',
      username: '',
      password: '',
    })
    expect(
      parseEnvironment({
        LETTER_SIGNER: 'tte',
        LETTER_TTE_URL: 'https://tte.example.id',
        LETTER_TTE_NIK: '6402011203850001',
        LETTER_TTE_PASSPHRASE: 'p',
      }).letterSigner,
    ).toMatchObject({ kind: 'tte', head: { nik: '6402011203850001', passphrase: 'p' } })
    expect(parseEnvironment({ LETTER_SIGNER: 'tte' }).letterSigner).toEqual({
      kind: 'unusable',
      problem: 'LETTER_SIGNER=tte needs LETTER_TTE_URL',
    })
    expect(
      parseEnvironment({ LETTER_SIGNER: 'tte', LETTER_TTE_URL: 'https://tte.example.id', LETTER_TTE_NIK: '6402011203850001' }).letterSigner,
    ).toMatchObject({ kind: 'unusable', problem: expect.stringContaining('go together') })
    expect(parseEnvironment({ LETTER_SIGNER: 'bsre' }).letterSigner).toMatchObject({
      kind: 'unusable',
      problem: expect.stringContaining('local or tte'),
    })
  })
})

describe('letter text', () => {
  it('prints answers as people write them: select labels, dates in words, a ticked box as "Ya"', () => {
    const select = { type: 'select' as const, options: [{ value: 'belum_kawin', label: 'Belum kawin' }] }
    expect(answerText(select, 'belum_kawin')).toBe('Belum kawin')
    expect(answerText({ type: 'date' }, '1999-01-01')).toBe('1 Januari 1999')
    expect(answerText({ type: 'checkbox' }, 'on')).toBe('Ya')
    expect(answerText({ type: 'text' }, 'Petani')).toBe('Petani')
    expect(placeName('Desa Sungai Lestari')).toBe('Sungai Lestari')
  })

  it('keeps bold runs and list markers of the template, merge fields filled in', () => {
    const text = (t: string, format = 0) => ({ type: 'text', text: t, format })
    const template = {
      root: {
        children: [
          { type: 'paragraph', children: [text('Nama: '), text('{{nama}}', 1)] },
          { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('Satu')] }] },
          { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('Dua')] }] },
        ],
      },
    }
    expect(templateBlocks(template, { nama: 'Đặng' })).toEqual([
      {
        runs: [
          { text: 'Nama: ', bold: false },
          { text: 'Đặng', bold: true },
        ],
        heading: false,
      },
      { runs: [{ text: 'Satu', bold: false }], heading: false, marker: '1.' },
      { runs: [{ text: 'Dua', bold: false }], heading: false, marker: '•' },
    ])
  })
})

describe('form fields', () => {
  const field = (type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
    name: 'x',
    label: 'X',
    type,
    required: true,
    ...extra,
  })
  it('validate every field type', () => {
    expect(translate('id', fieldProblem(field('text'), '')!)).toBe('Isi X.')
    expect(fieldProblem(field('text', { required: false }), '')).toBeNull()
    expect(fieldProblem(field('textarea'), 'a'.repeat(2001))).not.toBeNull()
    expect(fieldProblem(field('number'), '12,5')).toBeNull()
    expect(fieldProblem(field('number'), 'dua')).not.toBeNull()
    expect(fieldProblem(field('date'), '2026-02-30')).not.toBeNull()
    expect(fieldProblem(field('date'), '2026-02-28')).toBeNull()
    expect(fieldProblem(field('select', { options: [{ value: 'a', label: 'A' }] }), 'b')).not.toBeNull()
    expect(fieldProblem(field('select', { options: [{ value: 'a', label: 'A' }] }), 'a')).toBeNull()
    expect(fieldProblem(field('checkbox'), '')).not.toBeNull()
    expect(fieldProblem(field('checkbox'), 'on')).toBeNull()
    expect(fieldProblem(field('nik'), '640201450890000')).not.toBeNull()
    expect(fieldProblem(field('nik'), '6402014508900003')).toBeNull()
    expect(fieldProblem(field('phone'), '12345')).not.toBeNull()
    expect(fieldProblem(field('phone'), '0812-3456-7890')).toBeNull()
    expect(fieldProblem(field('email'), 'bukan-email')).not.toBeNull()
    expect(fieldProblem(field('email'), 'warga@desa.id')).toBeNull()
  })
  it("check a NIK's embedded birth date", () => {
    expect(isValidNik('6402019913900003')).toBe(false)
    expect(isValidNik('6402014508900003')).toBe(true)
  })
  it('report every problem of a form by field name', () => {
    expect(Object.keys(answerProblems(applicantFields(), { nama: '', nik: '1', telepon: '5', email: 'x', alamat: '' })).sort()).toEqual([
      'alamat',
      'email',
      'nama',
      'nik',
      'telepon',
    ])
  })
  it('fill letter templates', () => {
    expect(mergeFields('Nama: {{nama}}, {{ tidak_ada }}', { nama: 'Siti' })).toBe('Nama: Siti, {{ tidak_ada }}')
  })
})

describe('photos', () => {
  it('shrink photos to a long side of at most 1600 px', () => {
    expect(targetSize(4032, 3024)).toEqual({ width: 1600, height: 1200 })
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 })
  })
})
