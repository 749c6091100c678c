import type { IncomingMessage } from 'node:http'
import net from 'node:net'
import { ConfigProblem } from '../cms/lib/database'
import { CLIENT_ADDRESS_HEADER } from '../cms/lib/clientAddress'

/**
 * The address of the person behind a request. Behind a reverse proxy or load balancer every request
 * arrives from the proxy; the proxy names the client in `X-Forwarded-For` (or `Forwarded`), a header any
 * client can also write. So the header is read only when the TCP peer is a proxy listed in
 * TRUSTED_PROXIES, and then from the right: each trusted proxy appends the address it received the
 * request from, so the right-most address that is not a trusted proxy is the client. Everything left of
 * it was written by the client and is ignored.
 */

export type ProxyTrust = { proxies: net.BlockList; header: 'x-forwarded-for' | 'forwarded'; listed: string[] }

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export const normalizeAddress = (address: string): string => {
  const lower = address.trim().toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  return mapped ? mapped[1] : lower
}

const familyOf = (address: string) => (net.isIPv4(address) ? 'ipv4' : 'ipv6')

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges, IPv4 and IPv6, separated by commas or spaces
 * ("10.0.0.0/8, 2001:db8::/32, 127.0.0.1"). TRUSTED_PROXY_HEADER: the header those proxies set,
 * `x-forwarded-for` (default) or `forwarded` (RFC 7239); only that one is read, since a proxy passes the
 * other on as the client wrote it.
 */
export const parseProxyTrust = (raw: string | undefined, headerRaw: string | undefined): ProxyTrust => {
  const proxies = new net.BlockList()
  const listed = (raw ?? '').split(/[\s,]+/).filter(Boolean)
  for (const entry of listed) {
    const [rawAddress, prefixText, ...rest] = entry.split('/')
    const address = normalizeAddress(rawAddress)
    const family = familyOf(address)
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
  const header = (headerRaw?.trim().toLowerCase() || 'x-forwarded-for') as ProxyTrust['header']
  if (header !== 'x-forwarded-for' && header !== 'forwarded')
    throw new ConfigProblem(`TRUSTED_PROXY_HEADER "${headerRaw}" is not understood: use x-forwarded-for (the default) or forwarded.`)
  return { proxies, header, listed }
}

let configured: ProxyTrust | undefined
/** The trusted proxies of this server, read once from TRUSTED_PROXIES and TRUSTED_PROXY_HEADER. */
export const proxyTrust = (): ProxyTrust => (configured ??= parseProxyTrust(process.env.TRUSTED_PROXIES, process.env.TRUSTED_PROXY_HEADER))

const isTrusted = (trust: ProxyTrust, address: string) => net.isIP(address) !== 0 && trust.proxies.check(address, familyOf(address))

/** One hop of a forwarding header as an address: without port, brackets or quotes; null when it is no address. */
const hopAddress = (value: string): string | null => {
  let hop = value.trim().replace(/^"|"$/g, '')
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop)
  if (bracketed) hop = bracketed[1]
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(hop)) hop = hop.slice(0, hop.lastIndexOf(':'))
  const address = normalizeAddress(hop)
  return net.isIP(address) ? address : null
}

/** The hops a forwarding header lists, left (the first client) to right (the last proxy's peer). */
const hopsOf = (req: IncomingMessage, header: ProxyTrust['header']): string[] => {
  const raw = req.headers[header]
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '')
  if (header === 'x-forwarded-for') return text.split(',').filter((hop) => hop.trim())
  // Forwarded: for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"
  return text
    .split(',')
    .map((element) => /(?:^|;)\s*for=([^;]*)/i.exec(element)?.[1] ?? '')
    .filter((hop) => hop.trim())
}

/** The client's address: the peer itself, or, when the peer is a trusted proxy, the right-most untrusted hop it reports. */
export const clientAddressOf = (req: IncomingMessage, trust: ProxyTrust = proxyTrust()): string => {
  let client = normalizeAddress(req.socket.remoteAddress ?? '')
  if (!client) return 'unknown'
  if (!isTrusted(trust, client)) return client
  const hops = hopsOf(req, trust.header)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hopAddress(hops[i])
    // A hop that is no address ("unknown", an obfuscated name): the proxy that reported it is the client we know.
    if (!hop) return client
    client = hop
    if (!isTrusted(trust, hop)) return hop
  }
  return client
}

/**
 * Resolves the client's address once, for the whole request: Payload (the sign-in throttle) and the site's
 * limits read it from this header, which the server always sets itself (a client's own value is replaced).
 */
export const markClientAddress = (req: IncomingMessage, trust: ProxyTrust = proxyTrust()) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trust)
}
