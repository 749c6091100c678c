import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { config } from '../../cms/lib/config'
import { sqliteFileOf } from '../../cms/lib/database'
import { ConfigProblem } from './problem'

const isInside = (dir: string, parent: string) => {
  const relative = path.relative(parent, dir)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

const lockDown = (dir: string) => {
  chmodSync(dir, 0o700)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) lockDown(full)
    else if (entry.isFile()) chmodSync(full, 0o600)
  }
}

/**
 * Before serving: residents' files must not be reachable through /media, and what the server writes is
 * readable by its own user only. The process creates files 0600 and folders 0700 (umask 077); files of an
 * older installation (the database, the private folder) are brought to the same modes.
 */
export const prepareStorage = () => {
  const { database, mediaDir, privateDir } = config()
  if (isInside(privateDir, mediaDir))
    throw new ConfigProblem(
      `PRIVATE_DIR (${privateDir}) is inside MEDIA_DIR (${mediaDir}), which is served publicly at /media: residents' ID cards would be public. Move PRIVATE_DIR outside it, e.g. data/private.`,
    )
  process.umask(0o077)
  mkdirSync(privateDir, { recursive: true, mode: 0o700 })
  lockDown(privateDir)
  const file = sqliteFileOf(database)
  if (file) {
    for (const part of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) if (existsSync(part)) chmodSync(part, 0o600)
  }
}
