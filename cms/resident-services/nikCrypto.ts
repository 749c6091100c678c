import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { config } from '../lib/config'

/**
 * NIK (national ID numbers), and the secrets of each village's signing certificate, are stored encrypted with
 * AES-256-GCM. The key is 32 bytes from NIK_ENCRYPTION_KEY (64 hex characters or base64), never from the database.
 * Stored form: "v1:" + base64(iv[12] | tag[16] | ciphertext).
 */
const key = (): Buffer => {
  const { nikKey } = config()
  if (!nikKey) throw new Error('NIK_ENCRYPTION_KEY is not set: set it to 32 random bytes in hex (e.g. `openssl rand -hex 32`).')
  return nikKey
}

/** Bytes encrypted with the install's key, in the stored form. */
export const sealBytes = (bytes: Uint8Array): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(bytes), cipher.final()])
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

/** Throws when the value was changed or encrypted with another key (GCM authenticates it). */
export const openBytes = (stored: string): Buffer => {
  const bytes = Buffer.from(stored.slice(3), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(12, 28))
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()])
}

export const encryptNik = (nik: string): string => sealBytes(Buffer.from(nik, 'utf8'))

export const decryptNik = (stored: string): string => openBytes(stored).toString('utf8')
