import { AsyncLocalStorage } from 'node:async_hooks'

/** The village a request is for, as the server resolved it from the host (cms/villages/resolve.ts); `host` its first domain. */
export type VillageRef = { id: number; slug: string; host?: string }

/** A village as documents name it: its id, or the village populated; nothing for "the village in scope". */
export type VillageId = number | { id: number } | null | undefined

// On globalThis: the server, the site (Astro) and the admin (Next.js) each bundle their own copy of this module.
const storage = ((globalThis as { __desaVillage?: AsyncLocalStorage<VillageRef> }).__desaVillage ??= new AsyncLocalStorage<VillageRef>())

/**
 * Runs `work` for one village: the public reads it makes return only that village's documents, the documents
 * it creates belong to it, and the reads it keeps (cachedRead) are kept for it alone.
 */
export const inVillage = <T>(village: VillageRef, work: () => T): T => storage.run(village, work)

/** The village of the request under way, or null outside one (a job, a script, a test calling a read directly). */
export const currentVillage = (): VillageRef | null => storage.getStore() ?? null
