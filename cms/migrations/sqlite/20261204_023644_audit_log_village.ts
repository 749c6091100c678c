import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`audit_log_village_idx\` ON \`audit_log\` (\`village_id\`);`)
  // What was written before belongs to the village of the request it is about.
  await db.run(
    sql`UPDATE \`audit_log\` SET \`village_id\` = (SELECT \`village_id\` FROM \`service_requests\` WHERE \`service_requests\`.\`id\` = \`audit_log\`.\`request_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`user_id\` integer,
  	\`request_id\` integer,
  	\`detail\` text,
  	\`before\` text,
  	\`after\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`request_id\`) REFERENCES \`service_requests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_audit_log\`("id", "at", "action", "user_id", "request_id", "detail", "before", "after", "updated_at", "created_at") SELECT "id", "at", "action", "user_id", "request_id", "detail", "before", "after", "updated_at", "created_at" FROM \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_log\` RENAME TO \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_request_idx\` ON \`audit_log\` (\`request_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
}
