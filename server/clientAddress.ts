import type { IncomingMessage } from 'node:http'
import net from 'node:net'
import { CLIENT_ADDRESS_HEADER } from '../cms/lib/clientAddress'
import { config } from '../cms/lib/config'
import { addressFamily, normalizeAddress, type ProxyTrust } from '../cms/lib/trustedProxies'

/**
 * The address of the person behind a request. Behind a reverse proxy or load balancer every request
 * arrives from the proxy; the proxy names the client in `X-Forwarded-For` (or `Forwarded`), a header any
 * client can also write. So the header is read only when the TCP peer is a proxy listed in
 * TRUSTED_PROXIES, and then from the right: each trusted proxy appends the address it received the
 * request from, so the right-most address that is not a trusted proxy is the client. Everything left of
 * it was written by the client and is ignored.
 */

const isTrusted = (trust: ProxyTrust, address: string) => net.isIP(address) !== 0 && trust.proxies.check(address, addressFamily(address))

/** Whether the TCP peer of the request is one of the trusted proxies, whose forwarding headers are read. */
export const fromTrustedProxy = (req: IncomingMessage, trust: ProxyTrust) =>
  isTrusted(trust, normalizeAddress(req.socket.remoteAddress ?? ''))

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
export const clientAddressOf = (req: IncomingMessage, trust: ProxyTrust = config().trustedProxies): string => {
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
export const markClientAddress = (req: IncomingMessage, trust: ProxyTrust = config().trustedProxies) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trust)
}
