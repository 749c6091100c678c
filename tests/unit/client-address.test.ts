import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { parseEnvironment } from '../../cms/lib/config'
import { ConfigProblem } from '../../cms/lib/problem'
import { clientAddressOf } from '../../server/clientAddress'

const request = (peer: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage

const behind = (list: string, header?: string) => parseEnvironment({ TRUSTED_PROXIES: list, TRUSTED_PROXY_HEADER: header }).trustedProxies

describe('the client address', () => {
  it('is the TCP peer when no proxy is trusted, whatever the forwarding headers say', () => {
    const none = behind('')
    expect(clientAddressOf(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), none)).toBe('203.0.113.9')
    expect(clientAddressOf(request('203.0.113.9', { forwarded: 'for=198.51.100.1' }), none)).toBe('203.0.113.9')
  })

  it('is the peer when the peer is not a trusted proxy (a spoofed header is ignored)', () => {
    const trust = behind('10.0.0.0/8')
    expect(clientAddressOf(request('203.0.113.9', { 'x-forwarded-for': '10.1.1.1, 198.51.100.1' }), trust)).toBe('203.0.113.9')
  })

  it('is the right-most untrusted hop behind trusted proxies; what the client wrote on the left is ignored', () => {
    const trust = behind('10.0.0.0/8, 192.168.1.1')
    // The client wrote "1.2.3.4"; the outer proxy (192.168.1.1) saw 198.51.100.7; the inner one (10.0.0.2) saw 192.168.1.1.
    const req = request('10.0.0.2', { 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 192.168.1.1' })
    expect(clientAddressOf(req, trust)).toBe('198.51.100.7')
    expect(clientAddressOf(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.7' }), trust)).toBe('198.51.100.7')
  })

  it('is the proxy itself when the proxy sends no header, or only trusted hops, or a hop that is no address', () => {
    const trust = behind('10.0.0.0/8')
    expect(clientAddressOf(request('10.0.0.2'), trust)).toBe('10.0.0.2')
    expect(clientAddressOf(request('10.0.0.2', { 'x-forwarded-for': '10.0.0.9, 10.0.0.3' }), trust)).toBe('10.0.0.9')
    expect(clientAddressOf(request('10.0.0.2', { 'x-forwarded-for': '1.2.3.4, unknown' }), trust)).toBe('10.0.0.2')
  })

  it('understands IPv6, IPv4-mapped IPv6 peers and hops, and ports', () => {
    const trust = behind('2001:db8::/32, 127.0.0.1')
    expect(clientAddressOf(request('2001:db8::5', { 'x-forwarded-for': '2001:DB8:1::9, [2a00:1450::1]:443' }), trust)).toBe('2a00:1450::1')
    expect(clientAddressOf(request('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.7:5050' }), trust)).toBe('198.51.100.7')
    expect(clientAddressOf(request('::ffff:127.0.0.1', { 'x-forwarded-for': '::ffff:198.51.100.7' }), trust)).toBe('198.51.100.7')
    expect(clientAddressOf(request('::ffff:203.0.113.9'), trust)).toBe('203.0.113.9')
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '::1' }), behind('::ffff:127.0.0.0/104'))).toBe('::1')
  })

  it('reads Forwarded (RFC 7239) instead when TRUSTED_PROXY_HEADER says so, and then ignores X-Forwarded-For', () => {
    const trust = behind('10.0.0.0/8', 'forwarded')
    const req = request('10.0.0.2', {
      'x-forwarded-for': '6.6.6.6',
      forwarded: 'for=1.2.3.4, for="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.7;by=10.0.0.2',
    })
    expect(clientAddressOf(req, trust)).toBe('2001:db8:cafe::17')
    expect(clientAddressOf(request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6' }), trust)).toBe('10.0.0.2')
  })

  it('refuses a list it cannot read, with one sentence saying what to write', () => {
    for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0.1/', '::1/129', '10.0.0.0/8/1'])
      expect(() => behind(bad), bad).toThrow(ConfigProblem)
    expect(() => behind('10.0.0.0/8', 'x-real-ip')).toThrow(/TRUSTED_PROXY_HEADER/)
  })
})
