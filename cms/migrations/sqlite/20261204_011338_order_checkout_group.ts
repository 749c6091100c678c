import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders\` ADD \`checkout_group\` text;`)
  await db.run(sql`CREATE INDEX \`orders_checkout_group_idx\` ON \`orders\` (\`checkout_group\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`orders_checkout_group_idx\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`checkout_group\`;`)
}
