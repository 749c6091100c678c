import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`village_monthly_statistics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`village_id\` integer NOT NULL,
  	\`kecamatan\` text,
  	\`month\` text NOT NULL,
  	\`service_slug\` text NOT NULL,
  	\`service_title\` text,
  	\`requests_received\` numeric,
  	\`requests_done\` numeric,
  	\`median_days_to_done\` numeric,
  	\`letters_signed\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`village_monthly_statistics_village_idx\` ON \`village_monthly_statistics\` (\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`village_monthly_statistics_kecamatan_idx\` ON \`village_monthly_statistics\` (\`kecamatan\`);`)
  await db.run(sql`CREATE INDEX \`village_monthly_statistics_month_idx\` ON \`village_monthly_statistics\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`village_monthly_statistics_updated_at_idx\` ON \`village_monthly_statistics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`village_monthly_statistics_created_at_idx\` ON \`village_monthly_statistics\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`village_month_serviceSlug_idx\` ON \`village_monthly_statistics\` (\`village_id\`,\`month\`,\`service_slug\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`village_monthly_statistics_id\` integer REFERENCES village_monthly_statistics(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_village_monthly_statistics_idx\` ON \`payload_locked_documents_rels\` (\`village_monthly_statistics_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`village_monthly_statistics\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`villages_id\` integer,
  	\`village_statistics_id\` integer,
  	\`settings_id\` integer,
  	\`podcast_id\` integer,
  	\`letter_signing_id\` integer,
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
  	FOREIGN KEY (\`villages_id\`) REFERENCES \`villages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`village_statistics_id\`) REFERENCES \`village_statistics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`settings_id\`) REFERENCES \`settings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`podcast_id\`) REFERENCES \`podcast\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letter_signing_id\`) REFERENCES \`letter_signing\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "villages_id", "village_statistics_id", "settings_id", "podcast_id", "letter_signing_id", "pages_id", "media_id", "users_id", "news_id", "categories_id", "tags_id", "episodes_id", "podcast_audio_id", "transcripts_id", "producers_id", "product_categories_id", "products_id", "shipping_zones_id", "orders_id", "payment_proofs_id", "payment_events_id", "services_id", "service_requests_id", "letters_id", "audit_log_id", "search_synonyms_id") SELECT "id", "order", "parent_id", "path", "villages_id", "village_statistics_id", "settings_id", "podcast_id", "letter_signing_id", "pages_id", "media_id", "users_id", "news_id", "categories_id", "tags_id", "episodes_id", "podcast_audio_id", "transcripts_id", "producers_id", "product_categories_id", "products_id", "shipping_zones_id", "orders_id", "payment_proofs_id", "payment_events_id", "services_id", "service_requests_id", "letters_id", "audit_log_id", "search_synonyms_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_villages_id_idx\` ON \`payload_locked_documents_rels\` (\`villages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_village_statistics_id_idx\` ON \`payload_locked_documents_rels\` (\`village_statistics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_settings_id_idx\` ON \`payload_locked_documents_rels\` (\`settings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_podcast_id_idx\` ON \`payload_locked_documents_rels\` (\`podcast_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letter_signing_id_idx\` ON \`payload_locked_documents_rels\` (\`letter_signing_id\`);`)
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
