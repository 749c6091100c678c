import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`settings\` ADD \`qris_payload\` text;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`qris_merchant_name\` text;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`qris_merchant_city\` text;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`qris_sample\` integer;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`qris_payload\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`qris_merchant_name\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`qris_merchant_city\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`qris_sample\`;`)
}
