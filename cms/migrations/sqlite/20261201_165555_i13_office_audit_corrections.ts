import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`before\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`after\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`before\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`after\`;`)
}
