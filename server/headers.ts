import type { ServerResponse } from 'node:http'

/** Pages of the public site carry no inline script and load everything from this origin. */
const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
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
