import { describe, expect, it } from 'vitest'
import { isPayloadPath } from '../../server/app'
import { isPortalPage, portalPagePath } from '../../server/portal'

describe('one server, two apps', () => {
  it('sends the admin, the REST API and Next assets to Payload', () => {
    for (const p of ['/admin', '/admin/collections/pages', '/api/pages', '/_next/static/x.js']) expect(isPayloadPath(p)).toBe(true)
  })

  it('sends every other path to the Astro site', () => {
    for (const p of ['/', '/administrasi', '/apikultur', '/profil', '/en/admin', '/healthz']) expect(isPayloadPath(p)).toBe(false)
  })

  it("finds the regency portal's pages among the site's, in either language", () => {
    expect(portalPagePath('/')).toBe('/kabupaten')
    expect(portalPagePath('/berita?desa=tanjung')).toBe('/kabupaten/berita?desa=tanjung')
    expect(portalPagePath('/en')).toBe('/en/kabupaten')
    expect(portalPagePath('/en/produk?q=madu')).toBe('/en/kabupaten/produk?q=madu')
    expect(isPortalPage('/kabupaten')).toBe(true)
    expect(isPortalPage('/en/kabupaten/berita')).toBe(true)
    expect(isPortalPage('/kabupaten?x=1')).toBe(true)
    expect(isPortalPage('/kabupatenku')).toBe(false)
    expect(isPortalPage('/berita/kabupaten')).toBe(false)
  })
})
