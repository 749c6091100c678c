import { describe, expect, it } from 'vitest'
import type { Media } from '../../cms/payload-types'
import { pictureSources } from '../../site/lib/images'

/** A 256 px logo as Payload stores it: every size at least as wide as the original is the original itself. */
const logo = {
  id: 1,
  alt: 'Logo',
  filename: 'logo.png',
  width: 256,
  height: 256,
  updatedAt: '',
  createdAt: '',
  sizes: Object.fromEntries(
    ['', '-webp', '-avif'].flatMap((suffix) => {
      const ext = suffix ? suffix.slice(1) : 'png'
      return [
        [`w96${suffix}`, { filename: `logo-96x96.${ext}`, width: 96, height: 96 }],
        ...[480, 960, 1600].map((w) => [`w${w}${suffix}`, { filename: `logo-256x256.${ext}`, width: 256, height: 256 }]),
      ]
    }),
  ),
} as unknown as Media

describe('picture sources', () => {
  it('name each width once, although the sizes wider than the original are all the original', () => {
    const sources = pictureSources(logo)
    expect(sources.avif).toBe('/media/logo-96x96.avif 96w, /media/logo-256x256.avif 256w')
    expect(sources.webp).toBe('/media/logo-96x96.webp 96w, /media/logo-256x256.webp 256w')
    expect(sources.img).toEqual({ src: '/media/logo-96x96.png', srcset: '/media/logo-96x96.png 96w, /media/logo-256x256.png 256w' })
  })

  it('leave the social card size out of every srcset', () => {
    const withCard = { ...logo, sizes: { ...logo.sizes, og: { filename: 'logo-1200x630.jpg', width: 1200, height: 630 } } } as Media
    expect(Object.values(pictureSources(withCard)).join(' ')).not.toContain('1200x630')
  })
})

describe('picture sources of a media document pages share', () => {
  it('are worked out once per document and Save-Data, not on every render', () => {
    const media = { ...logo }
    expect(pictureSources(media)).toBe(pictureSources(media))
    expect(pictureSources(media, { saveData: true })).toBe(pictureSources(media, { saveData: true }))
    expect(pictureSources(media, { saveData: true })).not.toBe(pictureSources(media))
    expect(pictureSources({ ...logo })).not.toBe(pictureSources(media))
  })
})
