import { createHash } from 'node:crypto'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

type Row = { _id: unknown; accessToken?: string; resetPasswordToken?: string }
type Collection = {
  find: (filter: object, options: object) => AsyncIterable<Row>
  updateOne: (filter: object, update: object, options: object) => Promise<unknown>
}
const native = (payload: MigrateUpArgs['payload'], slug: string) =>
  (payload.db as unknown as { collections: Record<string, { collection: Collection }> }).collections[slug].collection

/**
 * Order links and password-reset links: only the tokens' SHA-256 is kept (as the SQLite migration
 * 20261201_161858_i12_trust_hash_tokens does); the links already sent keep working.
 */
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const orders = native(payload, 'orders')
  for await (const order of orders.find({ accessToken: { $not: /^sha256:/ } }, { session }))
    if (order.accessToken) await orders.updateOne({ _id: order._id }, { $set: { accessToken: `sha256:${sha256(order.accessToken)}` } }, { session })
  const users = native(payload, 'users')
  for await (const user of users.find({ resetPasswordToken: { $exists: true, $not: /^[0-9a-f]{64}$/ } }, { session }))
    if (user.resetPasswordToken)
      await users.updateOne({ _id: user._id }, { $set: { resetPasswordToken: sha256(user.resetPasswordToken) } }, { session })
}

/** A hash cannot be turned back into its token: the hashes stay. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
