import type { IncomingMessage } from 'node:http'
import { config } from '../cms/lib/config'
import type { ProxyTrust } from '../cms/lib/trustedProxies'
import { isHostName } from '../cms/villages/identity'
import { fromTrustedProxy } from './clientAddress'

/** A host as a Host header carries it: a name or a bracketed IPv6 address, and a port. */
const isHostHeader = (value: string) => {
  const [, name, port] = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/i.exec(value) ?? []
  return Boolean(name && (name.startsWith('[') || isHostName(name.toLowerCase())) && (port === undefined || Number(port) <= 65_535))
}

/** The hosts a forwarding header names, left (the first proxy) to right (the nearest). */
const forwardedHosts = (req: IncomingMessage, header: ProxyTrust['header']): string[] => {
  const raw = header === 'forwarded' ? req.headers.forwarded : req.headers['x-forwarded-host']
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '')
  const values =
    header === 'forwarded' ? text.split(',').map((element) => /(?:^|;)\s*host=([^;]*)/i.exec(element)?.[1] ?? '') : text.split(',')
  return values.map((value) => value.trim().replace(/^"|"$/g, '')).filter(Boolean)
}

/**
 * The host the visitor asked for, which chooses the village. A reverse proxy that passes requests on under its own
 * Host (an upstream's name) names the visitor's in X-Forwarded-Host (or `host=` of Forwarded, as TRUSTED_PROXY_HEADER
 * says), a header any client can also write: it is read only from a trusted proxy, as the client's address is, and
 * the value the nearest proxy wrote (the right-most) is taken. Anything that is no host leaves the Host as it came.
 */
export const requestHostOf = (req: IncomingMessage, trust: ProxyTrust = config().trustedProxies): string | undefined => {
  if (!fromTrustedProxy(req, trust)) return req.headers.host
  const nearest = forwardedHosts(req, trust.header).at(-1)
  return nearest && isHostHeader(nearest) ? nearest : req.headers.host
}

/** The request carries the visitor's host from here on (village, cross-site check, page cache, links). */
export const takeForwardedHost = (req: IncomingMessage, trust: ProxyTrust = config().trustedProxies) => {
  const host = requestHostOf(req, trust)
  if (host) req.headers.host = host
}
