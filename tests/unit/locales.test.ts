import { describe, expect, it } from 'vitest'
import { localePath, splitLocale } from '../../site/i18n/locales'
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

  it('has every interface text in both languages', () => {
    expect(translate('id', 'nav.home')).toBe('Beranda')
    expect(translate('en', 'nav.home')).toBe('Home')
  })
})
