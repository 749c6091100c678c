import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { isCrossSite } from '../../server/csrf'

const request = (headers: Record<string, string>, method = 'POST') =>
  ({ method, headers: { host: 'desa.example', ...headers } }) as unknown as IncomingMessage

describe('a cross-site write', () => {
  it('is a post whose Origin is another site, or the opaque "null" origin', () => {
    expect(isCrossSite(request({ origin: 'https://evil.example' }), null)).toBe(true)
    expect(isCrossSite(request({ origin: 'null' }), null)).toBe(true)
  })

  it('is not a post from the host the browser addressed, nor from PUBLIC_URL behind a proxy that rewrites Host', () => {
    expect(isCrossSite(request({ origin: 'https://desa.example' }), null)).toBe(false)
    expect(isCrossSite(request({ host: '127.0.0.1:3000', origin: 'https://desa.example' }), new URL('https://desa.example'))).toBe(false)
    expect(isCrossSite(request({ host: '127.0.0.1:3000', origin: 'https://desa.example' }), null)).toBe(true)
  })

  it('without Origin, is told by Sec-Fetch-Site, else by Referer', () => {
    expect(isCrossSite(request({ 'sec-fetch-site': 'cross-site' }), null)).toBe(true)
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-site' }), null)).toBe(true)
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-origin' }), null)).toBe(false)
    expect(isCrossSite(request({ referer: 'https://evil.example/page' }), null)).toBe(true)
    expect(isCrossSite(request({ referer: 'https://desa.example/checkout' }), null)).toBe(false)
  })

  it('is never a request without any browser signal (a webhook, an API script), nor a read', () => {
    expect(isCrossSite(request({}), null)).toBe(false)
    expect(isCrossSite(request({ origin: 'https://evil.example' }, 'GET'), null)).toBe(false)
  })
})
