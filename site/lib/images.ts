import type { Media } from '../../cms/payload-types'

type SizeName = keyof NonNullable<Media['sizes']>
type Variant = { url: string; width: number }

/** Public URL of a stored media file (served by the production server from MEDIA_DIR). */
export const mediaUrl = (filename: string) => `/media/${encodeURIComponent(filename)}`

/**
 * The stored widths of one format, narrowest first, each width once: sizes wider than the original are
 * stored at the original's width (often as the same file), and a srcset may name a width only once.
 */
const variants = (media: Media, suffix: '' | '-webp' | '-avif'): Variant[] => {
  const byWidth = new Map<number, Variant>()
  for (const [name, size] of Object.entries(media.sizes ?? {})) {
    if (!size?.filename || !size.width || !/^w\d+/.test(name) || name.replace(/^w\d+/, '') !== suffix) continue
    if (!byWidth.has(size.width)) byWidth.set(size.width, { url: mediaUrl(size.filename), width: size.width })
  }
  return [...byWidth.values()].sort((a, b) => a.width - b.width)
}

const srcset = (list: Variant[]) => list.map((v) => `${v.url} ${v.width}w`).join(', ')

/** The widest picture sent to a visitor who asked to save data (`Save-Data: on`). */
const SAVE_DATA_MAX_WIDTH = 480

/** The variants up to `maxWidth` wide, or the smallest one when all are wider. */
const capped = (list: Variant[], maxWidth: number) => {
  const small = list.filter((v) => v.width <= maxWidth)
  return small.length ? small : list.slice(0, 1)
}

type Sources = { avif: string; webp: string; img: { src: string; srcset: string } }

const sourcesOf = (media: Media, saveData: boolean): Sources => {
  const limit = (list: Variant[]) => (saveData ? capped(list, SAVE_DATA_MAX_WIDTH) : list)
  const original = variants(media, '')
  const fallback = limit(original.length ? original : [{ url: mediaUrl(media.filename!), width: media.width ?? 0 }])
  return {
    avif: srcset(limit(variants(media, '-avif'))),
    webp: srcset(limit(variants(media, '-webp'))),
    img: { src: fallback[0].url, srcset: srcset(fallback) },
  }
}

/**
 * Worked out once per media document: pages share the documents they read (cachedRead), and the header's logo and
 * a product's gallery were a twentieth of every uncached render. Gone with the document once its read is replaced.
 */
const known = new WeakMap<Media, Partial<Record<'full' | 'saveData', Sources>>>()

/**
 * Sources for a <picture>: AVIF and WebP first, the original format as the <img> fallback.
 * With `saveData`, only the smallest sizes are offered, whatever the screen. Shared between callers: never change them.
 */
export const pictureSources = (media: Media, { saveData = false } = {}): Sources => {
  let kept = known.get(media)
  if (!kept) known.set(media, (kept = {}))
  return (kept[saveData ? 'saveData' : 'full'] ??= sourcesOf(media, saveData))
}

export type { SizeName }
