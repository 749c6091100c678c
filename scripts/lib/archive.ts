import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Every file below `dir`, as paths relative to it, sorted. */
const listFiles = (dir: string): string[] => {
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.join(sub, entry.name)
      return entry.isDirectory() ? walk(rel) : entry.isFile() ? [rel] : []
    })
  try {
    return statSync(dir).isDirectory() ? walk('').sort() : []
  } catch {
    return []
  }
}

const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** SHA-256 of every file below `dir`, by relative path. */
export const fingerprint = (dir: string) => Object.fromEntries(listFiles(dir).map((rel) => [rel, sha256File(path.join(dir, rel))]))

export const tar = (args: string[]) => {
  const result = spawnSync('tar', args, { stdio: ['ignore', 'inherit', 'pipe'] })
  if (result.status !== 0) throw new Error(`tar ${args.join(' ')} failed: ${result.stderr}`)
}
