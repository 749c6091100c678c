import { createHash } from 'node:crypto'
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** Order links and password-reset links: from now on only the tokens' SHA-256 is kept; the links already sent keep working. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  const orders = await db.all<{ id: number; access_token: string }>(sql`SELECT id, access_token FROM orders`)
  for (const order of orders)
    if (!order.access_token.startsWith('sha256:'))
      await db.run(sql`UPDATE orders SET access_token = ${`sha256:${sha256(order.access_token)}`} WHERE id = ${order.id}`)
  const resets = await db.all<{ id: number; reset_password_token: string }>(
    sql`SELECT id, reset_password_token FROM users WHERE reset_password_token IS NOT NULL`,
  )
  for (const user of resets)
    if (!/^[0-9a-f]{64}$/.test(user.reset_password_token))
      await db.run(sql`UPDATE users SET reset_password_token = ${sha256(user.reset_password_token)} WHERE id = ${user.id}`)
}

/** A hash cannot be turned back into its token: the hashes stay. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
