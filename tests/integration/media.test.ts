import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { IMAGE_WIDTHS } from '../../cms/collections/Media'
import { startPayload } from '../support/payload'

let payload: Payload
const photoWithGps = readFileSync(path.resolve('content/images/pasar-desa.jpg'))
const upload = (data: Buffer, name: string, mimetype = 'image/jpeg') => ({ data, name, mimetype, size: data.length })
const stored = (filename: string) => path.join(process.env.MEDIA_DIR!, filename)

beforeAll(async () => {
  payload = await startPayload()
})

describe('uploading a photo', () => {
  it('strips EXIF, including the GPS position, from the stored original', async () => {
    expect((await sharp(photoWithGps).metadata()).exif).toBeDefined()
    const doc = await payload.create({ collection: 'media', data: { alt: 'Pasar desa' }, file: upload(photoWithGps, 'pasar.jpg') })
    const meta = await sharp(stored(doc.filename!)).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.format).toBe('jpeg')
  })

  it('makes every responsive width in the original format, WebP and AVIF', async () => {
    const doc = await payload.create({ collection: 'media', data: { alt: 'Pasar desa' }, file: upload(photoWithGps, 'pasar-ukuran.jpg') })
    for (const width of IMAGE_WIDTHS.filter((w) => w <= doc.width!)) {
      for (const [suffix, format] of [
        ['', 'jpeg'],
        ['-webp', 'webp'],
        ['-avif', 'heif'],
      ] as const) {
        const size = (doc.sizes as Record<string, { filename?: string; width?: number }>)[`w${width}${suffix}`]
        expect(size.width).toBe(width)
        const meta = await sharp(stored(size.filename!)).metadata()
        expect(meta.format).toBe(format)
        expect(meta.exif).toBeUndefined()
      }
    }
  })
})

describe('refused uploads', () => {
  const refusal = async (file: ReturnType<typeof upload>, data: { alt?: string } = { alt: 'Gambar' }) => {
    try {
      await payload.create({ collection: 'media', data: data as { alt: string }, file })
    } catch (err) {
      return err as Error & { status?: number }
    }
    throw new Error('the upload was accepted')
  }

  it('judges the type by the bytes, not by the name', async () => {
    const err = await refusal(upload(Buffer.from('bukan gambar, hanya teks biasa'), 'foto.jpg'))
    expect(err.status).toBe(400)
    expect(err.message).toMatch(/Isi berkas bukan jenis yang diterima \(JPEG, PNG, WebP, AVIF\)/)
  })

  it('refuses a PDF renamed to .png', async () => {
    const err = await refusal(upload(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'scan.png', 'image/png'))
    expect(err.message).toMatch(/bukan jenis yang diterima/)
  })

  it('refuses an empty file and a file over 10 MB', async () => {
    expect((await refusal(upload(Buffer.alloc(0), 'kosong.jpg'))).message).toMatch(/Berkas kosong/)
    const big = Buffer.concat([photoWithGps, Buffer.alloc(10 * 1024 * 1024)])
    expect((await refusal(upload(big, 'besar.jpg'))).message).toMatch(/terlalu besar .* maksimal 10 MB/)
  })

  it('requires alt text', async () => {
    const err = await refusal(upload(photoWithGps, 'tanpa-alt.jpg'), {})
    expect(err.name).toBe('ValidationError')
  })
})
