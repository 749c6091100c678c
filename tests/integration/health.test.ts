import type { ServerResponse } from 'node:http'
import { expect, it } from 'vitest'
import { DatabaseWatch, health } from '../../server/health'
import { atomicStore } from '../../cms/instances/atomicStore'
import { startPayload } from '../support/payload'

/** Just enough of a response to read what health() wrote. */
const response = () => {
  const sent = { status: 0, headers: {} as Record<string, string>, body: '' }
  const res = {
    writeHead: (status: number, headers: Record<string, string>) => Object.assign(sent, { status, headers }),
    end: (body: string) => (sent.body = body),
  } as unknown as ServerResponse
  return { res, sent }
}

it('reports 200 while the database answers and 503 once it does not', async () => {
  const payload = await startPayload()
  const watch = new DatabaseWatch(payload)
  const up = response()
  await health(watch, up.res)
  expect(up.sent.status).toBe(200)
  expect(up.sent.headers['Content-Type']).toBe('application/json')
  expect(JSON.parse(up.sent.body)).toMatchObject({ status: 'ok', database: 'up' })

  await payload.db.destroy?.()
  const down = response()
  await health(watch, down.res)
  expect(down.sent.status).toBe(503)
  expect(JSON.parse(down.sent.body)).toMatchObject({ status: 'unavailable', database: 'down' })
})

it('answers a burst of health checks from one probe of the database, so a busy load balancer or a flood writes once', async () => {
  const payload = await startPayload()
  const watch = new DatabaseWatch(payload)
  const answers = await Promise.all(Array.from({ length: 50 }, () => response()).map(async (r) => (await health(watch, r.res), r.sent)))
  expect(answers.map((sent) => sent.status)).toEqual(Array(50).fill(200))
  const writes = await atomicStore(payload).readCounter('health:write', Date.now())
  expect(writes?.count).toBe(1)
})
