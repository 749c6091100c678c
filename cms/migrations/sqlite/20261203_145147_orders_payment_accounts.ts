import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders\` ADD \`stripe_account\` text;`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`gateway_sub_account\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`stripe_account\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`gateway_sub_account\`;`)
}
