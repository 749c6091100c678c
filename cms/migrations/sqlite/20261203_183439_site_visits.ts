import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_visits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`village\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`views\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`site_visits_key_idx\` ON \`site_visits\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`site_visits_village_idx\` ON \`site_visits\` (\`village\`);`)
  await db.run(sql`CREATE INDEX \`site_visits_day_idx\` ON \`site_visits\` (\`day\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`site_visits\`;`)
}
