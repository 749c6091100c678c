import { randomUUID } from 'node:crypto'
import os from 'node:os'

// On globalThis: the admin (Next.js), the site (Astro) and the server each bundle their own copy of this module.
const shared = globalThis as { __desaInstance?: string }

/** This process's name among the app instances on one database: new at every start, so a restart is a new instance. */
export const instanceId = (): string => (shared.__desaInstance ??= `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`)
