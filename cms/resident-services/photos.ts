import sharp from 'sharp'
import { PHOTO_MAX_SIDE } from './photoSize'

/**
 * A resident's photo as the office keeps it: turned upright, at most PHOTO_MAX_SIDE pixels on its long side
 * (the size the browser makes before upload), re-encoded as JPEG without EXIF (no GPS position, no camera
 * serial). Transparent areas of a PNG become white, as on paper.
 */
export const shrinkPhoto = (data: Buffer): Promise<Buffer> =>
  sharp(data)
    .rotate()
    .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer()
