import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { expect, it } from 'vitest'
import { fingerprint } from '../../../scripts/lib/archive'
import { copyOfVillage } from '../../support/village'

/** A village with its media: a copy of the demo village seeded for the run (`npm run seed`). */
const dir = copyOfVillage()
const databaseFile = path.join(dir, 'desa.db')
const env = {
  ...process.env,
  DATABASE_URL: `file:${databaseFile}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PRIVATE_DIR: path.join(dir, 'private'),
  PAYLOAD_SECRET: 'backup-test-secret',
}
const run = (script: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env, encoding: 'utf8' })
  return { code: result.status, output: result.stdout + result.stderr }
}

/** Every row of every table, in a stable order. */
const records = () => {
  const db = new DatabaseSync(databaseFile, { readOnly: true })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  const dump = Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]))
  db.close()
  return dump
}
const files = () => ({ media: fingerprint(env.MEDIA_DIR), private: fingerprint(env.PRIVATE_DIR) })

// Two child processes copy and restore the whole demo village: on a busy machine that takes over a minute.
it('backs up the database, media and private uploads, and restores every record and file', () => {
  mkdirSync(env.PRIVATE_DIR, { recursive: true })
  writeFileSync(path.join(env.PRIVATE_DIR, 'ktp-scan.jpg'), 'identitas warga')
  const before = { records: records(), files: files() }
  expect(Object.keys(before.files.media).length).toBeGreaterThan(10)

  const backup = run('backup', path.join(dir, 'backups'))
  expect(backup.code).toBe(0)
  const archive = path.join(dir, 'backups', readdirSync(path.join(dir, 'backups'))[0])
  expect(archive).toMatch(/desa-\d{4}-\d\d-\d\dT.*\.tar\.gz$/)

  rmSync(databaseFile)
  rmSync(path.join(env.MEDIA_DIR, Object.keys(before.files.media)[0]))
  writeFileSync(path.join(env.PRIVATE_DIR, 'ktp-scan.jpg'), 'diubah')

  const restore = run('restore', archive)
  expect(restore.output).toMatch(/Restored/)
  expect(restore.code).toBe(0)
  expect(records()).toEqual(before.records)
  expect(files()).toEqual(before.files)
}, 180_000)

it('refuses a damaged archive and changes nothing', () => {
  const damaged = path.join(dir, 'damaged.tar.gz')
  const staging = mkdtempSync(path.join(os.tmpdir(), 'desa-damaged-'))
  spawnSync('tar', ['-xzf', path.join(dir, 'backups', readdirSync(path.join(dir, 'backups'))[0]), '-C', staging])
  writeFileSync(path.join(staging, 'private', 'ktp-scan.jpg'), 'dipalsukan')
  spawnSync('tar', ['-czf', damaged, '-C', staging, '.'])
  const before = records()
  const restore = run('restore', damaged)
  expect(restore.code).toBe(1)
  expect(restore.output).toMatch(
    /The backup is damaged \(1 file differs from its manifest, e\.g\. private\/ktp-scan\.jpg\); nothing was changed\./,
  )
  expect(records()).toEqual(before)
})
