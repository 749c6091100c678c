import type { PodcastMessage } from './messages'

type ImageFacts = { width?: number; height?: number; format?: string; space?: string }

/** Apple's artwork rules: square, 1400–3000 px, JPEG or PNG, RGB. Null when the picture passes. */
export const artworkProblem = ({ width = 0, height = 0, format, space }: ImageFacts): PodcastMessage | null => {
  if (format !== 'jpeg' && format !== 'png') return { code: 'artwork.format' }
  if (width !== height) return { code: 'artwork.square', params: { width, height } }
  if (width < 1400 || width > 3000) return { code: 'artwork.size', params: { width } }
  if (space !== 'srgb') return { code: 'artwork.rgb' }
  return null
}
