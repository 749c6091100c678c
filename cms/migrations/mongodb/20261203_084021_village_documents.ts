import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

type Document = { _id: unknown; globalType?: string; [field: string]: unknown }
type Collection = {
  find: (filter: object, options?: object) => { toArray: () => Promise<Document[]> }
  findOne: (filter: object, options?: object) => Promise<Document | null>
  insertOne: (doc: object, options?: object) => Promise<unknown>
  deleteOne: (filter: object, options?: object) => Promise<unknown>
}
type Database = { collection: (name: string) => Collection }
const database = (payload: MigrateUpArgs['payload']) => (payload.db as unknown as { connection: { db: Database } }).connection.db

/**
 * The settings and the podcast show move from the install's globals to one document per village, the install's
 * village taking what it had; each village without settings gets them, named as its record is (as the SQLite
 * migration of the same name does).
 */
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = database(payload)
  const villages = await db.collection('villages').find({}, { session, sort: { _id: 1 } }).toArray()
  if (!villages.length) return
  for (const slug of ['settings', 'podcast']) {
    const global = await db.collection('globals').findOne({ globalType: slug }, { session })
    if (!global) continue
    const { _id, globalType: _type, ...fields } = global
    if (!(await db.collection(slug).findOne({ village: villages[0]._id }, { session })))
      await db.collection(slug).insertOne({ ...fields, village: villages[0]._id }, { session })
    await db.collection('globals').deleteOne({ _id }, { session })
  }
  for (const village of villages)
    if (!(await db.collection('settings').findOne({ village: village._id }, { session }))) {
      const now = new Date()
      const { name, code, kecamatan, kabupaten } = village
      await db.collection('settings').insertOne({ village: village._id, name, villageCode: code, kecamatan, kabupaten, createdAt: now, updatedAt: now }, { session })
    }
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  throw new Error("Several villages' settings cannot be merged back into one automatically: restore the backup taken before the upgrade.")
}
