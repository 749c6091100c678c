import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { config } from './config'
import { rootDir } from './paths'

/** The database adapter for DATABASE_URL. Production runs migrations; development pushes the schema. */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const { database: target, pushSchema } = config()
  const migrationDir = path.resolve(rootDir(), 'cms/migrations', target.kind)
  if (target.kind === 'mongodb')
    // The atomic writes (cms/instances/mongoStore.ts) rely on unique indexes (a sequence's, a counter's key): every
    // index is built before the instance takes a write, not in the background as Mongoose would.
    return mongooseAdapter({ url: target.url, migrationDir, ensureIndexes: true })
  return sqliteAdapter({
    client: { url: target.url },
    // Several app instances (or a backup) may share the file: a write waits for another's lock instead of failing.
    busyTimeout: 5000,
    migrationDir,
    // Only the admin's process pushes the schema in development (see scripts/dev.ts).
    push: pushSchema,
  })
}
