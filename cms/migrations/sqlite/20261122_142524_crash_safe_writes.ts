import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`service_requests\` ADD \`incomplete\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`service_requests_incomplete_idx\` ON \`service_requests\` (\`incomplete\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`service_requests_incomplete_idx\`;`)
  await db.run(sql`ALTER TABLE \`service_requests\` DROP COLUMN \`incomplete\`;`)
}
