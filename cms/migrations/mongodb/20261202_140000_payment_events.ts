import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

type Database = {
  listCollections: (filter: object, options?: object) => { toArray: () => Promise<{ name: string }[]> }
  renameCollection: (from: string, to: string, options?: object) => Promise<unknown>
  dropCollection: (name: string, options?: object) => Promise<unknown>
  collection: (name: string) => {
    updateMany: (filter: object, update: object, options?: object) => Promise<unknown>
    countDocuments: (filter: object, options?: object) => Promise<number>
  }
}
const database = (payload: MigrateUpArgs['payload']) =>
  (payload.db as unknown as { connection: { db: Database } }).connection.db

/**
 * Stripe's event claims become every gateway's: the `stripe-events` collection is renamed `payment-events`
 * (as the SQLite migration 20261202_135151_i21_xendit_payment_events renames its table), and documents locked
 * in the admin point at the new name. Its new fields (provider, order, outcome) need no migration on MongoDB;
 * the claims made before keep `provider` unset, which reads as Stripe's default.
 */
const rename = async (payload: MigrateUpArgs['payload'], from: string, to: string, session: unknown) => {
  const db = database(payload)
  const existing = await db.listCollections({ name: from }, { session }).toArray()
  const target = await db.listCollections({ name: to }, { session }).toArray()
  if (existing.length) {
    // Payload may have created the new collection, empty, with its indexes at start: the old one's documents win.
    if (target.length) {
      if ((await db.collection(to).countDocuments({}, { session })) > 0) throw new Error(`Both ${from} and ${to} hold documents: merge them by hand`)
      await db.dropCollection(to, { session })
    }
    await db.renameCollection(from, to, { session })
  }
  await db
    .collection('payload-locked-documents')
    .updateMany({ 'document.relationTo': from }, { $set: { 'document.relationTo': to } }, { session })
}

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  await rename(payload, 'stripe-events', 'payment-events', session)
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  await rename(payload, 'payment-events', 'stripe-events', session)
}
