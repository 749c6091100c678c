import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders_timeline\` ADD \`note\` text;`)
  await db.run(sql`ALTER TABLE \`orders_timeline\` ADD \`code\` text;`)
  await db.run(sql`ALTER TABLE \`orders_timeline\` ADD \`detail\` text;`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`attention\` text;`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`status_note\` text;`)
  await db.run(sql`CREATE INDEX \`orders_attention_idx\` ON \`orders\` (\`attention\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`orders_attention_idx\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`attention\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`status_note\`;`)
  await db.run(sql`ALTER TABLE \`orders_timeline\` DROP COLUMN \`note\`;`)
  await db.run(sql`ALTER TABLE \`orders_timeline\` DROP COLUMN \`code\`;`)
  await db.run(sql`ALTER TABLE \`orders_timeline\` DROP COLUMN \`detail\`;`)
}
