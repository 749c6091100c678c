import { randomUUID } from 'node:crypto'
import os from 'node:os'

// On globalThis: the admin (Next.js), the site (Astro) and the server each bundle their own copy of this module.
const shared = globalThis as { __desaInstance?: string }

/** This process's name among the app instances on one database: a server's address once it listens, else new at every start. */
export const instanceId = (): string => (shared.__desaInstance ??= `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`)

/**
 * Names this server after the address it listens on (host and port). No two live servers can hold one, so a
 * start under a name means the process that had it last is gone: what it left half-written is undone at this start
 * (scripts/lib/recover.ts), not a lease later.
 */
export const nameInstanceByAddress = (port: number) => {
  shared.__desaInstance = `${os.hostname()}:${port}`
}
