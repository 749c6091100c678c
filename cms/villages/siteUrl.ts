import type { Payload, PayloadRequest } from 'payload'
import { absoluteUrl, absoluteUrlOnHost } from '../lib/urls'
import type { Village } from '../payload-types'
import { VILLAGE_PATH } from './resolve'

/** Absolute addresses of a village's site pages and of the admin, as links made outside its requests need them. */
export type VillageAddress = { site: (path: string) => string; admin: (path: string) => string }

type VillageHosts = Pick<Village, 'slug' | 'domains'>

/** The regency's first host, where villages without a domain of their own are served (under /desa/<slug>). */
const regencyHost = async (payload: Payload, req?: PayloadRequest) =>
  (await payload.findGlobal({ slug: 'regency', select: { domains: true }, depth: 0, overrideAccess: true, req })).domains?.[0]?.host

const addressOf = (village: VillageHosts, onRegencyHost: string | undefined): VillageAddress => {
  const own = village.domains?.[0]?.host
  if (own) return { site: (path) => absoluteUrlOnHost(own, path), admin: (path) => absoluteUrlOnHost(own, path) }
  if (!onRegencyHost) return { site: absoluteUrl, admin: absoluteUrl }
  return {
    site: (path) => absoluteUrlOnHost(onRegencyHost, `${VILLAGE_PATH}${village.slug}${path}`),
    admin: (path) => absoluteUrlOnHost(onRegencyHost, path),
  }
}

/**
 * Where a village's site and admin are, for links made outside that village's requests (an invitation, a letter
 * signed from another host's admin): its first domain; for a village without one, its path on the regency's first
 * host (the admin at that host's root); otherwise the install's public address.
 */
export const villageAddress = async (payload: Payload, village: VillageHosts, req?: PayloadRequest): Promise<VillageAddress> =>
  addressOf(village, village.domains?.[0]?.host ? undefined : await regencyHost(payload, req))

/** Where each of the villages is (see villageAddress), reading the regency's hosts once. */
export const villageAddresses = async (payload: Payload, villages: VillageHosts[]): Promise<VillageAddress[]> => {
  const onRegencyHost = villages.some((v) => !v.domains?.[0]?.host) ? await regencyHost(payload) : undefined
  return villages.map((village) => addressOf(village, onRegencyHost))
}
