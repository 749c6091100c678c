import { spawn } from 'node:child_process'
import path from 'node:path'
import { checkDatabase } from './lib/database-check'
import { runMain } from './lib/problem'

/**
 * Development: the admin (`next dev`, which pushes schema changes to the database) and the site
 * (`astro dev`, which proxies the admin paths) on one origin, http://localhost:3000.
 */
runMain(async () => {
  process.env.DATABASE_URL ||= 'file:./data/dev.db'
  const sitePort = process.env.PORT || '3000'
  const adminPort = process.env.ADMIN_DEV_PORT || '3001'
  await checkDatabase()

  // Create or update the schema and load the demo village before either app reads the database.
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const payload = await getPayload({ config })
  const { isEmpty, seed } = await import('../cms/seed')
  if (await isEmpty(payload)) await seed(payload, { contentDir: path.resolve('content'), log: (m) => console.log(`[seed] ${m}`) })
  await payload.destroy()

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' }
  const children = [
    spawn('next', ['dev', 'cms', '--port', adminPort], { stdio: 'inherit', env }),
    spawn('astro', ['dev', '--port', sitePort], {
      stdio: 'inherit',
      env: { ...env, ADMIN_DEV_PORT: adminPort, PAYLOAD_PUSH_SCHEMA: 'false', DISABLE_PAYLOAD_HMR: 'true', DESA_SITE_RUNS_JOBS: 'true' },
    }),
  ]
  console.log(`Desa Digital (development): http://localhost:${sitePort}/ and http://localhost:${sitePort}/admin`)
  const stop = () => children.forEach((child) => child.kill('SIGTERM'))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  children.forEach((child) =>
    child.on('exit', (code) => {
      stop()
      process.exitCode = code ?? 0
    }),
  )
})
