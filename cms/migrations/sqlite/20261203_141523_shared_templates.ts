import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`product_categories\` ADD \`adopted_from_id\` integer REFERENCES product_categories(id);`)
  await db.run(sql`ALTER TABLE \`product_categories\` ADD \`follows_template\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`product_categories_adopted_from_idx\` ON \`product_categories\` (\`adopted_from_id\`);`)
  await db.run(sql`ALTER TABLE \`shipping_zones\` ADD \`adopted_from_id\` integer REFERENCES shipping_zones(id);`)
  await db.run(sql`ALTER TABLE \`shipping_zones\` ADD \`follows_template\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`shipping_zones_adopted_from_idx\` ON \`shipping_zones\` (\`adopted_from_id\`);`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`adopted_from_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`follows_template\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`services_adopted_from_idx\` ON \`services\` (\`adopted_from_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_product_categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`village_id\` integer,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_product_categories\`("id", "village_id", "slug", "updated_at", "created_at") SELECT "id", "village_id", "slug", "updated_at", "created_at" FROM \`product_categories\`;`)
  await db.run(sql`DROP TABLE \`product_categories\`;`)
  await db.run(sql`ALTER TABLE \`__new_product_categories\` RENAME TO \`product_categories\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`product_categories_village_idx\` ON \`product_categories\` (\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`product_categories_slug_idx\` ON \`product_categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`product_categories_updated_at_idx\` ON \`product_categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`product_categories_created_at_idx\` ON \`product_categories\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_6_idx\` ON \`product_categories\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_shipping_zones\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`village_id\` integer,
  	\`base_fee\` numeric NOT NULL,
  	\`per_kg_fee\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_shipping_zones\`("id", "village_id", "base_fee", "per_kg_fee", "updated_at", "created_at") SELECT "id", "village_id", "base_fee", "per_kg_fee", "updated_at", "created_at" FROM \`shipping_zones\`;`)
  await db.run(sql`DROP TABLE \`shipping_zones\`;`)
  await db.run(sql`ALTER TABLE \`__new_shipping_zones\` RENAME TO \`shipping_zones\`;`)
  await db.run(sql`CREATE INDEX \`shipping_zones_village_idx\` ON \`shipping_zones\` (\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`shipping_zones_updated_at_idx\` ON \`shipping_zones\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`shipping_zones_created_at_idx\` ON \`shipping_zones\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_services\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`village_id\` integer,
  	\`slug\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`fee\` numeric DEFAULT 0 NOT NULL,
  	\`processing_days\` numeric DEFAULT 3 NOT NULL,
  	\`order\` numeric DEFAULT 10,
  	\`active\` integer DEFAULT true,
  	\`letter_template\` text,
  	\`number_format\` text DEFAULT '[kode]/[nomor]/[kode desa]/[bulan romawi]/[tahun]',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_services\`("id", "village_id", "slug", "code", "fee", "processing_days", "order", "active", "letter_template", "number_format", "updated_at", "created_at") SELECT "id", "village_id", "slug", "code", "fee", "processing_days", "order", "active", "letter_template", "number_format", "updated_at", "created_at" FROM \`services\`;`)
  await db.run(sql`DROP TABLE \`services\`;`)
  await db.run(sql`ALTER TABLE \`__new_services\` RENAME TO \`services\`;`)
  await db.run(sql`CREATE INDEX \`services_village_idx\` ON \`services\` (\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`services_slug_idx\` ON \`services\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`services_updated_at_idx\` ON \`services\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`services_created_at_idx\` ON \`services\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_8_idx\` ON \`services\` (\`slug\`,\`village_id\`);`)
}
