import { cpSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'

/** A copy of this run's demo village (database, search snapshot, media, private files) in a new folder. */
export const copyOfVillage = (dir = mkdtempSync(path.join(os.tmpdir(), 'desa-village-copy-'))): string => {
  cpSync(inject('village'), dir, { recursive: true })
  return dir
}
