import net from 'node:net'
import { ConfigProblem } from './problem'

/**
 * The reverse proxies (load balancers) in front of the server, whose forwarding header names the client
 * (server/clientAddress.ts). Only the header of the kind given is read: a proxy passes the other kind on
 * as the client wrote it.
 */
export type ProxyTrust = { proxies: net.BlockList; header: ProxyHeader; listed: string[] }
export type ProxyHeader = 'x-forwarded-for' | 'forwarded'

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export const normalizeAddress = (address: string): string => {
  const lower = address.trim().toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  return mapped ? mapped[1] : lower
}

export const addressFamily = (address: string) => (net.isIPv4(address) ? 'ipv4' : 'ipv6')

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges, IPv4 and IPv6, separated by commas or spaces
 * ("10.0.0.0/8, 2001:db8::/32, 127.0.0.1"); an entry that is neither is a ConfigProblem.
 */
export const parseTrustedProxies = (raw: string | undefined): Pick<ProxyTrust, 'proxies' | 'listed'> => {
  const proxies = new net.BlockList()
  const listed = (raw ?? '').split(/[\s,]+/).filter(Boolean)
  for (const entry of listed) {
    const [rawAddress, prefixText, ...rest] = entry.split('/')
    const address = normalizeAddress(rawAddress)
    const family = addressFamily(address)
    const max = family === 'ipv4' ? 32 : 128
    // An IPv4-mapped range (::ffff:10.0.0.0/104) is the IPv4 range it maps (10.0.0.0/8).
    const mappedBits = address !== rawAddress.trim().toLowerCase() && family === 'ipv4' ? 96 : 0
    const prefix = prefixText === undefined ? max : Number(prefixText) - mappedBits
    if (!net.isIP(address) || rest.length || !Number.isInteger(prefix) || prefix < 0 || prefix > max || prefixText === '') {
      throw new ConfigProblem(
        `TRUSTED_PROXIES has "${entry}", which is not an IP address or CIDR range: list your proxies like "10.0.0.0/8, 2001:db8::/32, 127.0.0.1".`,
      )
    }
    proxies.addSubnet(address, prefix, family)
  }
  return { proxies, listed }
}
