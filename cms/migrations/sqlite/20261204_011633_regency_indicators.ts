import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`village_statistics\` ADD \`services_active\` numeric;`)
  await db.run(sql`ALTER TABLE \`village_statistics\` ADD \`last_article_at\` text;`)
  await db.run(sql`ALTER TABLE \`village_statistics\` ADD \`last_episode_at\` text;`)
  await db.run(sql`ALTER TABLE \`village_statistics\` ADD \`visits_by_day\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`village_statistics\` DROP COLUMN \`services_active\`;`)
  await db.run(sql`ALTER TABLE \`village_statistics\` DROP COLUMN \`last_article_at\`;`)
  await db.run(sql`ALTER TABLE \`village_statistics\` DROP COLUMN \`last_episode_at\`;`)
  await db.run(sql`ALTER TABLE \`village_statistics\` DROP COLUMN \`visits_by_day\`;`)
}
