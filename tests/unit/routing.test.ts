import { describe, expect, it } from 'vitest'
import { isPayloadPath } from '../../server/app'

describe('one server, two apps', () => {
  it('sends the admin, the REST API and Next assets to Payload', () => {
    for (const p of ['/admin', '/admin/collections/pages', '/api/pages', '/_next/static/x.js']) expect(isPayloadPath(p)).toBe(true)
  })

  it('sends every other path to the Astro site', () => {
    for (const p of ['/', '/administrasi', '/apikultur', '/profil', '/en/admin', '/healthz']) expect(isPayloadPath(p)).toBe(false)
  })
})
