import path from 'node:path'
import type { RequestListener } from 'node:http'
import { bootPayload } from './lib/boot'
import { build } from './lib/build'
import { listen, parsePort } from './lib/listen'
import { runMain } from './lib/problem'

runMain(async () => {
  const port = parsePort(process.env.PORT, 3000)
  const host = process.env.HOST || '0.0.0.0'
  let handler: RequestListener | null = null
  // Requests that arrive while the app is still starting wait instead of failing.
  const waiting: (() => void)[] = []
  const server = await listen(port, host, (req, res) => {
    if (handler) return handler(req, res)
    waiting.push(() => handler!(req, res))
  })

  const payload = await bootPayload({ runJobs: true })
  build({ onlyMissing: true })
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

  const stop = () => {
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 10_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
})
