import type { IncomingMessage, ServerResponse } from 'node:http'
import { hit } from '../site/lib/rateLimit'
import { translate } from '../site/i18n/ui'
import { requestLocale } from './locale'

/**
 * Sign-ins to the admin are counted per client address (site/lib/rateLimit.ts, `login`); over the
 * limit the server answers 429 with Retry-After before Payload checks any password. Payload's own
 * lockout (Users: maxLoginAttempts) still protects each account from slower guessing.
 */
export const limitLogin = (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
  if (req.method !== 'POST' || pathname !== '/api/users/login') return false
  const wait = hit('login', req.socket.remoteAddress ?? 'unknown')
  if (wait === 0) return false
  const message = translate(requestLocale(req, pathname), 'security.loginLimit', { minutes: Math.ceil(wait / 60) })
  res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(wait), 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ errors: [{ message }] }))
  return true
}
