import { randomBytes } from 'node:crypto'
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { config } from '../lib/config'

/**
 * Residents' documents and signed letters live outside the public media folder (PRIVATE_DIR,
 * default data/private); they are only ever served through access-checked routes.
 */

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }

/** Stores bytes under a random, unguessable name and returns that name. */
export const savePrivateFile = async (bytes: Uint8Array, mime: string): Promise<string> => {
  await mkdir(config().privateDir, { recursive: true })
  const name = `${randomBytes(16).toString('hex')}.${EXTENSIONS[mime] ?? 'bin'}`
  await writeFile(path.join(config().privateDir, name), bytes)
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
