import { expect, it } from 'vitest'
import { startServer } from '../support/server'

it('finishes the requests in flight on SIGTERM, then exits cleanly', async () => {
  const server = await startServer()
  const inFlight = Array.from({ length: 20 }, (_, i) => fetch(`${server.url}/produk?urut=price-asc&n=${i}`).then((r) => r.status, (err) => `failed: ${err.cause?.code ?? err}`))
  await new Promise((resolve) => setTimeout(resolve, 10))
  const exited = new Promise<number | null>((resolve) => server.process.on('exit', (code) => resolve(code)))
  server.process.kill('SIGTERM')
  expect(await Promise.all(inFlight)).toEqual(Array(20).fill(200))
  expect(await exited).toBe(0)
  expect(server.output()).toMatch(/finishing requests in flight/)
  await fetch(`${server.url}/healthz`).then(
    () => expect.fail('the server still answers after shutting down'),
    () => {},
  )
  await server.stop()
})
