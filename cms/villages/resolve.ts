import type { Payload } from 'payload'
import { REGENCY_TAG } from '../globals/Regency'
import { absoluteUrlOnHost } from '../lib/urls'
import { invalidations } from '../page-cache/invalidations'
import { collectReads } from '../page-cache/reads'
import { listTag } from '../page-cache/tags'
import { currentVillage, type VillageRef } from './current'

type Listed = { id: number; slug: string; domains: string[] }
/** The active villages with their host names, and the hosts of the regency's portal. */
type Sites = { villages: Listed[]; regencyHosts: string[] }

/** Where a village without a domain of its own lives on the regency's hosts. */
export const VILLAGE_PATH = '/desa/'

const SITES = [listTag('villages'), REGENCY_TAG]
let kept: { mark: number; sites: Promise<Sites> } | null = null

const readSites = async (payload: Payload): Promise<Sites> => {
  const [{ docs }, regency] = await Promise.all([
    payload.find({
      collection: 'villages',
      where: { status: { equals: 'active' } },
      select: { slug: true, domains: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.findGlobal({ slug: 'regency', select: { domains: true }, depth: 0, overrideAccess: true }),
  ])
  return {
    villages: docs.map((v) => ({ id: v.id, slug: v.slug, domains: (v.domains ?? []).map((d) => d.host.toLowerCase()) })),
    regencyHosts: (regency.domains ?? []).map((d) => d.host.toLowerCase()),
  }
}

/**
 * The villages that serve a site and the regency's hosts; kept until a village or the regency is saved (on any
 * instance). Pages do not depend on it: a page is kept per village, and a host that no longer has a village is
 * answered before the cache.
 */
const activeSites = (payload: Payload): Promise<Sites> => {
  if (!kept || invalidations().changedSince(SITES, kept.mark)) {
    const entry = { mark: invalidations().mark(), sites: collectReads(() => readSites(payload)).result }
    entry.sites.catch(() => kept === entry && (kept = null))
    kept = entry
  }
  return kept.sites
}

/**
 * What a request carries of a listed village: its id, slug, and where its links point: its first domain, or, for a
 * village without one, the regency's first host and its path there.
 */
const refOf = ({ id, slug, domains }: Listed, { regencyHosts }: Sites): VillageRef => {
  if (domains[0]) return { id, slug, host: domains[0] }
  return regencyHosts[0] ? { id, slug, host: regencyHosts[0], base: `${VILLAGE_PATH}${slug}` } : { id, slug }
}

/** The host name a request was sent to, without its port, in lower case. */
export const hostName = (host: string | undefined) => (host ?? '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase()

/** The village whose own domain `name` is; with one village and no regency hosts, that village on every host. */
const servedOn = (sites: Sites, name: string) =>
  sites.villages.length === 1 && !sites.regencyHosts.length ? sites.villages[0] : sites.villages.find((v) => v.domains.includes(name))

/**
 * What a request is for: a village's site (`path` is the request's path within it), the regency's portal, the same
 * page on the village's own domain (`moved`), or nothing (the server answers 404, never another village's page).
 */
export type SiteOfRequest = { village: VillageRef; path: string } | { portal: true } | { moved: string } | null

/**
 * The site a request to `host` for `path` (with its query) is for. With one village and no regency hosts every host
 * serves it (the single-village install works as it always did). Otherwise a village's own domain serves that
 * village, and the regency's hosts serve the portal, and under /desa/<slug>/ the villages without a domain of their
 * own (a village that has one is found there at its own address).
 */
export const siteForRequest = async (payload: Payload, host: string | undefined, path: string): Promise<SiteOfRequest> => {
  const sites = await activeSites(payload)
  const name = hostName(host)
  if (sites.regencyHosts.includes(name)) {
    const prefixed = /^\/desa\/([^/?]+)([/?].*)?$/.exec(path)
    if (!prefixed) return { portal: true }
    const village = sites.villages.find((v) => v.slug === prefixed[1])
    if (!village) return null
    const rest = prefixed[2]?.startsWith('/') ? prefixed[2] : `/${prefixed[2] ?? ''}`
    if (village.domains[0]) return { moved: absoluteUrlOnHost(village.domains[0], rest) }
    return { village: refOf(village, sites), path: rest }
  }
  const found = servedOn(sites, name)
  return found ? { village: refOf(found, sites), path } : null
}

/** The village a request to `host` is for (see siteForRequest), or null: for the API and the admin, which have no base. */
export const villageForHost = async (payload: Payload, host: string | undefined): Promise<VillageRef | null> => {
  const sites = await activeSites(payload)
  const found = servedOn(sites, hostName(host))
  return found ? refOf(found, sites) : null
}

/** An active village by its id, or null (archived, or none). */
export const activeVillage = async (payload: Payload, id: number): Promise<VillageRef | null> => {
  const sites = await activeSites(payload)
  const found = sites.villages.find((v) => v.id === id)
  return found ? refOf(found, sites) : null
}

/** The ids of the active villages: what the regency's portal shows. */
export const activeVillageIds = async (payload: Payload): Promise<number[]> => (await activeSites(payload)).villages.map((v) => v.id)

/**
 * The village work without a request belongs to: the request's, or the install's only village. With several villages
 * and no request, null: the caller must say which village (a job reads it from the document it works on).
 */
export const villageInScope = async (payload: Payload): Promise<VillageRef | null> => {
  const current = currentVillage()
  if (current) return current
  const sites = await activeSites(payload)
  return sites.villages.length === 1 ? refOf(sites.villages[0], sites) : null
}
