import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { config } from '../cms/lib/config'
import { dataDir } from '../cms/lib/paths'
import { fingerprint, tar } from './lib/archive'
import { bootPayload } from './lib/boot'
import { ConfigProblem, runMain } from './lib/problem'

/**
 * `npm run backup [FOLDER]`: one timestamped archive (default in data/backups/) holding an online copy of
 * the SQLite database (VACUUM INTO: consistent while the site keeps serving), the public media and the
 * private uploads, with a manifest of SHA-256 sums that `npm run restore` checks.
 */
runMain(async () => {
  const target = config().database
  if (target.kind !== 'sqlite' || target.url === ':memory:') {
    throw new ConfigProblem('npm run backup copies a SQLite file database; back up MongoDB with mongodump (see README).')
  }
  const payload = await bootPayload()
  const staging = mkdtempSync(path.join(os.tmpdir(), 'desa-backup-'))
  try {
    await (payload.db as unknown as { client: { execute: (sql: { sql: string; args: string[] }) => Promise<unknown> } }).client.execute({
      sql: 'VACUUM INTO ?',
      args: [path.join(staging, 'database.sqlite')],
    })
    for (const [name, dir] of [
      ['media', config().mediaDir],
      ['private', config().privateDir],
    ] as const) {
      if (existsSync(dir)) cpSync(dir, path.join(staging, name), { recursive: true })
      else mkdirSync(path.join(staging, name))
    }
    const manifest = { createdAt: new Date().toISOString(), files: fingerprint(staging) }
    writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))

    const buckets = config().objectStorage
    if (buckets)
      console.warn(
        `The files are in the buckets ${buckets.bucket} and ${buckets.privateBucket}, not in this archive: keep them with the buckets' versioning or aws s3 sync.`,
      )
    const folder = path.resolve(process.argv[2] ?? path.join(dataDir(), 'backups'))
    mkdirSync(folder, { recursive: true })
    const archive = path.join(folder, `desa-${manifest.createdAt.replace(/[:.]/g, '-')}.tar.gz`)
    tar(['-czf', archive, '-C', staging, '.'])
    console.log(`Backup written: ${archive} (${Object.keys(manifest.files).length} files)`)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  process.exit(0)
})
