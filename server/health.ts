import { statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'
import { atomicStore } from '../cms/instances/atomicStore'
import { config } from '../cms/lib/config'
import { sqliteFileOf } from '../cms/lib/database'
import { translate } from '../site/i18n/ui'
import { requestLocale } from './locale'

const TIMEOUT_MS = 2000
const PROBE_EVERY_MS = 5000
const WRITE_EVERY_MS = 1000

export type DatabaseState = 'up' | 'read-only' | 'down'

const within = <T>(work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())])

const answersRead = async (payload: Payload) => {
  try {
    await within(payload.count({ collection: 'users', overrideAccess: true }))
    return true
  } catch {
    return false
  }
}

const takesWrite = async (payload: Payload) => {
  try {
    await within(atomicStore(payload).addToWindow('health:write', 1, 60_000, Date.now()))
    return true
  } catch {
    return false
  }
}

/** Which file is at a path (device and inode), or null when none is. */
const fileAt = (file: string) => {
  try {
    const { dev, ino } = statSync(file)
    return `${dev}:${ino}`
  } catch {
    return null
  }
}

/** The database's state as last checked: by /healthz, and every few seconds in the background. */
export class DatabaseWatch {
  state: DatabaseState = 'up'
  private timer: NodeJS.Timeout | undefined
  private readonly file = sqliteFileOf(config().database)
  private readonly opened = this.file && fileAt(this.file)

  private lastWrite: { at: number; ok: Promise<boolean> } | undefined

  constructor(private readonly payload: Payload) {}

  /**
   * Whether the database answers a read and takes a write, each within two seconds. A database can keep
   * answering reads while refusing every write (a full disk, a read-only mount, its file removed): then
   * sign-ins, checkouts and requests would fail, so that counts as unavailable too.
   */
  async check() {
    this.state = !(await answersRead(this.payload)) ? 'down' : (await this.writable()) ? 'up' : 'read-only'
    // In WAL mode SQLite goes on writing to a database file removed or replaced under it, and the next start
    // would not find those writes: as unwritable as a read-only one.
    if (this.state === 'up' && this.file && fileAt(this.file) !== this.opened) this.state = 'read-only'
    return this.state
  }

  /** One test write per second at most, however often /healthz is asked (a load balancer, a flood): the others share it. */
  private writable() {
    const now = Date.now()
    if (!this.lastWrite || now - this.lastWrite.at >= WRITE_EVERY_MS) this.lastWrite = { at: now, ok: takesWrite(this.payload) }
    return this.lastWrite.ok
  }

  start() {
    this.timer = setInterval(() => void this.check(), PROBE_EVERY_MS)
    this.timer.unref()
    return this
  }

  stop() {
    clearInterval(this.timer)
  }
}

/** 200 when the database reads and writes, 503 otherwise; it says which. */
export const health = async (watch: DatabaseWatch, res: ServerResponse) => {
  const database = await watch.check()
  const ok = database === 'up'
  res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database, uptime: Math.round(process.uptime()) }))
}

/**
 * While the database cannot be written, every page and API call answers 503 with a message that says so
 * (and to try again shortly), instead of failing half-way with a 500. Returns whether it answered.
 */
export const refuseWhileUnwritable = (watch: DatabaseWatch, req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
  if (watch.state === 'up') return false
  const locale = requestLocale(req, pathname)
  const message = translate(locale, 'database.unwritable')
  const headers = { 'Retry-After': '30', 'Cache-Control': 'no-store' }
  if (pathname.startsWith('/api/')) {
    res.writeHead(503, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ errors: [{ message }] }))
  } else {
    res.writeHead(503, { ...headers, 'Content-Type': 'text/html; charset=utf-8' })
    const title = translate(locale, 'database.title')
    res.end(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p role="alert">${message}</p></html>`,
    )
  }
  return true
}
