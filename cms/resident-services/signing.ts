import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { SealBox } from './letterPdf'
import { config, type Config } from '../lib/config'

/**
 * Two signatures protect a letter:
 * - the village head's signature inside the PDF (CMS detached, /ByteRange over the whole file), made by a
 *   LetterSigner with the head's X.509 certificate: any PDF reader shows it and reports later changes;
 * - the website's record: Ed25519 over the SHA-256 of the exact signed file, checked by /verifikasi.
 *   Private keys live outside the database: LETTER_SIGNING_KEY (PEM) or LETTER_SIGNING_KEY_FILE (a PEM
 *   file), with LETTER_SIGNING_KEY_ID naming it. Rotation: the new key signs from now on; older public keys
 *   stay in LETTER_VERIFY_KEYS_FILE (JSON {"keyId": "PEM public key"}), so letters signed before still verify.
 */
type SigningKey = { keyId: string; privateKey: KeyObject; publicKeyPem: string }

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest()

const publicPem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString()

export const generateSigningKey = (keyId: string): { keyId: string; privateKeyPem: string; publicKeyPem: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    keyId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

type KeySettings = Partial<Config['letterSigning']>

/** The current signing key from the settings, or null when none is configured. */
export const currentSigningKey = ({ key, keyFile, keyId }: KeySettings = config().letterSigning): SigningKey | null => {
  const pem = key || (keyFile ? readFileSync(keyFile, 'utf8') : '')
  if (!pem) return null
  const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'))
  return { keyId: keyId || 'kunci-1', privateKey, publicKeyPem: publicPem(privateKey) }
}

/** Public keys by id: the current key's and every retired one's. */
export const verifyKeys = (settings: KeySettings = config().letterSigning): Record<string, string> => {
  const retired = settings.verifyKeysFile ? (JSON.parse(readFileSync(settings.verifyKeysFile, 'utf8')) as Record<string, string>) : {}
  const current = currentSigningKey(settings)
  return current ? { ...retired, [current.keyId]: current.publicKeyPem } : retired
}

/** The signature (base64) of a PDF's SHA-256. */
export const signPdf = (pdf: Uint8Array, key: SigningKey): string => sign(null, sha256(pdf), key.privateKey).toString('base64')

/** True only when `signature` is `keyId`'s signature of exactly these bytes. */
export const verifyPdf = (pdf: Uint8Array, signature: string, publicKeyPem: string | undefined): boolean => {
  if (!publicKeyPem) return false
  try {
    return verify(null, sha256(pdf), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

/** What a signer needs to sign one letter. */
export type LetterSignRequest = {
  pdf: Uint8Array
  signerName: string
  /** The signer's position, e.g. "Kepala Desa Sungai Lestari". */
  reason: string
  location: string
  signedAt: Date
  /** Where the letter's QR code is: the visible signature goes there. */
  seal: SealBox
  qrPng: Uint8Array
}

/** Signs a letter's PDF in the village head's name and returns the signed file. */
export interface LetterSigner {
  sign(request: LetterSignRequest): Promise<Uint8Array>
}
