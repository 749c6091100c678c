import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sequences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`value\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sequences_key_idx\` ON \`sequences\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`instance_leases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`instance\` text NOT NULL,
  	\`expires_at\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instance_leases_instance_idx\` ON \`instance_leases\` (\`instance\`);`)
  await db.run(sql`CREATE INDEX \`instance_leases_expires_at_idx\` ON \`instance_leases\` (\`expires_at\`);`)
  await db.run(sql`CREATE TABLE \`content_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`instance\` text NOT NULL,
  	\`tags\` text NOT NULL,
  	\`at\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`content_changes_at_idx\` ON \`content_changes\` (\`at\`);`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`reservation_instance\` text;`)
  await db.run(sql`CREATE INDEX \`orders_reservation_reservation_instance_idx\` ON \`orders\` (\`reservation_instance\`);`)
  await db.run(sql`ALTER TABLE \`service_requests\` ADD \`written_by\` text;`)
  await db.run(sql`CREATE INDEX \`service_requests_written_by_idx\` ON \`service_requests\` (\`written_by\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sequences\`;`)
  await db.run(sql`DROP TABLE \`instance_leases\`;`)
  await db.run(sql`DROP TABLE \`content_changes\`;`)
  await db.run(sql`DROP INDEX \`orders_reservation_reservation_instance_idx\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`reservation_instance\`;`)
  await db.run(sql`DROP INDEX \`service_requests_written_by_idx\`;`)
  await db.run(sql`ALTER TABLE \`service_requests\` DROP COLUMN \`written_by\`;`)
}
