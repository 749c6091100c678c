import { randomInt } from 'node:crypto'
import type { Payload } from 'payload'
import { publicFiles } from '../lib/objectStorage'
import { formatWitaDate, witaMonthYear } from '../lib/wita'
import type { Letter, Media, Service, ServiceRequest, User } from '../payload-types'
import { systemAccess } from './audit'
import { maskName } from './mask'
import { decryptNik } from './nikCrypto'
import { clearAnswers } from '../collections/ServiceRequests/privacy'
import { DEFAULT_NUMBER_FORMAT, formatLetterNumber, letterSequenceKey } from './numbering'
import { atomicStore } from '../instances/atomicStore'
import { renderLetterPdf } from './letterPdf'
import { readPrivateFile, savePrivateFile } from './privateFiles'
import { REFERENCE_ALPHABET } from './reference'
import { answerTexts, placeName } from './letterValues'
import { LocalCertificateSigner } from './localSigner'
import { formFieldsOf } from './requests'
import { currentSigningKey, sha256, signPdf, verifyKeys, verifyPdf, type LetterSigner } from './signing'
import { TransitionRefused } from './status'
import { templateBlocks } from './template'
import { TteSigner } from './tteSigner'
import { signerOfVillage, type VillageSignerSettings } from './villageCertificate'
import { idOf } from '../lib/relation'
import { isUniqueClash } from '../lib/uniqueClash'
import { settingsOf } from '../villages/settings'
import { villageAddress } from '../villages/siteUrl'
import { absoluteUrl } from '../lib/urls'

const newVerificationCode = () => Array.from({ length: 10 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')

/**
 * Gives the request's letter the next number of its service in the current (WITA) year, drawn from one
 * counter in the database per service and year (one atomic statement), so that every app instance draws
 * from the same sequence: numbers never repeat and, as long as each letter is written, leave no gap.
 * A sequence met for the first time continues after the service's letters of that year.
 */
export const issueLetter = async (payload: Payload, requestId: number): Promise<Letter> => {
  const request = await payload.findByID({ collection: 'service-requests', id: requestId, depth: 1, ...systemAccess })
  const service = request.service as Service
  const settings = await settingsOf(payload, request.village, { depth: 0 })
  const issuedAt = new Date()
  const { year } = witaMonthYear(issuedAt)
  const { docs } = await payload.find({
    collection: 'letters',
    where: { and: [{ service: { equals: service.id } }, { year: { equals: year } }] },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const sequence = await atomicStore(payload).nextInSequence(letterSequenceKey(service.id, year), docs[0]?.sequence ?? 0)
  const number = formatLetterNumber(service.numberFormat || DEFAULT_NUMBER_FORMAT, {
    code: service.code,
    sequence,
    villageCode: settings.villageCode || '-',
    issuedAt,
  })
  for (let attempt = 0; ; attempt++) {
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
          village: idOf(request.village),
        },
        overrideAccess: true,
      })
      await payload.update({ collection: 'service-requests', id: request.id, data: { letter: letter.id }, ...systemAccess })
      return letter
    } catch (err) {
      // The number is this letter's alone; only its random verification code may, rarely, be taken: draw again.
      if (attempt < 5 && isUniqueClash(err, 'verificationCode')) continue
      throw err
    }
  }
}

const logoFor = async (logo: Media | number | null | undefined) => {
  if (!logo || typeof logo !== 'object' || !logo.filename) return null
  const type = logo.mimeType === 'image/png' ? 'png' : logo.mimeType === 'image/jpeg' ? 'jpg' : null
  if (!type) return null
  try {
    const bytes = await publicFiles().read(logo.filename)
    return bytes ? ({ bytes, type } as const) : null
  } catch {
    return null
  }
}

/** Where a letter is checked: on its village's site (the request's, read with it), whichever host the head signed it from. */
const verifyUrl = async (payload: Payload, village: ServiceRequest['village'], code: string) =>
  village && typeof village === 'object'
    ? (await villageAddress(payload, village)).site(`/verifikasi/${code}`)
    : absoluteUrl(`/verifikasi/${code}`)

const signerFor = (settings: VillageSignerSettings): LetterSigner => {
  if (settings.kind === 'local') return new LocalCertificateSigner(settings)
  if (settings.kind === 'tte') return new TteSigner(settings)
  throw new TransitionRefused(settings.refusal)
}

