import { describe, expect, it } from 'vitest'
import { localePath, splitLocale } from '../../site/i18n/locales'
import { inVillage } from '../../cms/villages/current'
import { translate } from '../../site/i18n/ui'

describe('language in the URL', () => {
  it('treats paths without a prefix as Indonesian', () => {
    expect(splitLocale('/')).toEqual({ locale: 'id', path: '/' })
    expect(splitLocale('/profil/sejarah')).toEqual({ locale: 'id', path: '/profil/sejarah' })
    expect(splitLocale('/english-lessons')).toEqual({ locale: 'id', path: '/english-lessons' })
  })

  it('serves the same path in English under /en', () => {
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' })
    expect(splitLocale('/en/profil/sejarah')).toEqual({ locale: 'en', path: '/profil/sejarah' })
  })

  it('builds links in either language', () => {
    expect(localePath('id', '/profil')).toBe('/profil')
    expect(localePath('en', '/profil')).toBe('/en/profil')
    expect(localePath('en', '/')).toBe('/en')
    expect(localePath('en', 'profil')).toBe('/en/profil')
  })

  it("builds a village's links under its path on the regency's host", () => {
    const onRegencyHost = { id: 3, slug: 'tanjung', host: 'kabupaten.example.id', base: '/desa/tanjung' }
    expect(inVillage(onRegencyHost, () => localePath('id', '/'))).toBe('/desa/tanjung/')
    expect(inVillage(onRegencyHost, () => localePath('id', '/produk'))).toBe('/desa/tanjung/produk')
    expect(inVillage(onRegencyHost, () => localePath('en', '/'))).toBe('/desa/tanjung/en')
    expect(inVillage(onRegencyHost, () => localePath('en', '/produk'))).toBe('/desa/tanjung/en/produk')
    expect(inVillage({ id: 1, slug: 'desa', host: 'desa.example.id' }, () => localePath('en', '/produk'))).toBe('/en/produk')
  })

  it('has every interface text in both languages', () => {
    expect(translate('id', 'nav.home')).toBe('Beranda')
    expect(translate('en', 'nav.home')).toBe('Home')
  })
})
