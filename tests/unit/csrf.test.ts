import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { isCrossSite } from '../../server/csrf'

const request = (headers: Record<string, string>, method = 'POST') =>
  ({ method, headers: { host: 'desa.example', ...headers } }) as unknown as IncomingMessage

describe('a cross-site write', () => {
  it('is a post whose Origin is another site, or the opaque "null" origin', () => {
    expect(isCrossSite(request({ origin: 'https://evil.example' }), '')).toBe(true)
    expect(isCrossSite(request({ origin: 'null' }), '')).toBe(true)
  })

  it('is not a post from the host the browser addressed, nor from PUBLIC_URL behind a proxy that rewrites Host', () => {
    expect(isCrossSite(request({ origin: 'https://desa.example' }), '')).toBe(false)
    expect(isCrossSite(request({ host: '127.0.0.1:3000', origin: 'https://desa.example' }), 'https://desa.example')).toBe(false)
    expect(isCrossSite(request({ host: '127.0.0.1:3000', origin: 'https://desa.example' }), '')).toBe(true)
  })

  it('without Origin, is told by Sec-Fetch-Site, else by Referer', () => {
    expect(isCrossSite(request({ 'sec-fetch-site': 'cross-site' }), '')).toBe(true)
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-site' }), '')).toBe(true)
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-origin' }), '')).toBe(false)
    expect(isCrossSite(request({ referer: 'https://evil.example/page' }), '')).toBe(true)
    expect(isCrossSite(request({ referer: 'https://desa.example/checkout' }), '')).toBe(false)
  })

  it('is never a request without any browser signal (a webhook, an API script), nor a read', () => {
    expect(isCrossSite(request({}), '')).toBe(false)
    expect(isCrossSite(request({ origin: 'https://evil.example' }, 'GET'), '')).toBe(false)
  })
})
