import { clientAddressFrom } from '../../cms/lib/clientAddress'
import { hit, waitMinutes, type Purpose } from '../../cms/lib/rateLimit'
import { payload } from './payload'

export { waitMinutes, type Purpose }

type Context = { request: Request; clientAddress: string; locals: App.Locals }

/**
 * The visitor's address as the server resolved it (behind trusted proxies only from their forwarding
 * header: server/clientAddress.ts). Astro's own `clientAddress` is the TCP peer (the build sets no
 * `security.allowedDomains`, under which Astro would believe the left-most X-Forwarded-For any client can
 * write); it is only the fallback under `astro dev`. Read the address here, never from Astro directly.
 */
export const clientAddress = (context: Pick<Context, 'request' | 'clientAddress'>): string => {
  let socket: string | undefined
  try {
    socket = context.clientAddress
  } catch {
    // No socket address (a prerendered page).
  }
  return clientAddressFrom(context.request.headers, socket)
}

/**
 * Counts a request of a public route (page, endpoint or action) toward a limit, keyed by the visitor's
 * address unless `key` names what is attacked (a reference, a submission). Over it, returns the seconds to
 * wait and notes them on the request, so the middleware answers 429 with Retry-After; the handler then shows
 * its localized message instead of doing the work (keeping what the visitor typed): actions through `limit`
 * (site/lib/refusal.ts).
 */
export const limitRequest = async (context: Context, purpose: Purpose, key = clientAddress(context), amount = 1): Promise<number> => {
  const wait = await hit(await payload(), purpose, key, amount)
  if (wait > 0) context.locals.retryAfter = Math.max(wait, context.locals.retryAfter ?? 0)
  return wait
}

/** The response of a request that was over its limit: 429 and Retry-After, with the page or message it rendered. */
export const limitedResponse = (response: Response, retryAfter: number): Response => {
  const headers = new Headers(response.headers)
  headers.set('Retry-After', String(retryAfter))
  headers.set('Cache-Control', 'no-store')
  return new Response(response.body, { status: 429, statusText: 'Too Many Requests', headers })
}
