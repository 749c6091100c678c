import sharp from 'sharp'

/**
 * A phone camera's picture: 4000×3000 of noise (so it does not compress small), about 7 MB, with EXIF, as residents
 * take them of their ID cards.
 */
export const cameraPhoto = async () => {
  const width = 4000
  const height = 3000
  const noise = Buffer.alloc(width * height * 3)
  let seed = 12345
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    noise[i] = seed >>> 24
  }
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .withExif({ IFD0: { Make: 'Kamera HP', Model: 'Uji 1' } })
    .jpeg({ quality: 78 })
    .toBuffer()
}
