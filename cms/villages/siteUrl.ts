import type { Payload, PayloadRequest } from 'payload'
import { absoluteUrl, absoluteUrlOnHost } from '../lib/urls'
import type { Village } from '../payload-types'
import { VILLAGE_PATH } from './resolve'

/** Absolute addresses of a village's site pages and of the admin, as links made outside its requests need them. */
export type VillageAddress = { site: (path: string) => string; admin: (path: string) => string }

/**
 * Where a village's site and admin are, for links made outside that village's requests (an invitation, a letter
 * signed from another host's admin): its first domain; for a village without one, its path on the regency's first
 * host (the admin at that host's root); otherwise the install's public address.
 */
export const villageAddress = async (
  payload: Payload,
  village: Pick<Village, 'slug' | 'domains'>,
  req?: PayloadRequest,
): Promise<VillageAddress> => {
  const own = village.domains?.[0]?.host
  if (own) return { site: (path) => absoluteUrlOnHost(own, path), admin: (path) => absoluteUrlOnHost(own, path) }
  const regency = await payload.findGlobal({ slug: 'regency', select: { domains: true }, depth: 0, overrideAccess: true, req })
  const host = regency.domains?.[0]?.host
  if (!host) return { site: absoluteUrl, admin: absoluteUrl }
  return {
    site: (path) => absoluteUrlOnHost(host, `${VILLAGE_PATH}${village.slug}${path}`),
    admin: (path) => absoluteUrlOnHost(host, path),
  }
}
