import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { parseEnvironment } from '../../cms/lib/config'
import { requestHostOf } from '../../server/forwardedHost'

const request = (peer: string, headers: Record<string, string>) =>
  ({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage
const behind = (list: string, header?: string) => parseEnvironment({ TRUSTED_PROXIES: list, TRUSTED_PROXY_HEADER: header }).trustedProxies

describe('the host a visitor asked for', () => {
  it('is the Host header when no proxy is trusted or the peer is not one: a forwarded host a client wrote is ignored', () => {
    const headers = { host: 'desa-a.example.id', 'x-forwarded-host': 'desa-b.example.id' }
    expect(requestHostOf(request('203.0.113.9', headers), behind(''))).toBe('desa-a.example.id')
    expect(requestHostOf(request('203.0.113.9', headers), behind('10.0.0.0/8'))).toBe('desa-a.example.id')
  })

  it('is the X-Forwarded-Host of a trusted proxy that sends requests on under its own Host, the nearest proxy’s value', () => {
    const trust = behind('10.0.0.0/8')
    expect(requestHostOf(request('10.0.0.2', { host: 'app:3000', 'x-forwarded-host': 'Desa-B.example.id' }), trust)).toBe(
      'Desa-B.example.id',
    )
    expect(requestHostOf(request('10.0.0.2', { host: 'app:3000', 'x-forwarded-host': 'desa-b.example.id:8443' }), trust)).toBe(
      'desa-b.example.id:8443',
    )
    expect(requestHostOf(request('10.0.0.2', { host: 'app:3000', 'x-forwarded-host': 'ditulis.klien, desa-b.example.id' }), trust)).toBe(
      'desa-b.example.id',
    )
    expect(requestHostOf(request('::ffff:10.0.0.2', { host: 'app:3000', 'x-forwarded-host': '[2001:db8::1]:443' }), trust)).toBe(
      '[2001:db8::1]:443',
    )
  })

  it('stays the Host header when the proxy forwards none, or something that is no host', () => {
    const trust = behind('10.0.0.0/8')
    expect(requestHostOf(request('10.0.0.2', { host: 'desa-a.example.id' }), trust)).toBe('desa-a.example.id')
    for (const bad of ['desa-b.example.id/jalur', 'desa b.example.id', 'desa-b.example.id:99999', '<script>', ''])
      expect(requestHostOf(request('10.0.0.2', { host: 'desa-a.example.id', 'x-forwarded-host': bad }), trust), bad).toBe(
        'desa-a.example.id',
      )
  })

  it('is read from Forwarded (host=) when TRUSTED_PROXY_HEADER says so, and X-Forwarded-Host is then ignored', () => {
    const trust = behind('10.0.0.0/8', 'forwarded')
    const headers = {
      host: 'app:3000',
      'x-forwarded-host': 'palsu.example.id',
      forwarded: 'for=198.51.100.7;host="desa-b.example.id";proto=https',
    }
    expect(requestHostOf(request('10.0.0.2', headers), trust)).toBe('desa-b.example.id')
    expect(requestHostOf(request('10.0.0.2', { host: 'app:3000', 'x-forwarded-host': 'palsu.example.id' }), trust)).toBe('app:3000')
  })
})
