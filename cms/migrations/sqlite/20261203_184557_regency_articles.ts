import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` ADD \`for_every_village\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`news_for_every_village_idx\` ON \`news\` (\`for_every_village\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_for_every_village\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_for_every_village_idx\` ON \`_news_v\` (\`version_for_every_village\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`news_for_every_village_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`for_every_village\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_for_every_village_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_for_every_village\`;`)
}
