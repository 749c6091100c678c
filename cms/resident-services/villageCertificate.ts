import { readFile } from 'node:fs/promises'
import { ValidationError, type CollectionBeforeChangeHook, type Payload } from 'payload'
import type forge from 'node-forge'
import { config } from '../lib/config'
import { asLocale } from '../lib/messages'
import { idOf } from '../lib/relation'
import { formatWitaDate } from '../lib/wita'
import { localize } from '../messages'
import type { LetterSigning } from '../payload-types'
import type { VillageId } from '../villages/current'
import { oldestVillage } from '../villages/firstVillage'
import { certificateOfP12 } from './certificates'
import type { ResidentServicesMessage } from './messages'
import { isValidNik } from './formFields'
import { maskNik } from './mask'
import { decryptNik, encryptNik, openBytes, sealBytes } from './nikCrypto'
import type { TteSettings } from './tteSigner'

/** Where a village's letters are signed: on this server with the head's PKCS#12, or by the TTE service. */
export type VillageSignerSettings =
  | { kind: 'local'; p12: Uint8Array; passphrase: string }
  | ({ kind: 'tte' } & TteSettings)
  | { kind: 'unusable'; refusal: ResidentServicesMessage }

const field = (certificate: forge.pki.Certificate, attributes: 'subject' | 'issuer', name: string): string =>
  String(certificate[attributes].getField(name)?.value ?? '')

/** What staff see of a certificate: who holds it, who issued it, when it is valid. */
const describe = (certificate: forge.pki.Certificate) => ({
  holder: field(certificate, 'subject', 'CN'),
  organization: field(certificate, 'subject', 'O'),
  issuer: field(certificate, 'issuer', 'CN'),
  serialNumber: certificate.serialNumber,
  validFrom: certificate.validity.notBefore.toISOString(),
  validUntil: certificate.validity.notAfter.toISOString(),
})

/** The bytes of a chosen file, sent by the admin as base64 (a data: URL is accepted too). */
const fileBytes = (sent: string) => Buffer.from(sent.replace(/^data:[^,]*,/, ''), 'base64')

type Refuse = (path: 'certificateFile' | 'passphrase' | 'tteNik' | 'ttePassphrase', message: ResidentServicesMessage) => never

/** What is kept of a certificate: the sealed file and passphrase, and what it says. */
type CertificatePart = Pick<
  LetterSigning,
  'p12Sealed' | 'passphraseSealed' | 'holder' | 'organization' | 'issuer' | 'serialNumber' | 'validFrom' | 'validUntil'
>

const installedCertificate = (doc: LetterSigning | undefined): CertificatePart | null =>
  doc?.p12Sealed && doc.passphraseSealed
    ? {
        p12Sealed: doc.p12Sealed,
        passphraseSealed: doc.passphraseSealed,
        holder: doc.holder,
        organization: doc.organization,
        issuer: doc.issuer,
        serialNumber: doc.serialNumber,
        validFrom: doc.validFrom,
        validUntil: doc.validUntil,
      }
    : null

/**
 * A new certificate is opened with its passphrase before it is kept: an unreadable file, a wrong passphrase or a
 * certificate not valid today is refused on the field. A new file alone is tried with the installed passphrase, a new
 * passphrase alone with the installed file; neither keeps what is installed.
 */
const certificatePart = (
  sent: { certificateFile?: string | null; passphrase?: string | null },
  installed: CertificatePart | null,
  language: 'id' | 'en',
  refuse: Refuse,
): CertificatePart | null => {
  if (!sent.certificateFile && !sent.passphrase) return installed
  const p12 = sent.certificateFile ? fileBytes(sent.certificateFile) : installed && openBytes(installed.p12Sealed!)
  if (!p12) return refuse('certificateFile', { code: 'certificate.required' })
  const secret = sent.passphrase || (installed ? openBytes(installed.passphraseSealed!).toString('utf8') : '')
  let certificate: forge.pki.Certificate
  try {
    certificate = certificateOfP12(p12, secret)
  } catch {
    return refuse(sent.certificateFile ? 'certificateFile' : 'passphrase', { code: 'certificate.unreadable' })
  }
  const now = new Date()
  if (certificate.validity.notAfter < now || certificate.validity.notBefore > now) {
    const { notBefore, notAfter } = certificate.validity
    return refuse('certificateFile', {
      code: 'certificate.expired',
      params: { from: formatWitaDate(notBefore, language, 'long'), until: formatWitaDate(notAfter, language, 'long') },
    })
  }
  return { p12Sealed: sealBytes(p12), passphraseSealed: sealBytes(Buffer.from(secret, 'utf8')), ...describe(certificate) }
}

