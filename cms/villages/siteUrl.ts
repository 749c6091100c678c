import { absoluteUrl, absoluteUrlOnHost } from '../lib/urls'
import type { Village } from '../payload-types'

/**
 * The address of a path on a village's own site: its first domain, else the install's public address. For links
 * made outside that village's requests (an invitation, a letter signed from another host's admin).
 */
export const villageSiteUrl = (village: Pick<Village, 'domains'>, path: string) => {
  const host = village.domains?.[0]?.host
  return host ? absoluteUrlOnHost(host, path) : absoluteUrl(path)
}
