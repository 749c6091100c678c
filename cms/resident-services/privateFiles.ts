import { randomBytes } from 'node:crypto'
import { access, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { config } from '../lib/config'

/**
 * Residents' documents and signed letters live outside the public media folder (PRIVATE_DIR,
 * default data/private); they are only ever served through access-checked routes. Files are written
 * readable by the server's user only (0600, folders 0700).
 */

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }

let used: { bytes: number; at: number } | null = null

/** Bytes in the private folder and its subfolders, counted again at most once a minute, plus what this process added since. */
export const privateStorageUsed = async (now = Date.now()): Promise<number> => {
  if (used && now - used.at < 60_000) return used.bytes
  const sizeOf = async (dir: string): Promise<number> => {
    let total = 0
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) total += await sizeOf(full)
      else if (entry.isFile()) total += (await stat(full).catch(() => ({ size: 0 }))).size
    }
    return total
  }
  used = { bytes: await sizeOf(config().privateDir), at: now }
  return used.bytes
}

/** Stores bytes under a random, unguessable name and returns that name. */
export const savePrivateFile = async (bytes: Uint8Array, mime: string): Promise<string> => {
  await mkdir(config().privateDir, { recursive: true, mode: 0o700 })
  const name = `${randomBytes(16).toString('hex')}.${EXTENSIONS[mime] ?? 'bin'}`
  await writeFile(path.join(config().privateDir, name), bytes, { mode: 0o600 })
  if (used) used.bytes += bytes.length
  return name
}

const safePath = (name: string) => {
  if (!/^[0-9a-f]{32}\.[a-z]+$/.test(name)) throw new Error(`Not a private file name: ${name}`)
  return path.join(config().privateDir, name)
}

export const readPrivateFile = (name: string) => readFile(safePath(name))
/** Whether `name` is a well-formed private file name that exists (a posted form may name any file). */
export const privateFileExists = (name: string) =>
  /^[0-9a-f]{32}\.[a-z]+$/.test(name)
    ? access(safePath(name)).then(
        () => true,
        () => false,
      )
    : Promise.resolve(false)
export const removePrivateFile = (name: string) => rm(safePath(name), { force: true })
