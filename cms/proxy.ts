import { NextResponse, type NextRequest } from 'next/server'

/**
 * The admin speaks Indonesian unless the user picked another language in their account (Payload's
 * `payload-lng` cookie); the browser's own language preference is not enough to switch.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'id')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
