import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { config } from '../cms/lib/config'
import { SW_REGISTRATION } from '../site/lib/serviceWorker'

/** A CSP source that allows exactly this inline script. */
export const scriptHash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`

/** Pages of the public site load everything from this origin; the one inline script allowed is the service-worker registration. */
const SITE_CSP = [
  "default-src 'self'",
  `script-src 'self' ${scriptHash(SW_REGISTRATION)}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
].join('; ')

/**
 * The Payload admin (Next.js) writes inline scripts (its page data): each response allows exactly its own
 * with a fresh nonce. Next.js reads the nonce from the request's Content-Security-Policy header and puts it
 * on every script it renders, so the policy is set on the request too.
 */
const adminCsp = (nonce: string) =>
  [`script-src 'self' 'nonce-${nonce}'`, "frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join('; ')

/** Behind https (PUBLIC_URL), browsers are told to use nothing else for a year (HSTS). */
const strictTransport = () => (config().publicUrl?.protocol === 'https:' ? 'max-age=31536000' : null)

export const setSecurityHeaders = (req: IncomingMessage, res: ServerResponse, area: 'site' | 'admin') => {
  if (area === 'admin') {
    const policy = adminCsp(randomBytes(16).toString('base64'))
    req.headers['content-security-policy'] = policy
    res.setHeader('Content-Security-Policy', policy)
  } else res.setHeader('Content-Security-Policy', SITE_CSP)
  const hsts = strictTransport()
  if (hsts) res.setHeader('Strict-Transport-Security', hsts)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
}
