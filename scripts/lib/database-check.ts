import { accessSync, constants, mkdirSync } from 'node:fs'
import path from 'node:path'
import { MongoClient } from 'mongodb'
import { config } from '../../cms/lib/config'
import { ConfigProblem } from '../../cms/lib/problem'

/** Fails with one clear sentence when the database in DATABASE_URL cannot be used. */
export const checkDatabase = async () => {
  const target = config().database
  if (target.kind === 'sqlite') {
    if (target.url === ':memory:') return
    const dir = path.dirname(target.url.slice('file:'.length))
    try {
      mkdirSync(dir, { recursive: true })
      accessSync(dir, constants.W_OK)
    } catch {
      throw new ConfigProblem(
        `The SQLite database folder ${dir} cannot be created or written: fix its permissions or point DATABASE_URL elsewhere.`,
      )
    }
    return
  }
  const client = new MongoClient(target.url, { serverSelectionTimeoutMS: 5000 })
  try {
    await client.connect()
    await client.db().command({ ping: 1 })
  } catch {
    const host = new URL(target.url.replace(/^mongodb\+srv:/, 'mongodb:')).host
    throw new ConfigProblem(`The MongoDB server at ${host} does not answer: start it or fix DATABASE_URL.`)
  } finally {
    await client.close().catch(() => {})
  }
}
