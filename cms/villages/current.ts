import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The village a request is for, as the server resolved it from the host (cms/villages/resolve.ts): `host` the host its
 * links are made on (its first domain, or the regency's first for a village served on the regency's hosts), `base`
 * the path its site lives under there (`/desa/<slug>`; none on its own domain).
 */
export type VillageRef = { id: number; slug: string; host?: string; base?: string }

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

const portal = ((globalThis as { __desaRegencyPortal?: AsyncLocalStorage<true> }).__desaRegencyPortal ??= new AsyncLocalStorage<true>())

/** Runs `work` for the regency's portal: its public reads see the published documents of every active village. */
export const inRegencyPortal = <T>(work: () => T): T => portal.run(true, work)

/** Whether the request under way is for the regency's portal (on a regency host, outside /desa/<slug>/). */
export const isRegencyPortal = (): boolean => portal.getStore() === true

/** The path of the current village's site on its host: '' on its own domain, `/desa/<slug>` on the regency's. */
export const villageBase = (): string => currentVillage()?.base ?? ''
