import path from 'node:path'
import type { RequestListener } from 'node:http'
import { bootPayload } from './lib/boot'
import { build } from './lib/build'
import { config } from '../cms/lib/config'
import { listen } from './lib/listen'
import { recoverInterruptedWrites } from './lib/recover'
import { runMain } from './lib/problem'

runMain(async () => {
  const { port, host = '0.0.0.0' } = config()
  let handler: RequestListener | null = null
  // Requests that arrive while the app is still starting wait instead of failing.
  const waiting: (() => void)[] = []
  const server = await listen(port, host, (req, res) => {
    if (handler) return handler(req, res)
    waiting.push(() => handler!(req, res))
  })

  const payload = await bootPayload({ runJobs: true })
  await recoverInterruptedWrites(payload)
  build({ onlyStale: true })
  const { isEmpty, seed } = await import('../cms/seed')
  if (await isEmpty(payload)) {
    console.log('Empty database: loading the demo village…')
    await seed(payload, { contentDir: path.resolve('content'), log: (m) => console.log(`[seed] ${m}`) })
  }
  const { createRequestHandler } = await import('../server/app')
  handler = await createRequestHandler(payload)
  waiting.splice(0).forEach((resume) => resume())

  const shown = host === '0.0.0.0' ? 'localhost' : host
  console.log(`Desa Digital is ready: http://${shown}:${port}/ (admin: http://${shown}:${port}/admin)`)

  // On SIGTERM (a deploy, a restart): stop accepting connections, let requests in flight finish,
  // then close the database. A request that is still running after 10 s is abandoned.
  const stop = () => {
    console.log('Stopping: finishing requests in flight…')
    server.close(async () => {
      await payload.db.destroy?.()
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
})
