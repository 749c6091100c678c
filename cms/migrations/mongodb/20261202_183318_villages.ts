import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import { randomBytes } from 'node:crypto'
import { slugify } from '../../lib/slugify'

type Collection = {
  findOne: (filter: object, options?: object) => Promise<{ _id: unknown; name?: string } | null>
  insertOne: (doc: object, options?: object) => Promise<{ insertedId: unknown }>
  updateMany: (filter: object, update: object, options?: object) => Promise<unknown>
  indexExists: (name: string) => Promise<boolean>
  dropIndex: (name: string, options?: object) => Promise<unknown>
}
type Database = {
  listCollections: (filter: object, options?: object) => { toArray: () => Promise<{ name: string }[]> }
  collection: (name: string) => Collection
}
const database = (payload: MigrateUpArgs['payload']) =>
  (payload.db as unknown as { connection: { db: Database } }).connection.db

/** The collections a village owns (cms/plugins/villages.ts), as MongoDB names them. */
const VILLAGE_COLLECTIONS = [
  'pages',
  'media',
  'news',
  'categories',
  'tags',
  'episodes',
  'podcast-audio',
  'transcripts',
  'producers',
  'product-categories',
  'products',
  'shipping-zones',
  'orders',
  'payment-proofs',
  'services',
  'service-requests',
  'letters',
]
const VERSIONED = ['pages', 'news', 'episodes']
/** Collections whose slug was unique install-wide; it is now unique per village (Payload builds the new index at start). */
const SLUGGED = ['pages', 'news', 'categories', 'tags', 'episodes', 'producers', 'product-categories', 'products', 'services']

const exists = async (db: Database, name: string, session: unknown) => (await db.listCollections({ name }, { session }).toArray()).length > 0

/**
 * The install's content, shop, services, requests and staff belong to its one village, named as its settings say
 * (as the SQLite migration of the same name does).
 */
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = database(payload)
  const settings = (await exists(db, 'globals', session)) ? await db.collection('globals').findOne({ globalType: 'settings' }, { session }) : null
  const name = settings?.name || 'Desa'
  // Payload may have made the first village at start already (cms/villages/firstVillage.ts).
  const village =
    (await db.collection('villages').findOne({}, { session }))?._id ??
    (
      await db
        .collection('villages')
        .insertOne({ name, slug: slugify(name) || 'desa', status: 'active', domains: [], createdAt: new Date(), updatedAt: new Date() }, { session })
    ).insertedId
  for (const collection of VILLAGE_COLLECTIONS)
    if (await exists(db, collection, session)) await db.collection(collection).updateMany({ village: { $exists: false } }, { $set: { village } }, { session })
  for (const collection of VERSIONED)
    if (await exists(db, `_${collection}_versions`, session))
      await db.collection(`_${collection}_versions`).updateMany({ 'version.village': { $exists: false } }, { $set: { 'version.village': village } }, { session })
  if (await exists(db, 'users', session))
    await db
      .collection('users')
      .updateMany({ villages: { $exists: false } }, { $set: { villages: [{ id: randomBytes(12).toString('hex'), village }] } }, { session })
  for (const collection of SLUGGED)
    if ((await exists(db, collection, session)) && (await db.collection(collection).indexExists('slug_1')))
      await db.collection(collection).dropIndex('slug_1', { session })
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  throw new Error('Villages cannot be merged back into one install automatically: restore the backup taken before the upgrade.')
}
