import type { Media } from '../../cms/payload-types'

type SizeName = keyof NonNullable<Media['sizes']>
type Variant = { url: string; width: number }

/** Public URL of a stored media file (served by the production server from MEDIA_DIR). */
export const mediaUrl = (filename: string) => `/media/${encodeURIComponent(filename)}`

const variants = (media: Media, suffix: '' | '-webp' | '-avif'): Variant[] =>
  Object.entries(media.sizes ?? {})
    .filter(([name, size]) => size?.filename && size.width && name.replace(/^w\d+/, '') === suffix)
    .map(([, size]) => ({ url: mediaUrl(size!.filename!), width: size!.width! }))
    .sort((a, b) => a.width - b.width)

const srcset = (list: Variant[]) => list.map((v) => `${v.url} ${v.width}w`).join(', ')

/** Sources for a <picture>: AVIF and WebP first, the original format as the <img> fallback. */
export const pictureSources = (media: Media) => {
  const original = variants(media, '')
  const fallback = original.length ? original : [{ url: mediaUrl(media.filename!), width: media.width ?? 0 }]
  return {
    avif: srcset(variants(media, '-avif')),
    webp: srcset(variants(media, '-webp')),
    img: { src: fallback[0]!.url, srcset: srcset(fallback) },
  }
}

export type { SizeName }
