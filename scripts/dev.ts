import { spawn } from 'node:child_process'
import path from 'node:path'
import { childEnvironment, config, setEnvironmentDefaults } from '../cms/lib/config'
import { checkDatabase } from './lib/database-check'
import { runMain } from './lib/problem'

/**
 * Development: the admin (`next dev`, which pushes schema changes to the database) and the site
 * (`astro dev`, which proxies the admin paths) on one origin, http://localhost:3000.
 */
runMain(async () => {
  setEnvironmentDefaults({ DATABASE_URL: 'file:./data/dev.db' })
  const sitePort = String(config().port)
  const adminPort = String(config().adminDevPort)
  await checkDatabase()

  // Create or update the schema and load the demo village before either app reads the database.
  const { getPayload } = await import('payload')
  const { default: payloadConfig } = await import('../cms/payload.config')
  const payload = await getPayload({ config: payloadConfig })
  const { isEmpty, seed } = await import('../cms/seed')
  if (await isEmpty(payload)) await seed(payload, { contentDir: path.resolve('content'), log: (m) => console.log(`[seed] ${m}`) })
  await payload.destroy()

  const telemetryOff = { NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' }
  const children = [
    spawn('next', ['dev', 'cms', '--port', adminPort], { stdio: 'inherit', env: childEnvironment(telemetryOff) }),
    spawn('astro', ['dev', '--port', sitePort], {
      stdio: 'inherit',
      env: childEnvironment({
        ...telemetryOff,
        ADMIN_DEV_PORT: adminPort,
        PAYLOAD_PUSH_SCHEMA: 'false',
        DISABLE_PAYLOAD_HMR: 'true',
        DESA_SITE_RUNS_JOBS: 'true',
      }),
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
