import type { ServerResponse } from 'node:http'
import type { Payload } from 'payload'

const TIMEOUT_MS = 2000

/** 200 when the database answers within two seconds, 503 otherwise. */
export const health = async (payload: Payload, res: ServerResponse) => {
  let database = 'up'
  try {
    await Promise.race([
      payload.count({ collection: 'users', overrideAccess: true }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
    ])
  } catch {
    database = 'down'
  }
  const ok = database === 'up'
  res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database, uptime: Math.round(process.uptime()) }))
}
