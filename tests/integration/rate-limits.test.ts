import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginDelay, LOGIN_FREE_ATTEMPTS } from '../../cms/auth/loginThrottle'
import { setEnvironment } from '../../cms/lib/config'
import { atomicStore } from '../../cms/instances/atomicStore'
import { hit, LIMITS, refund, waitMinutes } from '../../cms/lib/rateLimit'
import { startPayload } from '../support/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  await payload?.db.destroy?.()
})

describe('rate limits, counted in the database', () => {
  it('let a key make `max` requests per window, then say how long to wait; other keys and the next window start afresh', async () => {
    const now = 1_000_000_000
    expect(LIMITS.search).toEqual({ max: 30, windowMs: 10_000 })
    const waits = []
    for (let i = 0; i < 31; i++) waits.push(await hit(payload, 'search', 'live-a', 1, now + i))
    expect(waits.slice(0, 30).every((wait) => wait === 0)).toBe(true)
    expect(waits[30]).toBe(10)
    expect(await hit(payload, 'search', 'live-b', 1, now + 31)).toBe(0)
    expect(await hit(payload, 'search', 'live-a', 1, now + 10_000)).toBe(0)
  })

  it('count concurrent requests exactly (one statement each)', async () => {
    const now = 2_000_000_000
    const waits = await Promise.all(Array.from({ length: 25 }, () => hit(payload, 'track', 'AB2C3D4E', 1, now)))
    expect(waits.filter((wait) => wait > 0)).toHaveLength(25 - LIMITS.track.max)
  })

  it('take back an attempt that cost nothing, never below zero', async () => {
    const now = 3_000_000_000
    for (let i = 0; i < LIMITS.track.max; i++) await hit(payload, 'track', 'K7MX4PRA', 1, now)
    await refund(payload, 'track', 'K7MX4PRA', now)
    expect(await hit(payload, 'track', 'K7MX4PRA', 1, now)).toBe(0)
    await refund(payload, 'track', 'NEVERSEEN', now)
    expect((await atomicStore(payload).readCounter('track:NEVERSEEN', now))?.count).toBe(0)
  })

  it('count amounts (files, bytes) as well as attempts', async () => {
    const now = 4_000_000_000
    expect(await hit(payload, 'submit', 'key-a', LIMITS.submit.max, now)).toBe(0)
    expect(await hit(payload, 'submit', 'key-a', 1, now)).toBe(600)
    expect((await atomicStore(payload).addToWindow('upload-bytes:key-a', 5_000_000, 3_600_000, now)).count).toBe(5_000_000)
  })

  it('keep a limited client limited however many other windows run out and are swept meanwhile', async () => {
    const now = 5_000_000_000
    for (let i = 0; i <= LIMITS.login.max; i++) await hit(payload, 'login', '203.0.113.9', 1, now)
    for (let i = 0; i < 200; i++) await hit(payload, 'search', `visitor-${i}`, 1, now)
    // Every search window has ended; the sign-in window (10 minutes) has not.
    await atomicStore(payload).dropExpiredCounters(now + 20_000)
    expect(await atomicStore(payload).readCounter('search:visitor-1', now + 20_000)).toBeNull()
    expect(await hit(payload, 'login', '203.0.113.9', 1, now + 20_000)).toBeGreaterThan(0)
  })

  it('are off with RATE_LIMIT_OFF=1 (the benchmark)', async () => {
    setEnvironment({ RATE_LIMIT_OFF: '1' })
    try {
      for (let i = 0; i < 40; i++) expect(await hit(payload, 'search', 'bench')).toBe(0)
    } finally {
      setEnvironment({ RATE_LIMIT_OFF: undefined })
    }
  })

  it('speak in minutes, rounded up', () => {
    expect([1, 59, 60, 61, 600].map(waitMinutes)).toEqual([1, 1, 1, 2, 10])
  })
})

describe('sign-in delays', () => {
  it('cost nothing for the first wrong passwords, then double from 15 seconds up to 15 minutes', () => {
    expect(Array.from({ length: LOGIN_FREE_ATTEMPTS }, (_, i) => loginDelay(i))).toEqual(Array(LOGIN_FREE_ATTEMPTS).fill(0))
    expect([0, 1, 2, 3].map((n) => loginDelay(LOGIN_FREE_ATTEMPTS + n))).toEqual([15, 30, 60, 120])
    expect(loginDelay(100)).toBe(15 * 60)
  })
})
