import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, cpSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { config } from '../cms/lib/config'
import { fingerprint, tar } from './lib/archive'
import { ConfigProblem, runMain } from './lib/problem'

/**
 * `npm run restore ARCHIVE`: checks every file of a backup against its manifest, then puts the database,
 * media and private uploads in place. What was there before is kept beside it with a `.before-restore`
 * suffix. Stop the server first.
 */
runMain(async () => {
  const archive = process.argv[2]
  if (!archive || !existsSync(archive)) throw new ConfigProblem('Give the backup to restore: npm run restore data/backups/desa-….tar.gz')
  const target = config().database
  if (target.kind !== 'sqlite' || target.url === ':memory:')
    throw new ConfigProblem('npm run restore restores a SQLite file database; restore MongoDB with mongorestore (see README).')

  const staging = mkdtempSync(path.join(os.tmpdir(), 'desa-restore-'))
  try {
    tar(['-xzf', path.resolve(archive), '-C', staging])
    const manifest = JSON.parse(readFileSync(path.join(staging, 'manifest.json'), 'utf8')) as { files: Record<string, string> }
    const actual = fingerprint(staging)
    delete actual['manifest.json']
    const broken = Object.keys({ ...manifest.files, ...actual }).filter((file) => manifest.files[file] !== actual[file])
    if (broken.length)
      throw new ConfigProblem(
        `The backup is damaged (${broken.length} ${broken.length === 1 ? 'file differs' : 'files differ'} from its manifest, e.g. ${broken[0]}); nothing was changed.`,
      )

    const databaseFile = target.url.slice('file:'.length)
    const moves: [string, string][] = [
      [path.join(staging, 'database.sqlite'), databaseFile],
      [path.join(staging, 'media'), config().mediaDir],
      [path.join(staging, 'private'), config().privateDir],
    ]
    const suffix = '.before-restore'
    for (const [, destination] of moves) {
      rmSync(destination + suffix, { recursive: true, force: true })
      if (existsSync(destination)) renameSync(destination, destination + suffix)
      for (const sidecar of ['-wal', '-shm']) rmSync(destination + sidecar, { force: true })
    }
    for (const [source, destination] of moves) {
      mkdirSync(path.dirname(destination), { recursive: true })
      cpSync(source, destination, { recursive: true })
    }
    console.log(
      `Restored ${archive}: database, ${Object.keys(manifest.files).length} files. The previous state is kept with the suffix ${suffix}.`,
    )
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
})
