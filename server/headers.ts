import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
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

/** The Payload admin (Next.js) needs inline scripts, so its policy limits framing, plugins and base URLs. */
const ADMIN_CSP = ["frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'"].join('; ')

export const setSecurityHeaders = (res: ServerResponse, area: 'site' | 'admin') => {
  res.setHeader('Content-Security-Policy', area === 'site' ? SITE_CSP : ADMIN_CSP)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
}
