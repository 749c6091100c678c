import { randomInt } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { mediaDir } from '../lib/paths'
import type { Letter, Media, Service, ServiceRequest, User } from '../payload-types'
import { maskName } from './mask'
import { decryptNik } from './nikCrypto'
import { clearAnswers } from '../collections/ServiceRequests/privacy'
import { DEFAULT_NUMBER_FORMAT, formatLetterNumber, serialized, witaMonthYear } from './numbering'
import { renderLetterPdf } from './letterPdf'
import { readPrivateFile, savePrivateFile } from './privateFiles'
import { REFERENCE_ALPHABET } from './reference'
import { currentSigningKey, sha256, signPdf, verifyKeys, verifyPdf } from './signing'
import { TransitionRefused } from './status'
import { mergeFields, templateParagraphs } from './template'
import { formatWitaDate, witaDate } from './workingDays'

const asPublicOnly = { overrideAccess: true, context: { skipAudit: true } } as const
const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)
const newVerificationCode = () => Array.from({ length: 10 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')
const isUniqueViolation = (err: unknown) =>
  /unique|duplicate|E11000/i.test(String((err as Error)?.message) + String((err as { cause?: Error })?.cause?.message))

/**
 * Gives the request's letter the next number of its service in the current (WITA) year. Numbers are
 * handed out one at a time per service and year; should another server instance take the same number,
 * the unique index refuses it and the next one is tried.
 */
export const issueLetter = async (payload: Payload, requestId: number): Promise<Letter> => {
  const request = (await payload.findByID({ collection: 'service-requests', id: requestId, depth: 1, ...asPublicOnly })) as ServiceRequest
  const service = request.service as Service
  const settings = await payload.findGlobal({ slug: 'settings', depth: 0, overrideAccess: true })
  const issuedAt = new Date()
  const { year } = witaMonthYear(issuedAt)
  return serialized(`letter:${service.id}:${year}`, async () => {
    for (let attempt = 0; ; attempt++) {
      const { docs } = await payload.find({
        collection: 'letters',
        where: { and: [{ service: { equals: service.id } }, { year: { equals: year } }] },
        sort: '-sequence',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      const sequence = (docs[0]?.sequence ?? 0) + 1
      const number = formatLetterNumber(service.numberFormat || DEFAULT_NUMBER_FORMAT, {
        code: service.code,
        sequence,
        villageCode: settings.villageCode || '-',
        issuedAt,
      })
      try {
        const letter = await payload.create({
          collection: 'letters',
          data: {
            number,
            service: service.id,
            request: request.id,
            year,
            sequence,
            verificationCode: newVerificationCode(),
            issuedAt: issuedAt.toISOString(),
          },
          overrideAccess: true,
        })
        await payload.update({ collection: 'service-requests', id: request.id, data: { letter: letter.id }, ...asPublicOnly })
        return letter
      } catch (err) {
        if (attempt < 5 && isUniqueViolation(err)) continue
        throw err
      }
    }
  })
}

const logoFor = async (logo: Media | number | null | undefined) => {
  if (!logo || typeof logo !== 'object' || !logo.filename) return null
  const type = logo.mimeType === 'image/png' ? 'png' : logo.mimeType === 'image/jpeg' ? 'jpg' : null
  if (!type) return null
  try {
    return { bytes: await readFile(path.join(mediaDir(), logo.filename)), type } as const
  } catch {
    return null
  }
}

export const verifyUrl = (code: string) => `${(process.env.PUBLIC_URL || 'http://localhost:3000').replace(/\/$/, '')}/verifikasi/${code}`

/** The village head signs: the letter's PDF is made, its SHA-256 signed with Ed25519, and kept privately. */
export const signLetter = async (payload: Payload, letterId: number, signer: Pick<User, 'id' | 'name'>): Promise<Letter> => {
  const key = currentSigningKey()
  if (!key) {
    throw new TransitionRefused({
      id: 'Kunci tanda tangan elektronik belum dipasang di server (LETTER_SIGNING_KEY atau LETTER_SIGNING_KEY_FILE). Hubungi administrator.',
      en: 'No signing key is installed on the server (LETTER_SIGNING_KEY or LETTER_SIGNING_KEY_FILE). Contact the administrator.',
    })
  }
  const letter = await payload.findByID({ collection: 'letters', id: letterId, depth: 0, overrideAccess: true })
  const request = (await payload.findByID({
    collection: 'service-requests',
    id: idOf(letter.request as number),
    depth: 1,
    ...asPublicOnly,
  })) as ServiceRequest
  // As stored: the NIKs (the applicant's and those of the form's answers) encrypted, for the letter in clear.
  const stored = await payload.db.findOne<{ id: number; nikEncrypted?: string; answers?: unknown }>({
    collection: 'service-requests',
    where: { id: { equals: request.id } },
  })
  const service = request.service as Service
  const settings = await payload.findGlobal({ slug: 'settings', depth: 1, overrideAccess: true })
  const signedAt = new Date()
  const date = formatWitaDate(witaDate(signedAt), 'id')
  const position = `Kepala Desa ${settings.name}`
  const values: Record<string, string> = {
    ...clearAnswers(stored?.answers),
    nama: request.applicantName,
    nik: stored?.nikEncrypted ? decryptNik(stored.nikEncrypted) : '',
    alamat: request.address ?? '',
    telepon: request.phone,
    nomor_surat: letter.number,
    tanggal: date,
    penandatangan: signer.name,
    jabatan_penandatangan: position,
    desa: settings.name,
  }
  const pdf = await renderLetterPdf({
    letterhead: {
      villageName: settings.name,
      lines: [settings.kabupaten && `Pemerintah ${settings.kabupaten}`, settings.kecamatan && `Kecamatan ${settings.kecamatan}`].filter(
        Boolean,
      ) as string[],
      logo: await logoFor(settings.logo),
    },
    title: service.name,
    number: letter.number,
    paragraphs: templateParagraphs(service.letterTemplate).map((p) => ({ ...p, text: mergeFields(p.text, values) })),
    place: settings.name.replace(/^Desa\s+/i, ''),
    date,
    signer: { name: signer.name, position },
    verifyUrl: verifyUrl(letter.verificationCode),
    signedNote: `Ditandatangani secara elektronik. Pindai untuk memeriksa keaslian.`,
  })
  const pdfFile = await savePrivateFile(pdf, 'application/pdf')
  return payload.update({
    collection: 'letters',
    id: letter.id,
    data: {
      pdfFile,
      sha256: sha256(pdf).toString('hex'),
      signature: signPdf(pdf, key),
      keyId: key.keyId,
      signedAt: signedAt.toISOString(),
      signerName: signer.name,
    },
    overrideAccess: true,
  })
}

export const signedLetterPdf = async (letter: Pick<Letter, 'pdfFile'>) => (letter.pdfFile ? readPrivateFile(letter.pdfFile) : null)

export type LetterFacts = {
  number: string
  serviceName: string
  issuedAt: string
  signedAt: string | null
  maskedName: string
  signerName: string | null
  signatureValid: boolean
}

const findByCode = async (payload: Payload, code: string) => {
  if (!/^[A-Z0-9]{10}$/.test(code)) return null
  const { docs } = await payload.find({
    collection: 'letters',
    where: { verificationCode: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ?? null
}

const signatureHolds = (letter: Letter, pdf: Uint8Array) =>
  Boolean(
    letter.signature &&
    letter.keyId &&
    letter.sha256 === sha256(pdf).toString('hex') &&
    verifyPdf(pdf, letter.signature, verifyKeys()[letter.keyId]),
  )

/** What the public verification page may show about a letter: no NIK, a masked name. */
export const letterFacts = async (payload: Payload, code: string, locale: 'id' | 'en'): Promise<LetterFacts | null> => {
  const letter = await findByCode(payload, code)
  if (!letter) return null
  const [request, service] = await Promise.all([
    payload.findByID({ collection: 'service-requests', id: idOf(letter.request as number), depth: 0, ...asPublicOnly }),
    payload.findByID({ collection: 'services', id: idOf(letter.service as number), depth: 0, locale, overrideAccess: true }),
  ])
  const pdf = await signedLetterPdf(letter)
  return {
    number: letter.number,
    serviceName: service.name,
    issuedAt: letter.issuedAt,
    signedAt: letter.signedAt ?? null,
    maskedName: maskName(request.applicantName),
    signerName: letter.signerName ?? null,
    signatureValid: Boolean(pdf && signatureHolds(letter, pdf)),
  }
}

/** Whether `file` is exactly the signed letter with this code (not one byte changed) and its signature holds. */
export const isAuthenticLetterFile = async (payload: Payload, code: string, file: Uint8Array): Promise<boolean> => {
  const letter = await findByCode(payload, code)
  return Boolean(letter && signatureHolds(letter, file))
}