/** What is kept of the head's account at the TTE service: the sealed NIK and passphrase, and the NIK masked. */
type TtePart = Pick<LetterSigning, 'tteNikSealed' | 'ttePassphraseSealed' | 'tteNikShown'>

const installedTte = (doc: LetterSigning | undefined): TtePart | null =>
  doc?.tteNikSealed && doc.ttePassphraseSealed
    ? { tteNikSealed: doc.tteNikSealed, ttePassphraseSealed: doc.ttePassphraseSealed, tteNikShown: doc.tteNikShown }
    : null

/** The head's NIK (16 digits, as on the KTP) and passphrase at the TTE service; either alone changes the installed one. */
const ttePart = (sent: { tteNik?: string | null; ttePassphrase?: string | null }, installed: TtePart | null, refuse: Refuse) => {
  const nik = sent.tteNik?.replace(/\s+/g, '')
  if (!nik && !sent.ttePassphrase) return installed
  if (nik && !isValidNik(nik)) return refuse('tteNik', { code: 'field.nik', params: { label: { code: 'certificate.tteNik' } } })
  if (!nik && !installed) return refuse('tteNik', { code: 'certificate.tteNikRequired' })
  if (!sent.ttePassphrase && !installed) return refuse('ttePassphrase', { code: 'certificate.ttePassphraseRequired' })
  return {
    tteNikSealed: nik ? encryptNik(nik) : installed!.tteNikSealed,
    tteNikShown: nik ? maskNik(nik) : installed!.tteNikShown,
    ttePassphraseSealed: sent.ttePassphrase ? sealBytes(Buffer.from(sent.ttePassphrase, 'utf8')) : installed!.ttePassphraseSealed,
  }
}

/**
 * How the head signs, as the village's administrator installs it: a certificate, an account at the TTE service, or
 * both; at least one. Refused on the field, in the editor's language. Secrets are kept encrypted, and what is shown
 * (what the certificate says, the masked NIK) is read from them, never taken from the request.
 */
export const takeCertificate: CollectionBeforeChangeHook<LetterSigning> = ({ data, originalDoc, req }) => {
  const refuse: Refuse = (path, message) => {
    throw new ValidationError({ collection: 'letter-signing', errors: [{ path, message: localize(req, message) }], req })
  }
  const { certificateFile, passphrase, tteNik, ttePassphrase, ...rest } = data
  const certificate = certificatePart(
    { certificateFile, passphrase },
    installedCertificate(originalDoc),
    asLocale(req.i18n?.language),
    refuse,
  )
  const tte = ttePart({ tteNik, ttePassphrase }, installedTte(originalDoc), refuse)
  if (!certificate && !tte) return refuse('certificateFile', { code: 'certificate.required' })
  const none = {
    p12Sealed: null,
    passphraseSealed: null,
    holder: null,
    organization: null,
    issuer: null,
    serialNumber: null,
    validFrom: null,
    validUntil: null,
  }
  return { ...rest, ...(certificate ?? none), ...(tte ?? { tteNikSealed: null, ttePassphraseSealed: null, tteNikShown: null }) }
}

/**
 * How a village's letters are signed: with its own certificate, else its head's account at the install's TTE
 * service, when its administrator installed one; else the install's signer (LETTER_SIGNER), which is the first
 * village's head's and signs for no other village.
 */
export const signerOfVillage = async (payload: Payload, village: VillageId): Promise<VillageSignerSettings> => {
  const id = idOf(village)
  const own = await payload.db.findOne<LetterSigning>({ collection: 'letter-signing', where: { village: { equals: id } } })
  const install = config().letterSigner
  if (own?.p12Sealed && own.passphraseSealed)
    return { kind: 'local', p12: openBytes(own.p12Sealed), passphrase: openBytes(own.passphraseSealed).toString('utf8') }
  if (own?.tteNikSealed && own.ttePassphraseSealed) {
    if (install.kind !== 'tte') return { kind: 'unusable', refusal: { code: 'signer.noTteService' } }
    const { url, username, password } = install
    const head = { nik: decryptNik(own.tteNikSealed), passphrase: openBytes(own.ttePassphraseSealed).toString('utf8') }
    return { kind: 'tte', url, username, password, ...head }
  }
  if (String(id) !== String((await oldestVillage(payload)).id))
    return { kind: 'unusable', refusal: { code: 'signer.noVillageCertificate' } }
  if (install.kind === 'local') return { kind: 'local', p12: await readFile(install.p12File), passphrase: install.passphrase }
  if (install.kind === 'tte') {
    const { head, url, username, password } = install
    return head ? { kind: 'tte', url, username, password, ...head } : { kind: 'unusable', refusal: { code: 'signer.noVillageCertificate' } }
  }
  return { kind: 'unusable', refusal: { code: 'transition.noSigner', params: { problem: install.problem } } }
}