/**
 * The village head signs: the letter's PDF is made, signed inside with the head's certificate by the
 * configured LetterSigner, its exact bytes recorded (SHA-256, Ed25519 by the website's key) and kept privately.
 */
export const signLetter = async (payload: Payload, letterId: number, signer: Pick<User, 'id' | 'name'>): Promise<Letter> => {
  const key = currentSigningKey()
  if (!key) throw new TransitionRefused({ code: 'transition.noSigningKey' })
  const letter = await payload.findByID({ collection: 'letters', id: letterId, depth: 0, overrideAccess: true })
  const letterSigner = signerFor(await signerOfVillage(payload, letter.village))
  const request = await payload.findByID({ collection: 'service-requests', id: idOf(letter.request), depth: 1, ...systemAccess })
  // As stored: the NIKs (the applicant's and those of the form's answers) encrypted, for the letter in clear.
  const stored = await payload.db.findOne<{ id: number; nikEncrypted?: string; answers?: unknown }>({
    collection: 'service-requests',
    where: { id: { equals: request.id } },
  })
  const service = request.service as Service
  const settings = await settingsOf(payload, request.village)
  const signedAt = new Date()
  const date = formatWitaDate(signedAt, 'id', 'long')
  const place = placeName(settings.name)
  const position = `Kepala Desa ${place}`
  const values: Record<string, string> = {
    ...answerTexts(formFieldsOf(service), clearAnswers(stored?.answers)),
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
  const rendered = await renderLetterPdf({
    letterhead: {
      villageName: settings.name,
      lines: [settings.kabupaten && `Pemerintah ${settings.kabupaten}`, settings.kecamatan && `Kecamatan ${settings.kecamatan}`].filter(
        Boolean,
      ) as string[],
      logo: await logoFor(settings.logo),
    },
    title: service.name,
    number: letter.number,
    blocks: templateBlocks(service.letterTemplate, values),
    place,
    date,
    signer: { name: signer.name, position },
    verifyUrl: await verifyUrl(payload, request.village, letter.verificationCode),
    signedNote: `Ditandatangani secara elektronik. Pindai untuk memeriksa keaslian.`,
    signedAt,
  })
  const pdf = await letterSigner.sign({
    pdf: rendered.pdf,
    signerName: signer.name,
    reason: position,
    location: place,
    signedAt,
    seal: rendered.seal,
    qrPng: rendered.qrPng,
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

/** What the village's record says about a letter, for comparing a paper copy: no NIK, a masked name. */
export type LetterFacts = {
  number: string
  serviceName: string
  issuedAt: string
  /** Null while the head has not signed: the letter is not valid yet. */
  signedAt: string | null
  maskedName: string
  purpose: string | null
  signerName: string | null
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

/**
 * What the public verification page may show about a letter. It says nothing of a file's authenticity:
 * only isAuthenticLetterFile, given the file, does.
 */
export const letterFacts = async (payload: Payload, code: string, locale: 'id' | 'en'): Promise<LetterFacts | null> => {
  const letter = await findByCode(payload, code)
  if (!letter) return null
  const [request, service] = await Promise.all([
    payload.findByID({ collection: 'service-requests', id: idOf(letter.request as number), depth: 0, ...systemAccess }),
    payload.findByID({ collection: 'services', id: idOf(letter.service as number), depth: 0, locale, overrideAccess: true }),
  ])
  const purpose = (request.answers as Record<string, unknown> | null)?.keperluan
  return {
    number: letter.number,
    serviceName: service.name,
    issuedAt: letter.issuedAt,
    signedAt: letter.pdfFile ? (letter.signedAt ?? null) : null,
    maskedName: maskName(request.applicantName),
    purpose: typeof purpose === 'string' && purpose.trim() ? purpose.trim() : null,
    signerName: letter.signedAt ? (letter.signerName ?? null) : null,
  }
}

/** Whether `file` is exactly the signed letter with this code (not one byte changed) and its signature holds. */
export const isAuthenticLetterFile = async (payload: Payload, code: string, file: Uint8Array): Promise<boolean> => {
  const letter = await findByCode(payload, code)
  return Boolean(letter && signatureHolds(letter, file))
}
