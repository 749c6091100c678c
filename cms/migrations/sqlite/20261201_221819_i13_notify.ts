import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`service_requests_delivery_problems\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`channel\` text,
  	\`to\` text,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`service_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`service_requests_delivery_problems_order_idx\` ON \`service_requests_delivery_problems\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_delivery_problems_parent_id_idx\` ON \`service_requests_delivery_problems\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`settings_whatsapp_templates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`event\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`language\` text DEFAULT 'id' NOT NULL,
  	\`language_en\` text DEFAULT 'en',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`settings_whatsapp_templates_order_idx\` ON \`settings_whatsapp_templates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`settings_whatsapp_templates_parent_id_idx\` ON \`settings_whatsapp_templates\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`service_requests_delivery_problems\`;`)
  await db.run(sql`DROP TABLE \`settings_whatsapp_templates\`;`)
}
