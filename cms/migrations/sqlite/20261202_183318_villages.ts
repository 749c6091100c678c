import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { slugify } from '../../lib/slugify'

const VILLAGE_TABLES = [
  'pages',
  'news',
  'categories',
  'tags',
  'episodes',
  'producers',
  'product_categories',
  'products',
  'services',
  'media',
  'podcast_audio',
  'transcripts',
  'shipping_zones',
  'orders',
  'payment_proofs',
  'service_requests',
  'letters',
]
const VERSION_TABLES = ['_pages_v', '_news_v', '_episodes_v']

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`villages_domains\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`host\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`villages_domains_order_idx\` ON \`villages_domains\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`villages_domains_parent_id_idx\` ON \`villages_domains\` (\`_parent_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`villages_domains_host_idx\` ON \`villages_domains\` (\`host\`);`)
  await db.run(sql`CREATE TABLE \`villages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`code\` text,
  	\`kecamatan\` text,
  	\`kabupaten\` text,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`villages_slug_idx\` ON \`villages\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`villages_code_idx\` ON \`villages\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`villages_updated_at_idx\` ON \`villages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`villages_created_at_idx\` ON \`villages\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_villages\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`village_id\` integer NOT NULL,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_villages_order_idx\` ON \`users_villages\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_villages_parent_id_idx\` ON \`users_villages\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_villages_village_idx\` ON \`users_villages\` (\`village_id\`);`)
  await db.run(sql`DROP INDEX \`pages_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`pages_village_idx\` ON \`pages\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_idx\` ON \`pages\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`news_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`news_village_idx\` ON \`news\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_1_idx\` ON \`news\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`categories_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`categories_village_idx\` ON \`categories\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_2_idx\` ON \`categories\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`tags_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`tags\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`tags_village_idx\` ON \`tags\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_3_idx\` ON \`tags\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`tags_slug_idx\` ON \`tags\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`episodes_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`episodes\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`episodes_village_idx\` ON \`episodes\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_4_idx\` ON \`episodes\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_slug_idx\` ON \`episodes\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`producers_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`producers\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`producers_village_idx\` ON \`producers\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_5_idx\` ON \`producers\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`producers_slug_idx\` ON \`producers\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`product_categories_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`product_categories\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`product_categories_village_idx\` ON \`product_categories\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_6_idx\` ON \`product_categories\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`product_categories_slug_idx\` ON \`product_categories\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`products_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`products\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`products_village_idx\` ON \`products\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_7_idx\` ON \`products\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`products_slug_idx\` ON \`products\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`services_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`services_village_idx\` ON \`services\` (\`village_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`slug_village_8_idx\` ON \`services\` (\`slug\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`services_slug_idx\` ON \`services\` (\`slug\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_village_idx\` ON \`_pages_v\` (\`version_village_id\`);`)
  await db.run(sql`CREATE INDEX \`version_slug_version_village_idx\` ON \`_pages_v\` (\`version_slug\`,\`version_village_id\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`media_village_idx\` ON \`media\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_village_idx\` ON \`_news_v\` (\`version_village_id\`);`)
  await db.run(sql`CREATE INDEX \`version_slug_version_village_1_idx\` ON \`_news_v\` (\`version_slug\`,\`version_village_id\`);`)
  await db.run(sql`ALTER TABLE \`_episodes_v\` ADD \`version_village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_village_idx\` ON \`_episodes_v\` (\`version_village_id\`);`)
  await db.run(sql`CREATE INDEX \`version_slug_version_village_2_idx\` ON \`_episodes_v\` (\`version_slug\`,\`version_village_id\`);`)
  await db.run(sql`ALTER TABLE \`podcast_audio\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`podcast_audio_village_idx\` ON \`podcast_audio\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`transcripts\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`transcripts_village_idx\` ON \`transcripts\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`shipping_zones\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`shipping_zones_village_idx\` ON \`shipping_zones\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`orders_village_idx\` ON \`orders\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`payment_proofs\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`payment_proofs_village_idx\` ON \`payment_proofs\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`service_requests\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`service_requests_village_idx\` ON \`service_requests\` (\`village_id\`);`)
  await db.run(sql`ALTER TABLE \`letters\` ADD \`village_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`letters_village_idx\` ON \`letters\` (\`village_id\`);`)
  await db.run(sql`DROP INDEX \`letters_number_idx\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`number_village_idx\` ON \`letters\` (\`number\`,\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_number_idx\` ON \`letters\` (\`number\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`villages_id\` integer REFERENCES villages(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_villages_id_idx\` ON \`payload_locked_documents_rels\` (\`villages_id\`);`)

  // The install's content, shop, services, requests and staff belong to its one village, named as its settings say.
  const [settings] = await db.all<{ name: string | null }>(sql`SELECT name FROM settings LIMIT 1`)
  const name = settings?.name || 'Desa'
  await db.run(sql`INSERT INTO villages (name, slug, status) VALUES (${name}, ${slugify(name) || 'desa'}, 'active')`)
  const [{ id }] = await db.all<{ id: number }>(sql`SELECT id FROM villages LIMIT 1`)
  for (const table of VILLAGE_TABLES) await db.run(sql.raw(`UPDATE \`${table}\` SET village_id = ${Number(id)}`))
  for (const table of VERSION_TABLES) await db.run(sql.raw(`UPDATE \`${table}\` SET version_village_id = ${Number(id)}`))
  await db.run(
    sql`INSERT INTO users_villages (_order, _parent_id, id, village_id) SELECT 1, id, lower(hex(randomblob(12))), ${id} FROM users`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`number_village_idx\`;`)
  await db.run(sql`DROP INDEX \`letters_number_idx\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_number_idx\` ON \`letters\` (\`number\`);`)
  await db.run(sql`DROP TABLE \`villages_domains\`;`)
  await db.run(sql`DROP TABLE \`villages\`;`)
  await db.run(sql`DROP TABLE \`users_villages\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`order\` numeric DEFAULT 10,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_pages\`("id", "slug", "order", "updated_at", "created_at", "_status") SELECT "id", "slug", "order", "updated_at", "created_at", "_status" FROM \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`ALTER TABLE \`__new_pages\` RENAME TO \`pages\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_order\` numeric DEFAULT 10,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__pages_v\`("id", "parent_id", "version_slug", "version_order", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_slug", "version_order", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__pages_v\` RENAME TO \`_pages_v\`;`)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_snapshot_idx\` ON \`_pages_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_published_locale_idx\` ON \`_pages_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`uploaded_by_id\` integer,
  	\`prefix\` text DEFAULT '',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_w96_url\` text,
  	\`sizes_w96_width\` numeric,
  	\`sizes_w96_height\` numeric,
  	\`sizes_w96_mime_type\` text,
  	\`sizes_w96_filesize\` numeric,
  	\`sizes_w96_filename\` text,
  	\`sizes_w96_webp_url\` text,
  	\`sizes_w96_webp_width\` numeric,
  	\`sizes_w96_webp_height\` numeric,
  	\`sizes_w96_webp_mime_type\` text,
  	\`sizes_w96_webp_filesize\` numeric,
  	\`sizes_w96_webp_filename\` text,
  	\`sizes_w96_avif_url\` text,
  	\`sizes_w96_avif_width\` numeric,
  	\`sizes_w96_avif_height\` numeric,
  	\`sizes_w96_avif_mime_type\` text,
  	\`sizes_w96_avif_filesize\` numeric,
  	\`sizes_w96_avif_filename\` text,
  	\`sizes_w480_url\` text,
  	\`sizes_w480_width\` numeric,
  	\`sizes_w480_height\` numeric,
  	\`sizes_w480_mime_type\` text,
  	\`sizes_w480_filesize\` numeric,
  	\`sizes_w480_filename\` text,
  	\`sizes_w480_webp_url\` text,
  	\`sizes_w480_webp_width\` numeric,
  	\`sizes_w480_webp_height\` numeric,
  	\`sizes_w480_webp_mime_type\` text,
  	\`sizes_w480_webp_filesize\` numeric,
  	\`sizes_w480_webp_filename\` text,
  	\`sizes_w480_avif_url\` text,
  	\`sizes_w480_avif_width\` numeric,
  	\`sizes_w480_avif_height\` numeric,
  	\`sizes_w480_avif_mime_type\` text,
  	\`sizes_w480_avif_filesize\` numeric,
  	\`sizes_w480_avif_filename\` text,
  	\`sizes_w960_url\` text,
  	\`sizes_w960_width\` numeric,
  	\`sizes_w960_height\` numeric,
  	\`sizes_w960_mime_type\` text,
  	\`sizes_w960_filesize\` numeric,
  	\`sizes_w960_filename\` text,
  	\`sizes_w960_webp_url\` text,
  	\`sizes_w960_webp_width\` numeric,
  	\`sizes_w960_webp_height\` numeric,
  	\`sizes_w960_webp_mime_type\` text,
  	\`sizes_w960_webp_filesize\` numeric,
  	\`sizes_w960_webp_filename\` text,
  	\`sizes_w960_avif_url\` text,
  	\`sizes_w960_avif_width\` numeric,
  	\`sizes_w960_avif_height\` numeric,
  	\`sizes_w960_avif_mime_type\` text,
  	\`sizes_w960_avif_filesize\` numeric,
  	\`sizes_w960_avif_filename\` text,
  	\`sizes_w1600_url\` text,
  	\`sizes_w1600_width\` numeric,
  	\`sizes_w1600_height\` numeric,
  	\`sizes_w1600_mime_type\` text,
  	\`sizes_w1600_filesize\` numeric,
  	\`sizes_w1600_filename\` text,
  	\`sizes_w1600_webp_url\` text,
  	\`sizes_w1600_webp_width\` numeric,
  	\`sizes_w1600_webp_height\` numeric,
  	\`sizes_w1600_webp_mime_type\` text,
  	\`sizes_w1600_webp_filesize\` numeric,
  	\`sizes_w1600_webp_filename\` text,
  	\`sizes_w1600_avif_url\` text,
  	\`sizes_w1600_avif_width\` numeric,
  	\`sizes_w1600_avif_height\` numeric,
  	\`sizes_w1600_avif_mime_type\` text,
  	\`sizes_w1600_avif_filesize\` numeric,
  	\`sizes_w1600_avif_filename\` text,
  	\`sizes_og_url\` text,
  	\`sizes_og_width\` numeric,
  	\`sizes_og_height\` numeric,
  	\`sizes_og_mime_type\` text,
  	\`sizes_og_filesize\` numeric,
  	\`sizes_og_filename\` text,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_media\`("id", "uploaded_by_id", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_w96_url", "sizes_w96_width", "sizes_w96_height", "sizes_w96_mime_type", "sizes_w96_filesize", "sizes_w96_filename", "sizes_w96_webp_url", "sizes_w96_webp_width", "sizes_w96_webp_height", "sizes_w96_webp_mime_type", "sizes_w96_webp_filesize", "sizes_w96_webp_filename", "sizes_w96_avif_url", "sizes_w96_avif_width", "sizes_w96_avif_height", "sizes_w96_avif_mime_type", "sizes_w96_avif_filesize", "sizes_w96_avif_filename", "sizes_w480_url", "sizes_w480_width", "sizes_w480_height", "sizes_w480_mime_type", "sizes_w480_filesize", "sizes_w480_filename", "sizes_w480_webp_url", "sizes_w480_webp_width", "sizes_w480_webp_height", "sizes_w480_webp_mime_type", "sizes_w480_webp_filesize", "sizes_w480_webp_filename", "sizes_w480_avif_url", "sizes_w480_avif_width", "sizes_w480_avif_height", "sizes_w480_avif_mime_type", "sizes_w480_avif_filesize", "sizes_w480_avif_filename", "sizes_w960_url", "sizes_w960_width", "sizes_w960_height", "sizes_w960_mime_type", "sizes_w960_filesize", "sizes_w960_filename", "sizes_w960_webp_url", "sizes_w960_webp_width", "sizes_w960_webp_height", "sizes_w960_webp_mime_type", "sizes_w960_webp_filesize", "sizes_w960_webp_filename", "sizes_w960_avif_url", "sizes_w960_avif_width", "sizes_w960_avif_height", "sizes_w960_avif_mime_type", "sizes_w960_avif_filesize", "sizes_w960_avif_filename", "sizes_w1600_url", "sizes_w1600_width", "sizes_w1600_height", "sizes_w1600_mime_type", "sizes_w1600_filesize", "sizes_w1600_filename", "sizes_w1600_webp_url", "sizes_w1600_webp_width", "sizes_w1600_webp_height", "sizes_w1600_webp_mime_type", "sizes_w1600_webp_filesize", "sizes_w1600_webp_filename", "sizes_w1600_avif_url", "sizes_w1600_avif_width", "sizes_w1600_avif_height", "sizes_w1600_avif_mime_type", "sizes_w1600_avif_filesize", "sizes_w1600_avif_filename", "sizes_og_url", "sizes_og_width", "sizes_og_height", "sizes_og_mime_type", "sizes_og_filesize", "sizes_og_filename") SELECT "id", "uploaded_by_id", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_w96_url", "sizes_w96_width", "sizes_w96_height", "sizes_w96_mime_type", "sizes_w96_filesize", "sizes_w96_filename", "sizes_w96_webp_url", "sizes_w96_webp_width", "sizes_w96_webp_height", "sizes_w96_webp_mime_type", "sizes_w96_webp_filesize", "sizes_w96_webp_filename", "sizes_w96_avif_url", "sizes_w96_avif_width", "sizes_w96_avif_height", "sizes_w96_avif_mime_type", "sizes_w96_avif_filesize", "sizes_w96_avif_filename", "sizes_w480_url", "sizes_w480_width", "sizes_w480_height", "sizes_w480_mime_type", "sizes_w480_filesize", "sizes_w480_filename", "sizes_w480_webp_url", "sizes_w480_webp_width", "sizes_w480_webp_height", "sizes_w480_webp_mime_type", "sizes_w480_webp_filesize", "sizes_w480_webp_filename", "sizes_w480_avif_url", "sizes_w480_avif_width", "sizes_w480_avif_height", "sizes_w480_avif_mime_type", "sizes_w480_avif_filesize", "sizes_w480_avif_filename", "sizes_w960_url", "sizes_w960_width", "sizes_w960_height", "sizes_w960_mime_type", "sizes_w960_filesize", "sizes_w960_filename", "sizes_w960_webp_url", "sizes_w960_webp_width", "sizes_w960_webp_height", "sizes_w960_webp_mime_type", "sizes_w960_webp_filesize", "sizes_w960_webp_filename", "sizes_w960_avif_url", "sizes_w960_avif_width", "sizes_w960_avif_height", "sizes_w960_avif_mime_type", "sizes_w960_avif_filesize", "sizes_w960_avif_filename", "sizes_w1600_url", "sizes_w1600_width", "sizes_w1600_height", "sizes_w1600_mime_type", "sizes_w1600_filesize", "sizes_w1600_filename", "sizes_w1600_webp_url", "sizes_w1600_webp_width", "sizes_w1600_webp_height", "sizes_w1600_webp_mime_type", "sizes_w1600_webp_filesize", "sizes_w1600_webp_filename", "sizes_w1600_avif_url", "sizes_w1600_avif_width", "sizes_w1600_avif_height", "sizes_w1600_avif_mime_type", "sizes_w1600_avif_filesize", "sizes_w1600_avif_filename", "sizes_og_url", "sizes_og_width", "sizes_og_height", "sizes_og_mime_type", "sizes_og_filesize", "sizes_og_filename" FROM \`media\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`ALTER TABLE \`__new_media\` RENAME TO \`media\`;`)
  await db.run(sql`CREATE INDEX \`media_uploaded_by_idx\` ON \`media\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w96_sizes_w96_filename_idx\` ON \`media\` (\`sizes_w96_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w96_webp_sizes_w96_webp_filename_idx\` ON \`media\` (\`sizes_w96_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w96_avif_sizes_w96_avif_filename_idx\` ON \`media\` (\`sizes_w96_avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w480_sizes_w480_filename_idx\` ON \`media\` (\`sizes_w480_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w480_webp_sizes_w480_webp_filename_idx\` ON \`media\` (\`sizes_w480_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w480_avif_sizes_w480_avif_filename_idx\` ON \`media\` (\`sizes_w480_avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w960_sizes_w960_filename_idx\` ON \`media\` (\`sizes_w960_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w960_webp_sizes_w960_webp_filename_idx\` ON \`media\` (\`sizes_w960_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w960_avif_sizes_w960_avif_filename_idx\` ON \`media\` (\`sizes_w960_avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w1600_sizes_w1600_filename_idx\` ON \`media\` (\`sizes_w1600_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w1600_webp_sizes_w1600_webp_filename_idx\` ON \`media\` (\`sizes_w1600_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w1600_avif_sizes_w1600_avif_filename_idx\` ON \`media\` (\`sizes_w1600_avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_og_sizes_og_filename_idx\` ON \`media\` (\`sizes_og_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`cover_id\` integer,
  	\`author\` text,
  	\`published_at\` text,
  	\`seo_image_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`seo_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news\`("id", "slug", "cover_id", "author", "published_at", "seo_image_id", "updated_at", "created_at", "_status") SELECT "id", "slug", "cover_id", "author", "published_at", "seo_image_id", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_cover_idx\` ON \`news\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`news_published_at_idx\` ON \`news\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`news_seo_seo_image_idx\` ON \`news\` (\`seo_image_id\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_cover_id\` integer,
  	\`version_author\` text,
  	\`version_published_at\` text,
  	\`version_seo_image_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_seo_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_slug", "version_cover_id", "version_author", "version_published_at", "version_seo_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_slug", "version_cover_id", "version_author", "version_published_at", "version_seo_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_cover_idx\` ON \`_news_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_published_at_idx\` ON \`_news_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_seo_version_seo_image_idx\` ON \`_news_v\` (\`version_seo_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_snapshot_idx\` ON \`_news_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_published_locale_idx\` ON \`_news_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_categories\`("id", "slug", "updated_at", "created_at") SELECT "id", "slug", "updated_at", "created_at" FROM \`categories\`;`)
  await db.run(sql`DROP TABLE \`categories\`;`)
  await db.run(sql`ALTER TABLE \`__new_categories\` RENAME TO \`categories\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`categories_updated_at_idx\` ON \`categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`categories_created_at_idx\` ON \`categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_tags\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_tags\`("id", "slug", "updated_at", "created_at") SELECT "id", "slug", "updated_at", "created_at" FROM \`tags\`;`)
  await db.run(sql`DROP TABLE \`tags\`;`)
  await db.run(sql`ALTER TABLE \`__new_tags\` RENAME TO \`tags\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`tags_slug_idx\` ON \`tags\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`tags_updated_at_idx\` ON \`tags\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tags_created_at_idx\` ON \`tags\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_episodes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`season\` numeric,
  	\`episode_number\` numeric,
  	\`episode_type\` text DEFAULT 'full',
  	\`audio_id\` integer,
  	\`artwork_id\` integer,
  	\`transcript_id\` integer,
  	\`explicit\` integer DEFAULT false,
  	\`published_at\` text,
  	\`guid\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`audio_id\`) REFERENCES \`podcast_audio\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`artwork_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`transcript_id\`) REFERENCES \`transcripts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_episodes\`("id", "slug", "season", "episode_number", "episode_type", "audio_id", "artwork_id", "transcript_id", "explicit", "published_at", "guid", "updated_at", "created_at", "_status") SELECT "id", "slug", "season", "episode_number", "episode_type", "audio_id", "artwork_id", "transcript_id", "explicit", "published_at", "guid", "updated_at", "created_at", "_status" FROM \`episodes\`;`)
  await db.run(sql`DROP TABLE \`episodes\`;`)
  await db.run(sql`ALTER TABLE \`__new_episodes\` RENAME TO \`episodes\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`episodes_slug_idx\` ON \`episodes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`episodes_audio_idx\` ON \`episodes\` (\`audio_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_artwork_idx\` ON \`episodes\` (\`artwork_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_transcript_idx\` ON \`episodes\` (\`transcript_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_published_at_idx\` ON \`episodes\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`episodes_guid_idx\` ON \`episodes\` (\`guid\`);`)
  await db.run(sql`CREATE INDEX \`episodes_updated_at_idx\` ON \`episodes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`episodes_created_at_idx\` ON \`episodes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`episodes__status_idx\` ON \`episodes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__episodes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_season\` numeric,
  	\`version_episode_number\` numeric,
  	\`version_episode_type\` text DEFAULT 'full',
  	\`version_audio_id\` integer,
  	\`version_artwork_id\` integer,
  	\`version_transcript_id\` integer,
  	\`version_explicit\` integer DEFAULT false,
  	\`version_published_at\` text,
  	\`version_guid\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_audio_id\`) REFERENCES \`podcast_audio\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_artwork_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_transcript_id\`) REFERENCES \`transcripts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__episodes_v\`("id", "parent_id", "version_slug", "version_season", "version_episode_number", "version_episode_type", "version_audio_id", "version_artwork_id", "version_transcript_id", "version_explicit", "version_published_at", "version_guid", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_slug", "version_season", "version_episode_number", "version_episode_type", "version_audio_id", "version_artwork_id", "version_transcript_id", "version_explicit", "version_published_at", "version_guid", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_episodes_v\`;`)
  await db.run(sql`DROP TABLE \`_episodes_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__episodes_v\` RENAME TO \`_episodes_v\`;`)
  await db.run(sql`CREATE INDEX \`_episodes_v_parent_idx\` ON \`_episodes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_slug_idx\` ON \`_episodes_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_audio_idx\` ON \`_episodes_v\` (\`version_audio_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_artwork_idx\` ON \`_episodes_v\` (\`version_artwork_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_transcript_idx\` ON \`_episodes_v\` (\`version_transcript_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_published_at_idx\` ON \`_episodes_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_guid_idx\` ON \`_episodes_v\` (\`version_guid\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_updated_at_idx\` ON \`_episodes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_created_at_idx\` ON \`_episodes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version__status_idx\` ON \`_episodes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_created_at_idx\` ON \`_episodes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_updated_at_idx\` ON \`_episodes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_snapshot_idx\` ON \`_episodes_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_published_locale_idx\` ON \`_episodes_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_latest_idx\` ON \`_episodes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_podcast_audio\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`duration\` numeric,
  	\`prefix\` text DEFAULT 'audio',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`INSERT INTO \`__new_podcast_audio\`("id", "duration", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "duration", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`podcast_audio\`;`)
  await db.run(sql`DROP TABLE \`podcast_audio\`;`)
  await db.run(sql`ALTER TABLE \`__new_podcast_audio\` RENAME TO \`podcast_audio\`;`)
  await db.run(sql`CREATE INDEX \`podcast_audio_updated_at_idx\` ON \`podcast_audio\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`podcast_audio_created_at_idx\` ON \`podcast_audio\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`podcast_audio_filename_idx\` ON \`podcast_audio\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_transcripts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`cues\` text,
  	\`prefix\` text DEFAULT 'transcripts',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`INSERT INTO \`__new_transcripts\`("id", "cues", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "cues", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`transcripts\`;`)
  await db.run(sql`DROP TABLE \`transcripts\`;`)
  await db.run(sql`ALTER TABLE \`__new_transcripts\` RENAME TO \`transcripts\`;`)
  await db.run(sql`CREATE INDEX \`transcripts_updated_at_idx\` ON \`transcripts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`transcripts_created_at_idx\` ON \`transcripts\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`transcripts_filename_idx\` ON \`transcripts\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_producers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`kind\` text DEFAULT 'umkm' NOT NULL,
  	\`photo_id\` integer,
  	\`whatsapp\` text,
  	\`email\` text,
  	\`location\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_producers\`("id", "name", "slug", "kind", "photo_id", "whatsapp", "email", "location", "updated_at", "created_at") SELECT "id", "name", "slug", "kind", "photo_id", "whatsapp", "email", "location", "updated_at", "created_at" FROM \`producers\`;`)
  await db.run(sql`DROP TABLE \`producers\`;`)
  await db.run(sql`ALTER TABLE \`__new_producers\` RENAME TO \`producers\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`producers_slug_idx\` ON \`producers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`producers_photo_idx\` ON \`producers\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`producers_updated_at_idx\` ON \`producers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`producers_created_at_idx\` ON \`producers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_product_categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_product_categories\`("id", "slug", "updated_at", "created_at") SELECT "id", "slug", "updated_at", "created_at" FROM \`product_categories\`;`)
  await db.run(sql`DROP TABLE \`product_categories\`;`)
  await db.run(sql`ALTER TABLE \`__new_product_categories\` RENAME TO \`product_categories\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`product_categories_slug_idx\` ON \`product_categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`product_categories_updated_at_idx\` ON \`product_categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`product_categories_created_at_idx\` ON \`product_categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_products\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`featured\` integer DEFAULT false,
  	\`producer_id\` integer NOT NULL,
  	\`category_id\` integer NOT NULL,
  	\`price\` numeric,
  	\`compare_at_price\` numeric,
  	\`track_stock\` integer DEFAULT true,
  	\`made_to_order\` integer DEFAULT false,
  	\`lead_time_days\` numeric,
  	\`food_pirt\` text,
  	\`food_halal\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`producer_id\`) REFERENCES \`producers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`product_categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_products\`("id", "slug", "status", "featured", "producer_id", "category_id", "price", "compare_at_price", "track_stock", "made_to_order", "lead_time_days", "food_pirt", "food_halal", "updated_at", "created_at") SELECT "id", "slug", "status", "featured", "producer_id", "category_id", "price", "compare_at_price", "track_stock", "made_to_order", "lead_time_days", "food_pirt", "food_halal", "updated_at", "created_at" FROM \`products\`;`)
  await db.run(sql`DROP TABLE \`products\`;`)
  await db.run(sql`ALTER TABLE \`__new_products\` RENAME TO \`products\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`products_slug_idx\` ON \`products\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`products_status_idx\` ON \`products\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`products_producer_idx\` ON \`products\` (\`producer_id\`);`)
  await db.run(sql`CREATE INDEX \`products_category_idx\` ON \`products\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`products_price_idx\` ON \`products\` (\`price\`);`)
  await db.run(sql`CREATE INDEX \`products_updated_at_idx\` ON \`products\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`products_created_at_idx\` ON \`products\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_shipping_zones\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`base_fee\` numeric NOT NULL,
  	\`per_kg_fee\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_shipping_zones\`("id", "base_fee", "per_kg_fee", "updated_at", "created_at") SELECT "id", "base_fee", "per_kg_fee", "updated_at", "created_at" FROM \`shipping_zones\`;`)
  await db.run(sql`DROP TABLE \`shipping_zones\`;`)
  await db.run(sql`ALTER TABLE \`__new_shipping_zones\` RENAME TO \`shipping_zones\`;`)
  await db.run(sql`CREATE INDEX \`shipping_zones_updated_at_idx\` ON \`shipping_zones\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`shipping_zones_created_at_idx\` ON \`shipping_zones\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_orders\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`access_token\` text NOT NULL,
  	\`locale\` text DEFAULT 'id',
  	\`payment_method\` text NOT NULL,
  	\`payment_status\` text DEFAULT 'pending' NOT NULL,
  	\`fulfilment_status\` text DEFAULT 'unfulfilled' NOT NULL,
  	\`attention\` text,
  	\`tracking_number\` text,
  	\`status_note\` text,
  	\`subtotal\` numeric NOT NULL,
  	\`shipping_fee\` numeric NOT NULL,
  	\`total\` numeric NOT NULL,
  	\`buyer_name\` text NOT NULL,
  	\`buyer_email\` text NOT NULL,
  	\`buyer_phone\` text NOT NULL,
  	\`delivery_method\` text NOT NULL,
  	\`delivery_zone\` text,
  	\`delivery_province\` text,
  	\`delivery_city\` text,
  	\`delivery_district\` text,
  	\`delivery_postal_code\` text,
  	\`delivery_street\` text,
  	\`reservation_state\` text DEFAULT 'reserved',
  	\`reservation_instance\` text,
  	\`reservation_expires_at\` text,
  	\`payment_proof_id\` integer,
  	\`stripe_session_id\` text,
  	\`stripe_payment_intent_id\` text,
  	\`gateway_provider\` text,
  	\`gateway_payment_id\` text,
  	\`gateway_payment_method_id\` text,
  	\`gateway_channel\` text,
  	\`gateway_kind\` text,
  	\`gateway_code\` text,
  	\`gateway_url\` text,
  	\`gateway_expires_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`payment_proof_id\`) REFERENCES \`payment_proofs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_orders\`("id", "number", "access_token", "locale", "payment_method", "payment_status", "fulfilment_status", "attention", "tracking_number", "status_note", "subtotal", "shipping_fee", "total", "buyer_name", "buyer_email", "buyer_phone", "delivery_method", "delivery_zone", "delivery_province", "delivery_city", "delivery_district", "delivery_postal_code", "delivery_street", "reservation_state", "reservation_instance", "reservation_expires_at", "payment_proof_id", "stripe_session_id", "stripe_payment_intent_id", "gateway_provider", "gateway_payment_id", "gateway_payment_method_id", "gateway_channel", "gateway_kind", "gateway_code", "gateway_url", "gateway_expires_at", "created_at", "updated_at") SELECT "id", "number", "access_token", "locale", "payment_method", "payment_status", "fulfilment_status", "attention", "tracking_number", "status_note", "subtotal", "shipping_fee", "total", "buyer_name", "buyer_email", "buyer_phone", "delivery_method", "delivery_zone", "delivery_province", "delivery_city", "delivery_district", "delivery_postal_code", "delivery_street", "reservation_state", "reservation_instance", "reservation_expires_at", "payment_proof_id", "stripe_session_id", "stripe_payment_intent_id", "gateway_provider", "gateway_payment_id", "gateway_payment_method_id", "gateway_channel", "gateway_kind", "gateway_code", "gateway_url", "gateway_expires_at", "created_at", "updated_at" FROM \`orders\`;`)
  await db.run(sql`DROP TABLE \`orders\`;`)
  await db.run(sql`ALTER TABLE \`__new_orders\` RENAME TO \`orders\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`orders_number_idx\` ON \`orders\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`orders_attention_idx\` ON \`orders\` (\`attention\`);`)
  await db.run(sql`CREATE INDEX \`orders_reservation_reservation_state_idx\` ON \`orders\` (\`reservation_state\`);`)
  await db.run(sql`CREATE INDEX \`orders_reservation_reservation_instance_idx\` ON \`orders\` (\`reservation_instance\`);`)
  await db.run(sql`CREATE INDEX \`orders_reservation_reservation_expires_at_idx\` ON \`orders\` (\`reservation_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_payment_proof_idx\` ON \`orders\` (\`payment_proof_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_stripe_session_id_idx\` ON \`orders\` (\`stripe_session_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_stripe_payment_intent_id_idx\` ON \`orders\` (\`stripe_payment_intent_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_gateway_gateway_payment_id_idx\` ON \`orders\` (\`gateway_payment_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_gateway_gateway_payment_method_id_idx\` ON \`orders\` (\`gateway_payment_method_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_created_at_idx\` ON \`orders\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_updated_at_idx\` ON \`orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payment_proofs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` text,
  	\`prefix\` text DEFAULT 'payment-proofs',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payment_proofs\`("id", "order", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "order", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`payment_proofs\`;`)
  await db.run(sql`DROP TABLE \`payment_proofs\`;`)
  await db.run(sql`ALTER TABLE \`__new_payment_proofs\` RENAME TO \`payment_proofs\`;`)
  await db.run(sql`CREATE INDEX \`payment_proofs_updated_at_idx\` ON \`payment_proofs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payment_proofs_created_at_idx\` ON \`payment_proofs\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`payment_proofs_filename_idx\` ON \`payment_proofs\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_services\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`fee\` numeric DEFAULT 0 NOT NULL,
  	\`processing_days\` numeric DEFAULT 3 NOT NULL,
  	\`order\` numeric DEFAULT 10,
  	\`active\` integer DEFAULT true,
  	\`letter_template\` text,
  	\`number_format\` text DEFAULT '[kode]/[nomor]/[kode desa]/[bulan romawi]/[tahun]',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_services\`("id", "slug", "code", "fee", "processing_days", "order", "active", "letter_template", "number_format", "updated_at", "created_at") SELECT "id", "slug", "code", "fee", "processing_days", "order", "active", "letter_template", "number_format", "updated_at", "created_at" FROM \`services\`;`)
  await db.run(sql`DROP TABLE \`services\`;`)
  await db.run(sql`ALTER TABLE \`__new_services\` RENAME TO \`services\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`services_slug_idx\` ON \`services\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`services_updated_at_idx\` ON \`services\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`services_created_at_idx\` ON \`services\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_service_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text NOT NULL,
  	\`service_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'submitted' NOT NULL,
  	\`next_status\` text,
  	\`transition_note\` text,
  	\`missing_documents\` text,
  	\`due_date\` text,
  	\`submitted_at\` text,
  	\`completed_at\` text,
  	\`whatsapp_link\` text,
  	\`applicant_name\` text NOT NULL,
  	\`nik_masked\` text,
  	\`nik_encrypted\` text,
  	\`phone\` text NOT NULL,
  	\`email\` text,
  	\`phone_last4\` text,
  	\`locale\` text DEFAULT 'id',
  	\`submission_key\` text,
  	\`incomplete\` integer DEFAULT false,
  	\`written_by\` text,
  	\`address\` text,
  	\`answers\` text,
  	\`letter_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`service_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_service_requests\`("id", "reference", "service_id", "status", "next_status", "transition_note", "missing_documents", "due_date", "submitted_at", "completed_at", "whatsapp_link", "applicant_name", "nik_masked", "nik_encrypted", "phone", "email", "phone_last4", "locale", "submission_key", "incomplete", "written_by", "address", "answers", "letter_id", "updated_at", "created_at") SELECT "id", "reference", "service_id", "status", "next_status", "transition_note", "missing_documents", "due_date", "submitted_at", "completed_at", "whatsapp_link", "applicant_name", "nik_masked", "nik_encrypted", "phone", "email", "phone_last4", "locale", "submission_key", "incomplete", "written_by", "address", "answers", "letter_id", "updated_at", "created_at" FROM \`service_requests\`;`)
  await db.run(sql`DROP TABLE \`service_requests\`;`)
  await db.run(sql`ALTER TABLE \`__new_service_requests\` RENAME TO \`service_requests\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`service_requests_reference_idx\` ON \`service_requests\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_service_idx\` ON \`service_requests\` (\`service_id\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_status_idx\` ON \`service_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_due_date_idx\` ON \`service_requests\` (\`due_date\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_phone_last4_idx\` ON \`service_requests\` (\`phone_last4\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`service_requests_submission_key_idx\` ON \`service_requests\` (\`submission_key\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_incomplete_idx\` ON \`service_requests\` (\`incomplete\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_written_by_idx\` ON \`service_requests\` (\`written_by\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_letter_idx\` ON \`service_requests\` (\`letter_id\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_updated_at_idx\` ON \`service_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`service_requests_created_at_idx\` ON \`service_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_letters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`service_id\` integer NOT NULL,
  	\`request_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`verification_code\` text NOT NULL,
  	\`issued_at\` text NOT NULL,
  	\`signed_at\` text,
  	\`signer_name\` text,
  	\`key_id\` text,
  	\`sha256\` text,
  	\`signature\` text,
  	\`pdf_file\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`service_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`request_id\`) REFERENCES \`service_requests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_letters\`("id", "number", "service_id", "request_id", "year", "sequence", "verification_code", "issued_at", "signed_at", "signer_name", "key_id", "sha256", "signature", "pdf_file", "updated_at", "created_at") SELECT "id", "number", "service_id", "request_id", "year", "sequence", "verification_code", "issued_at", "signed_at", "signer_name", "key_id", "sha256", "signature", "pdf_file", "updated_at", "created_at" FROM \`letters\`;`)
  await db.run(sql`DROP TABLE \`letters\`;`)
  await db.run(sql`ALTER TABLE \`__new_letters\` RENAME TO \`letters\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_number_idx\` ON \`letters\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`letters_service_idx\` ON \`letters\` (\`service_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_request_idx\` ON \`letters\` (\`request_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_year_idx\` ON \`letters\` (\`year\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_verification_code_idx\` ON \`letters\` (\`verification_code\`);`)
  await db.run(sql`CREATE INDEX \`letters_sha256_idx\` ON \`letters\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`letters_updated_at_idx\` ON \`letters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_created_at_idx\` ON \`letters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`news_id\` integer,
  	\`categories_id\` integer,
  	\`tags_id\` integer,
  	\`episodes_id\` integer,
  	\`podcast_audio_id\` integer,
  	\`transcripts_id\` integer,
  	\`producers_id\` integer,
  	\`product_categories_id\` integer,
  	\`products_id\` integer,
  	\`shipping_zones_id\` integer,
  	\`orders_id\` integer,
  	\`payment_proofs_id\` integer,
  	\`payment_events_id\` integer,
  	\`services_id\` integer,
  	\`service_requests_id\` integer,
  	\`letters_id\` integer,
  	\`audit_log_id\` integer,
  	\`search_synonyms_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`episodes_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`podcast_audio_id\`) REFERENCES \`podcast_audio\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`transcripts_id\`) REFERENCES \`transcripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`producers_id\`) REFERENCES \`producers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`product_categories_id\`) REFERENCES \`product_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`products_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`shipping_zones_id\`) REFERENCES \`shipping_zones\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`orders_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`payment_proofs_id\`) REFERENCES \`payment_proofs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`payment_events_id\`) REFERENCES \`payment_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`service_requests_id\`) REFERENCES \`service_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letters_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_synonyms_id\`) REFERENCES \`search_synonyms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "media_id", "users_id", "news_id", "categories_id", "tags_id", "episodes_id", "podcast_audio_id", "transcripts_id", "producers_id", "product_categories_id", "products_id", "shipping_zones_id", "orders_id", "payment_proofs_id", "payment_events_id", "services_id", "service_requests_id", "letters_id", "audit_log_id", "search_synonyms_id") SELECT "id", "order", "parent_id", "path", "pages_id", "media_id", "users_id", "news_id", "categories_id", "tags_id", "episodes_id", "podcast_audio_id", "transcripts_id", "producers_id", "product_categories_id", "products_id", "shipping_zones_id", "orders_id", "payment_proofs_id", "payment_events_id", "services_id", "service_requests_id", "letters_id", "audit_log_id", "search_synonyms_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_episodes_id_idx\` ON \`payload_locked_documents_rels\` (\`episodes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_podcast_audio_id_idx\` ON \`payload_locked_documents_rels\` (\`podcast_audio_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_transcripts_id_idx\` ON \`payload_locked_documents_rels\` (\`transcripts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_producers_id_idx\` ON \`payload_locked_documents_rels\` (\`producers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_product_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`product_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_products_id_idx\` ON \`payload_locked_documents_rels\` (\`products_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_shipping_zones_id_idx\` ON \`payload_locked_documents_rels\` (\`shipping_zones_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_orders_id_idx\` ON \`payload_locked_documents_rels\` (\`orders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_payment_proofs_id_idx\` ON \`payload_locked_documents_rels\` (\`payment_proofs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_payment_events_id_idx\` ON \`payload_locked_documents_rels\` (\`payment_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`service_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letters_id_idx\` ON \`payload_locked_documents_rels\` (\`letters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_synonyms_id_idx\` ON \`payload_locked_documents_rels\` (\`search_synonyms_id\`);`)
}
