import { spawn } from 'node:child_process'
import path from 'node:path'
import { dataEnv, productionEnv } from './server'

/** The hosts of the demo regency (content/regency/regency.json): its portal's, and each village's own. */
export const PORTAL_HOST = 'kabupaten.localhost'
export const VILLAGE_HOSTS = { 'sungai-lestari': 'localhost', sukamaju: 'sukamaju.localhost', 'batu-ampar': 'batu-ampar.localhost' }

/** Run as a program on a stopped server's data folder: the demo seed with DEMO_REGENCY=1, as `npm run seed` makes it. */
const seedDemoRegency = async () => {
  const { bootPayload } = await import('../../scripts/lib/boot')
  const payload = await bootPayload()
  const { seed } = await import('../../cms/seed')
  await seed(payload, { contentDir: path.resolve('content'), log: () => {} })
  await payload.destroy()
}

/** Makes the demo village of the data folder `dir` (its server stopped) the demo regency: three villages, two kecamatan. */
export const withDemoRegency = (dir: string) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/demoRegency.ts', '--seed'], {
      env: productionEnv({ ...dataEnv(dir), PAYLOAD_SECRET: 'e2e-test-secret', DEMO_REGENCY: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The demo regency on ${dir} failed (${code}):\n${output}`))))
  })

if (process.argv.includes('--seed')) await seedDemoRegency()
