import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_FREE_ATTEMPTS } from '../../cms/auth/loginThrottle'
import { LIMITS } from '../../cms/lib/rateLimit'
import { PASSWORD, signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { startLoadBalancer, type LoadBalancer } from '../support/loadBalancer'

/**
 * The limits as deployed: three app instances sharing one SQLite database behind a load balancer that
 * terminates the connection and says who the client is in X-Forwarded-For. Clients are loopback
 * addresses (127.0.0.2x); the proxy connects to the app from 127.0.0.10, the only trusted proxy.
 */

const PROXY_ADDRESS = '127.0.0.10'
const first = useProductionServer({ env: { TRUSTED_PROXIES: PROXY_ADDRESS } })
// The others share the first one's database file and run no background jobs.
const second = useProductionServer({ env: { TRUSTED_PROXIES: PROXY_ADDRESS, RUN_JOBS: 'false' }, sharing: first })
const third = useProductionServer({ env: { TRUSTED_PROXIES: PROXY_ADDRESS, RUN_JOBS: 'false' }, sharing: first })
const instances = [first, second, third]
let proxy: LoadBalancer
let proxyUrl = ''

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request from one loopback client address, to the proxy or straight to an instance. */
const send = (
  base: string,
  from: string,
  target: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base)
    const req = http.request(
      { host: hostname, port, path: target, method, localAddress: from, headers: { Origin: base, ...headers } },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })

/** A sign-in (what is tested here) from one loopback client address. */
const signInFrom = (base: string, from: string, email: string, password: string) =>
  send(base, from, '/api/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })

const track = (base: string, from: string, reference: string, digits: string) =>
  send(base, from, '/layanan/lacak?_action=services.track', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ reference, digits }).toString(),
  })

/** Uses up a limit with requests sent together (one window however slow the machine), then returns the next answer. */
const overTheLimit = async (max: number, send: (attempt: number) => Promise<Reply>) => {
  const statuses = (await Promise.all(Array.from({ length: max }, (_, i) => send(i)))).map((r) => r.status)
  expect(statuses).not.toContain(429)
  return send(max)
}

beforeAll(async () => {
  proxy = await startLoadBalancer(() => instances.map((instance) => instance.url), { from: PROXY_ADDRESS })
  proxyUrl = proxy.url
  await signIn(first, 'admin')
})

afterAll(() => {
  proxy?.close()
})

describe('behind a trusted reverse proxy', () => {
  it('limits the client who searches too much, not the other clients of the same proxy', async () => {
    const res = await overTheLimit(LIMITS.search.max, (i) => send(proxyUrl, '127.0.0.21', `/cari.json?q=kopi${i}`))
    expect(res.status).toBe(429)
    expect((await send(proxyUrl, '127.0.0.22', '/cari.json?q=kopi')).status).toBe(200)
  })

  it('ignores what a client writes into X-Forwarded-For itself: the proxy appends the address it saw', async () => {
    const res = await overTheLimit(LIMITS.search.max, (i) =>
      send(proxyUrl, '127.0.0.23', `/cari.json?q=lada${i}`, { headers: { 'X-Forwarded-For': `198.51.100.${i}` } }),
    )
    expect(res.status).toBe(429)
  })

  it('slows down wrong passwords for the account from that client only; the right password from another client signs in', async () => {
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++)
      expect((await signInFrom(proxyUrl, '127.0.0.24', 'admin@desa.test', 'salah-sandi-1')).status).toBe(401)
    expect((await signInFrom(proxyUrl, '127.0.0.24', 'admin@desa.test', PASSWORD)).status).toBe(429)
    expect((await signInFrom(proxyUrl, '127.0.0.25', 'admin@desa.test', PASSWORD)).status).toBe(200)
  })
})

describe('a client that is not a trusted proxy', () => {
  it('cannot choose its address with X-Forwarded-For', async () => {
    const res = await overTheLimit(LIMITS.search.max, (i) =>
      send(first.url, '127.0.0.26', `/cari.json?q=rotan${i}`, { headers: { 'X-Forwarded-For': `203.0.113.${i}` } }),
    )
    expect(res.status).toBe(429)
    expect((await send(first.url, '127.0.0.27', '/cari.json?q=rotan')).status).toBe(200)
  })
})

describe('three instances sharing one database', () => {
  it('hold a limit of 10 at 10 in all: wrong tracking look-ups of one reference, whichever instance and address they reach', async () => {
    expect(LIMITS.track.max).toBe(10)
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => track(instances[i % 3].url, `127.0.0.${30 + (i % 5)}`, 'AB2C3D4E', String(1000 + i))),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 404)).toHaveLength(10)
    expect(statuses.filter((status) => status === 429)).toHaveLength(6)
    const refused = answers.find((answer) => answer.status === 429)!
    expect(refused.body).toMatch(/Terlalu banyak percobaan untuk nomor referensi ini\. Coba lagi dalam \d+ menit/)
    // Another reference from the same addresses is not affected: it is looked up (and not found).
    expect((await track(second.url, '127.0.0.30', 'XY2C3D4E', '1234')).status).toBe(404)
  })
})
