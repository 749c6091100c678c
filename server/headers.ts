import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { config } from '../cms/lib/config'
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js'
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js'
import idleDirective from 'astro/runtime/client/idle.prebuilt.js'
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js'
import { interactionDirectiveScript } from '../site/integrations/interaction'
import { PORTAL_CART_COUNT } from '../site/lib/portalCartCount'
import { SW_REGISTRATION } from '../site/lib/serviceWorker'

/** A CSP source that allows exactly this inline script (or style). */
export const scriptHash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`

/**
 * What Astro writes inline before the first React island of a page (site/islands/): the `astro-island`
 * element, the script of each hydration directive the site uses (`client:idle`, `client:visible`, and the
 * site's own `client:interaction`, compiled as Astro compiles it) and the element's one style rule. They are
 * fixed texts of the installed Astro and of this site, allowed by their hashes.
 */
export const ISLAND_SCRIPTS = [islandScript, idleDirective, visibleDirective, interactionDirectiveScript()]

/**
 * Pages of the public site load everything from this origin; the inline scripts allowed are the
 * service-worker registration, the portal's cart count and Astro's island loader.
 */
const SITE_CSP = [
  "default-src 'self'",
  `script-src 'self' ${[SW_REGISTRATION, PORTAL_CART_COUNT, ...ISLAND_SCRIPTS].map(scriptHash).join(' ')}`,
  `style-src 'self' ${scriptHash(ISLAND_STYLES)}`,
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
