type ImageFacts = { width?: number; height?: number; format?: string; space?: string }

/** Apple's artwork rules: square, 1400–3000 px, JPEG or PNG, RGB. Null when the picture passes. */
export const artworkProblem = ({ width = 0, height = 0, format, space }: ImageFacts): { id: string; en: string } | null => {
  if (format !== 'jpeg' && format !== 'png') return { id: 'Gambar sampul harus JPEG atau PNG.', en: 'Artwork must be JPEG or PNG.' }
  if (width !== height)
    return {
      id: `Gambar sampul harus persegi (sekarang ${width}×${height} piksel).`,
      en: `Artwork must be square (it is ${width}×${height} pixels).`,
    }
  if (width < 1400 || width > 3000)
    return {
      id: `Gambar sampul harus 1400–3000 piksel (sekarang ${width} piksel).`,
      en: `Artwork must be 1400–3000 pixels (it is ${width} pixels).`,
    }
  if (space !== 'srgb')
    return {
      id: 'Gambar sampul harus berwarna RGB (bukan CMYK atau hitam-putih).',
      en: 'Artwork must be in RGB colour (not CMYK or greyscale).',
    }
  return null
}
