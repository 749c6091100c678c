import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from '../../cms/lib/database'
import { ConfigProblem } from '../../cms/lib/problem'

describe('DATABASE_URL', () => {
  it('defaults to a SQLite file under data/', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'sqlite', url: `file:${path.resolve('data/desa.db')}` })
    expect(parseDatabaseUrl('  ')).toEqual(parseDatabaseUrl(undefined))
  })

  it('reads file: URLs relative to the working directory, and in-memory SQLite', () => {
    expect(parseDatabaseUrl('file:./tmp/x.db')).toEqual({ kind: 'sqlite', url: `file:${path.resolve('tmp/x.db')}` })
    expect(parseDatabaseUrl('file:/srv/desa.db')).toEqual({ kind: 'sqlite', url: 'file:/srv/desa.db' })
    expect(parseDatabaseUrl(':memory:')).toEqual({ kind: 'sqlite', url: ':memory:' })
  })

  it('chooses MongoDB for mongodb:// and mongodb+srv:// URLs', () => {
    expect(parseDatabaseUrl('mongodb://db1,db2/desa?replicaSet=rs0').kind).toBe('mongodb')
    expect(parseDatabaseUrl('mongodb+srv://user:pw@cluster.example/desa').kind).toBe('mongodb')
  })

  it('refuses anything else with one sentence that hides credentials', () => {
    expect(() => parseDatabaseUrl('postgres://user:secret@host/db')).toThrow(ConfigProblem)
    expect(() => parseDatabaseUrl('postgres://user:secret@host/db')).toThrow(/file:PATH.*mongodb/)
    expect(() => parseDatabaseUrl('postgres://user:secret@host/db')).not.toThrow(/secret/)
    expect(() => parseDatabaseUrl('file:')).toThrow(ConfigProblem)
    expect(() => parseDatabaseUrl('mongodb://')).toThrow(ConfigProblem)
  })
})
