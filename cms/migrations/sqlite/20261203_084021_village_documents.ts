import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The settings and the podcast show were one of each for the install (globals); they are one per village now
 * (collections with a unique village). Columns are added in place, so every localized text, office hour and
 * template row stays where it is; the install's village takes what it had, and each village without settings gets
 * them, named as its record is.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const table of ['settings', 'podcast']) {
    await db.run(sql.raw(`ALTER TABLE \`${table}\` ADD \`village_id\` integer REFERENCES villages(id);`))
    await db.run(sql.raw(`CREATE UNIQUE INDEX \`${table}_village_idx\` ON \`${table}\` (\`village_id\`);`))
    await db.run(sql.raw(`CREATE INDEX \`${table}_updated_at_idx\` ON \`${table}\` (\`updated_at\`);`))
    await db.run(sql.raw(`CREATE INDEX \`${table}_created_at_idx\` ON \`${table}\` (\`created_at\`);`))
    await db.run(sql.raw(`ALTER TABLE \`payload_locked_documents_rels\` ADD \`${table}_id\` integer REFERENCES ${table}(id);`))
    await db.run(
      sql.raw(`CREATE INDEX \`payload_locked_documents_rels_${table}_id_idx\` ON \`payload_locked_documents_rels\` (\`${table}_id\`);`),
    )
    await db.run(
      sql.raw(`UPDATE \`${table}\` SET village_id = (SELECT id FROM villages ORDER BY id LIMIT 1),
        created_at = COALESCE(created_at, updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at = COALESCE(updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    )
  }
  await db.run(sql`
    INSERT INTO settings (village_id, name, village_code, kecamatan, kabupaten, updated_at, created_at)
    SELECT v.id, v.name, v.code, v.kecamatan, v.kabupaten, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM villages v WHERE NOT EXISTS (SELECT 1 FROM settings s WHERE s.village_id = v.id)`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  throw new Error("Several villages' settings cannot be merged back into one automatically: restore the backup taken before the upgrade.")
}
