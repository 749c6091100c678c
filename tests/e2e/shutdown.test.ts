import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer()

it('finishes a download in flight on SIGTERM, refuses new connections, then exits cleanly', async () => {
  // Far larger than the socket buffers, so the server is still sending when the signal arrives.
  const size = 64 * 1024 * 1024
  mkdirSync(path.join(server.dir, 'media'), { recursive: true })
  writeFileSync(path.join(server.dir, 'media', 'arsip.bin'), Buffer.alloc(size, 7))
  const download = await fetch(`${server.url}/media/arsip.bin`)
  expect(download.status).toBe(200)
  const reader = download.body!.getReader()
  let received = (await reader.read()).value!.length

  const exited = new Promise<number | null>((resolve) => server.process.on('exit', (code) => resolve(code)))
  server.process.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 500))
  await fetch(`${server.url}/healthz`).then(
    () => expect.fail('the server accepted a new connection while shutting down'),
    () => {},
  )
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.length

  expect(received).toBe(size)
  expect(await exited).toBe(0)
  expect(server.output()).toMatch(/finishing requests in flight/)
})
