import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setEnvironment } from '../../cms/lib/config'

// Files of a worker run one after another in one process (vitest.config.ts): each starts from the environment the
// worker started with, an empty media folder and private folder, and its own in-memory database (startPayload).
const STARTING = Symbol.for('desa.test.startingEnvironment')
const holder = globalThis as { [STARTING]?: Record<string, string | undefined> }
const starting = (holder[STARTING] ??= {
  ...process.env,
  DATABASE_URL: ':memory:',
  PAYLOAD_SECRET: 'integration-test-secret',
  MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'desa-media-')),
  PRIVATE_DIR: mkdtempSync(path.join(os.tmpdir(), 'desa-private-')),
  DISABLE_PAYLOAD_HMR: 'true',
  // Drizzle skips pushing a schema it already pushed in this process; each file's new database needs it.
  PAYLOAD_FORCE_DRIZZLE_PUSH: 'true',
})
const setByEarlierFiles = Object.keys(process.env).filter((name) => !(name in starting))
setEnvironment({ ...Object.fromEntries(setByEarlierFiles.map((name) => [name, undefined])), ...starting })
for (const folder of [starting.MEDIA_DIR!, starting.PRIVATE_DIR!]) {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
}
