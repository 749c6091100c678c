import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { dataEnv, productionEnv } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the demo village seeded for this run. */
    village: string
  }
}

/**
 * Global setup: the demo village is seeded once per test run, for every project that uses it (their setups run
 * in this one process), and its folder is given to the tests as `inject('village')`; they work on copies of it
 * (`copyOfVillage()`).
 */
export default async function setup(project: TestProject) {
  const holder = globalThis as Holder
  const golden = (holder[KEY] ??= { folder: seedVillage(), users: 0 })
  golden.users += 1
  project.provide('village', await golden.folder)
  return async () => {
    golden.users -= 1
    if (golden.users === 0) rmSync(await golden.folder, { recursive: true, force: true })
  }
}

const KEY = Symbol.for('desa.tests.village')
type Holder = { [KEY]?: { folder: Promise<string>; users: number } }

/**
 * Seeds the demo village from content/ into an empty folder with `npm run seed` (every migration, then the seed,
 * as the production server does on its first start).
 */
const seedVillage = async (): Promise<string> => {
  const started = Date.now()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desa-village-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    env: productionEnv({ ...dataEnv(dir), PAYLOAD_SECRET: 'village-test-secret' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0 || !output.includes('[seed] done') || !existsSync(path.join(dir, 'desa.db')))
    throw new Error(`Seeding the demo village failed (exit ${code}):\n${output}`)
  console.log(`The demo village was seeded once for this run, in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  return dir
}
