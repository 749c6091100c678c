import { randomBytes } from 'node:crypto'
import { privateFiles } from '../lib/objectStorage'

/**
 * Residents' documents and signed letters live outside the public media (PRIVATE_DIR, default data/private, or the
 * bucket S3_PRIVATE_BUCKET); they are only ever served through access-checked routes. On disk, files are written
 * readable by the server's user only (0600, folders 0700).
 */

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }

let used: { bytes: number; at: number } | null = null

/** Bytes of the private files (subfolders too), counted again at most once a minute, plus what this process added since. */
export const privateStorageUsed = async (now = Date.now()): Promise<number> => {
  if (used && now - used.at < 60_000) return used.bytes
  const files = await privateFiles().list('', { deep: true })
  used = { bytes: files.reduce((sum, file) => sum + file.size, 0), at: now }
  return used.bytes
}

/** Stores bytes under a random, unguessable name and returns that name. */
export const savePrivateFile = async (bytes: Uint8Array, mime: string): Promise<string> => {
  const name = `${randomBytes(16).toString('hex')}.${EXTENSIONS[mime] ?? 'bin'}`
  await privateFiles().write(name, bytes, mime)
  if (used) used.bytes += bytes.length
  return name
}

const isPrivateName = (name: string) => /^[0-9a-f]{32}\.[a-z]+$/.test(name)
const safeName = (name: string) => {
  if (!isPrivateName(name)) throw new Error(`Not a private file name: ${name}`)
  return name
}

/** The bytes of a private file; a missing one is an error, as for a file read from disk. */
export const readPrivateFile = async (name: string) => {
  const bytes = await privateFiles().read(safeName(name))
  if (!bytes) throw Object.assign(new Error(`No private file ${name}`), { code: 'ENOENT' })
  return bytes
}
/** Whether `name` is a well-formed private file name that exists (a posted form may name any file). */
export const privateFileExists = (name: string) => (isPrivateName(name) ? privateFiles().exists(name) : Promise.resolve(false))
export const removePrivateFile = (name: string) => privateFiles().remove(safeName(name))
