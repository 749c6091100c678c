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
  if (target.kind === 'mongodb') return mongooseAdapter({ url: target.url, migrationDir })
  return sqliteAdapter({
    client: { url: target.url },
    migrationDir,
    // Only the admin's process pushes the schema in development (see scripts/dev.ts).
    push: pushSchema,
  })
}
