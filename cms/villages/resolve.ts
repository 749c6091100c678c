import type { Payload } from 'payload'
import { invalidations } from '../page-cache/invalidations'
import { collectReads } from '../page-cache/reads'
import { listTag } from '../page-cache/tags'
import { currentVillage, type VillageRef } from './current'

type Listed = VillageRef & { domains: string[] }

/** What a request carries of a listed village: its id, slug and the first of its domains (its links' host). */
const refOf = ({ id, slug, domains }: Listed): VillageRef => (domains[0] ? { id, slug, host: domains[0] } : { id, slug })

const VILLAGES = [listTag('villages')]
let kept: { mark: number; villages: Promise<Listed[]> } | null = null

const readActive = async (payload: Payload): Promise<Listed[]> => {
  const { docs } = await payload.find({
    collection: 'villages',
    where: { status: { equals: 'active' } },
    select: { slug: true, domains: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((v) => ({ id: v.id, slug: v.slug, domains: (v.domains ?? []).map((d) => d.host.toLowerCase()) }))
}

/**
 * The villages that serve a site, with their host names; kept until a village is saved (on any instance). Pages do
 * not depend on it: a page is kept per village, and a host that no longer has a village is answered before the cache.
 */
const activeVillages = (payload: Payload): Promise<Listed[]> => {
  if (!kept || invalidations().changedSince(VILLAGES, kept.mark)) {
    const entry = { mark: invalidations().mark(), villages: collectReads(() => readActive(payload)).result }
    entry.villages.catch(() => kept === entry && (kept = null))
    kept = entry
  }
  return kept.villages
}

/** The host name a request was sent to, without its port, in lower case. */
export const hostName = (host: string | undefined) => (host ?? '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase()

/**
 * The village a request to `host` is for: with one village every host serves it (the single-village install works
 * as it always did); with several, the village whose domains list the host, or none (the server answers 404, never
 * another village's page).
 */
export const villageForHost = async (payload: Payload, host: string | undefined): Promise<VillageRef | null> => {
  const villages = await activeVillages(payload)
  const found = villages.length === 1 ? villages[0] : villages.find((v) => v.domains.includes(hostName(host)))
  return found ? refOf(found) : null
}

/** An active village by its id, or null (archived, or none). */
export const activeVillage = async (payload: Payload, id: number): Promise<VillageRef | null> => {
  const found = (await activeVillages(payload)).find((v) => v.id === id)
  return found ? refOf(found) : null
}

/**
 * The village work without a request belongs to: the request's, or the install's only village. With several villages
 * and no request, null: the caller must say which village (a job reads it from the document it works on).
 */
export const villageInScope = async (payload: Payload): Promise<VillageRef | null> => {
  const current = currentVillage()
  if (current) return current
  const villages = await activeVillages(payload)
  return villages.length === 1 ? refOf(villages[0]) : null
}
