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
import { openBytes, sealBytes } from './nikCrypto'
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

/** What an installed certificate says, as read when it was installed. */
const described = (doc: LetterSigning) => ({
  holder: doc.holder,
  organization: doc.organization,
  issuer: doc.issuer,
  serialNumber: doc.serialNumber,
  validFrom: doc.validFrom,
  validUntil: doc.validUntil,
})

/**
 * A new certificate is opened with its passphrase before it is kept: an unreadable file, a wrong passphrase or a
 * certificate not valid today is refused on the field, in the editor's language. Kept, file and passphrase are
 * encrypted; what the certificate says is read from it, never taken from the request. A new file alone is tried
 * with the installed passphrase, a new passphrase alone with the installed file.
 */
export const takeCertificate: CollectionBeforeChangeHook<LetterSigning> = ({ data, originalDoc, req }) => {
  const refuse = (path: 'certificateFile' | 'passphrase', message: ResidentServicesMessage) => {
    throw new ValidationError({ collection: 'letter-signing', errors: [{ path, message: localize(req, message) }], req })
  }
  const { certificateFile, passphrase, ...rest } = data
  const installed = originalDoc?.p12Sealed && originalDoc.passphraseSealed ? originalDoc : null
  if (!certificateFile && !passphrase) {
    if (!installed) return refuse('certificateFile', { code: 'certificate.required' })
    return { ...rest, p12Sealed: installed.p12Sealed, passphraseSealed: installed.passphraseSealed, ...described(installed) }
  }
  const p12 = certificateFile ? fileBytes(certificateFile) : installed && openBytes(installed.p12Sealed!)
  if (!p12) return refuse('certificateFile', { code: 'certificate.required' })
  const secret = passphrase || (installed ? openBytes(installed.passphraseSealed!).toString('utf8') : '')
  let certificate: forge.pki.Certificate
  try {
    certificate = certificateOfP12(p12, secret)
  } catch {
    return refuse(certificateFile ? 'certificateFile' : 'passphrase', { code: 'certificate.unreadable' })
  }
  const now = new Date()
  if (certificate.validity.notAfter < now || certificate.validity.notBefore > now) {
    const language = asLocale(req.i18n?.language)
    return refuse('certificateFile', {
      code: 'certificate.expired',
      params: {
        from: formatWitaDate(certificate.validity.notBefore, language, 'long'),
        until: formatWitaDate(certificate.validity.notAfter, language, 'long'),
      },
    })
  }
  return { ...rest, p12Sealed: sealBytes(p12), passphraseSealed: sealBytes(Buffer.from(secret, 'utf8')), ...describe(certificate) }
}

/**
 * How a village's letters are signed: with its own certificate when its administrator installed one; else the
 * install's signer (LETTER_SIGNER), which is the first village's head's and signs for no other village.
 */
export const signerOfVillage = async (payload: Payload, village: VillageId): Promise<VillageSignerSettings> => {
  const id = idOf(village)
  const own = await payload.db.findOne<LetterSigning>({ collection: 'letter-signing', where: { village: { equals: id } } })
  if (own?.p12Sealed && own.passphraseSealed)
    return { kind: 'local', p12: openBytes(own.p12Sealed), passphrase: openBytes(own.passphraseSealed).toString('utf8') }
  if (String(id) !== String((await oldestVillage(payload)).id))
    return { kind: 'unusable', refusal: { code: 'signer.noVillageCertificate' } }
  const install = config().letterSigner
  if (install.kind === 'local') return { kind: 'local', p12: await readFile(install.p12File), passphrase: install.passphrase }
  if (install.kind === 'tte') return install
  return { kind: 'unusable', refusal: { code: 'transition.noSigner', params: { problem: install.problem } } }
}
