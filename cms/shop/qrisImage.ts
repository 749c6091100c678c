import jsQR from 'jsqr'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { QrisError } from './qris'

/** Wide enough for a phone photo's QR modules, small enough to decode quickly. */
const DECODE_WIDTH = 1200

/**
 * The text of the QR code in an uploaded picture (a QRIS sticker's photo or the merchant's PNG), read on the
 * server: sharp gives the raw pixels, jsQR finds and decodes the code. Throws `qris.imageUnreadable` when
 * there is none.
 */
export const readQrisImage = async (image: Buffer): Promise<string> => {
  const { data, info } = await sharp(image)
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: DECODE_WIDTH, height: DECODE_WIDTH, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)
  if (!code?.data) throw new QrisError({ code: 'qris.imageUnreadable' })
  return code.data
}

/**
 * A payload as an SVG to put in the page's HTML: no script and no request. Error correction M, as QRIS
 * stickers use, with the quiet zone the standard asks for.
 */
export const qrisSvg = (payload: string): Promise<string> => QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
