import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

type Document = { _id: unknown; village?: unknown }
type Collection = {
  distinct: (field: string, filter: object, options?: object) => Promise<unknown[]>
  findOne: (filter: object, options?: object) => Promise<Document | null>
  updateMany: (filter: object, update: object, options?: object) => Promise<unknown>
}
type Database = { collection: (name: string) => Collection }
const database = (payload: MigrateUpArgs['payload']) => (payload.db as unknown as { connection: { db: Database } }).connection.db

/** The audit log's entries belong to the village of the request they are about (as the SQLite migration of the same name). */
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = database(payload)
  const entries = db.collection('audit-log')
  const requests = await entries.distinct('request', { village: { $exists: false } }, { session })
  for (const id of requests) {
    const request = await db.collection('service-requests').findOne({ _id: id }, { session, projection: { village: 1 } })
    if (request?.village) await entries.updateMany({ request: id, village: { $exists: false } }, { $set: { village: request.village } }, { session })
  }
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  await database(payload).collection('audit-log').updateMany({}, { $unset: { village: '' } }, { session })
}
