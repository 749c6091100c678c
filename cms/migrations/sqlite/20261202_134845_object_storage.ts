import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`podcast_audio\` ADD \`prefix\` text DEFAULT 'audio';`)
  await db.run(sql`ALTER TABLE \`podcast_audio\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`transcripts\` ADD \`prefix\` text DEFAULT 'transcripts';`)
  await db.run(sql`ALTER TABLE \`transcripts\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`payment_proofs\` ADD \`prefix\` text DEFAULT 'payment-proofs';`)
  await db.run(sql`ALTER TABLE \`payment_proofs\` ADD \`_objectkey\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`podcast_audio\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`podcast_audio\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`transcripts\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`transcripts\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`payment_proofs\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`payment_proofs\` DROP COLUMN \`_objectkey\`;`)
}
