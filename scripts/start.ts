import path from 'node:path'
import type { RequestListener } from 'node:http'
import { bootPayload } from './lib/boot'
import { build } from './lib/build'
import { config } from '../cms/lib/config'
import { listen } from './lib/listen'
import { recoverInterruptedWrites } from './lib/recover'
import { holdLease } from '../cms/instances/lease'
import { nameInstanceByAddress } from '../cms/instances/identity'
import { shareInvalidations } from '../cms/instances/sharedInvalidations'
import { runMain } from './lib/problem'
import { prepareStorage } from './lib/storage'

runMain(async () => {
  prepareStorage()
  const { port, host = '0.0.0.0' } = config()
  let handler: RequestListener | null = null
  // Requests that arrive while the app is still starting wait instead of failing.
  const waiting: (() => void)[] = []
  const server = await listen(port, host, (req, res) => {
    if (handler) return handler(req, res)
    waiting.push(() => handler!(req, res))
  })
  const address = server.address()
  nameInstanceByAddress(typeof address === 'object' && address ? address.port : port)

  const payload = await bootPayload({ runJobs: true })
  // Before serving: this instance's lease, so the others leave what it writes alone, then what dead ones left.
  const endLease = await holdLease(payload)
  await recoverInterruptedWrites(payload)
  const invalidations = await shareInvalidations(payload)
  build({ onlyStale: true })
  const { isEmpty, seed } = await import('../cms/seed')
  if (await isEmpty(payload)) {
    console.log('Empty database: loading the demo village…')
    await seed(payload, { contentDir: path.resolve('content'), log: (m) => console.log(`[seed] ${m}`) })
  }
  const { createRequestHandler } = await import('../server/app')
  const { VisitCounter } = await import('../server/visits')
  const visits = new VisitCounter(payload).start()
  handler = await createRequestHandler(payload, visits)
  waiting.splice(0).forEach((resume) => resume())

  const shown = host === '0.0.0.0' ? 'localhost' : host
  console.log(`Desa Digital is ready: http://${shown}:${port}/ (admin: http://${shown}:${port}/admin)`)

  // On SIGTERM (a deploy, a restart): stop accepting connections, let requests in flight finish,
  // then close the database. A request that is still running after 10 s is abandoned.
  const stop = () => {
    console.log('Stopping: finishing requests in flight…')
    // A connection whose last request finishes now is closed at once instead of kept open for the next one.
    server.keepAliveTimeout = 1
    server.close(async () => {
      invalidations.stop()
      await visits.stop()
      await endLease()
      await payload.db.destroy?.()
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
})
