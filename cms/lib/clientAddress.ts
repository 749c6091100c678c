/**
 * The production server (server/clientAddress.ts) works out each request's client address once, from the
 * TCP peer and, behind trusted proxies only, their forwarding header, and hands it to Payload and the site
 * in this request header. It always replaces whatever a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = 'x-desa-client-address'

type HeaderSource = { get: (name: string) => string | null }

/**
 * The client's address as the server resolved it. Without the server in front (`npm run dev`), the
 * `fallback` (Astro's socket address) or "unknown".
 */
export const clientAddressFrom = (headers: HeaderSource, fallback?: string): string =>
  headers.get(CLIENT_ADDRESS_HEADER) || fallback || 'unknown'
