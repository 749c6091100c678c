import path from 'node:path'
import { dataDir } from './paths'
import { ConfigProblem } from './problem'

export type DatabaseTarget = { kind: 'sqlite'; url: string } | { kind: 'mongodb'; url: string }

/** Which database DATABASE_URL points at: a SQLite file (the default), in-memory SQLite, or MongoDB. */
export const parseDatabaseUrl = (raw: string | undefined): DatabaseTarget => {
  const url = raw?.trim()
  if (!url) return { kind: 'sqlite', url: `file:${path.join(dataDir(), 'desa.db')}` }
  if (url === ':memory:' || url === 'file::memory:') return { kind: 'sqlite', url: ':memory:' }
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length)
    if (!file) throw new ConfigProblem('DATABASE_URL "file:" has no file name; use e.g. file:./data/desa.db.')
    return { kind: 'sqlite', url: `file:${path.resolve(file)}` }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(url)) return { kind: 'mongodb', url }
  throw new ConfigProblem(
    `DATABASE_URL "${redact(url)}" is not understood: use file:PATH or :memory: for SQLite, or mongodb:// / mongodb+srv:// for MongoDB.`,
  )
}

/** The file of a SQLite database, or null for in-memory SQLite and MongoDB. */
export const sqliteFileOf = (target: DatabaseTarget): string | null =>
  target.kind === 'sqlite' && target.url.startsWith('file:') ? target.url.slice('file:'.length) : null

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@')
