import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`service_requests\` ADD \`submission_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`service_requests_submission_key_idx\` ON \`service_requests\` (\`submission_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`service_requests_submission_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`service_requests\` DROP COLUMN \`submission_key\`;`)
}
