/**
 * Photos residents send, as the browser script (site/islands/compressImage.ts) and the server
 * (cms/resident-services/photos.ts) both make them: at most this many pixels on the long side.
 */
export const PHOTO_MAX_SIDE = 1600

/** A phone camera's picture (4000×3000 is 6–7 MB) is accepted up to this size and shrunk on the server. */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024
