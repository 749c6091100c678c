import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { IMAGE_WIDTHS } from '../../cms/collections/Media'
import { isContentHashed } from '../../cms/lib/hashedName'
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

describe('file names', () => {
  type Named = { filename?: string | null; sizes?: unknown }
  const names = (doc: Named) => [
    doc.filename!,
    ...Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null }>).flatMap((size) => size.filename ?? []),
  ]
  const smaller = async (width: number) => sharp(photoWithGps).resize({ width }).jpeg().toBuffer()

  it('name the original and every size by their content, keeping the name the editor gave as a slug', async () => {
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Pasar desa' },
      file: upload(await smaller(1000), 'Pasar Pagi.jpg'),
    })
    expect(doc.filename).toMatch(/^pasar-pagi-[0-9a-f]{10}\.jpg$/)
    for (const name of names(doc)) expect(isContentHashed(name), name).toBe(true)
    const { w480 } = doc.sizes as Record<string, { filename: string; height: number }>
    expect(w480.filename).toBe(doc.filename!.replace('.jpg', `-480x${w480.height}.jpg`))
  })

  it('give a replaced picture new names and remove the old files', async () => {
    const first = await payload.create({ collection: 'media', data: { alt: 'Balai desa' }, file: upload(await smaller(1000), 'balai.jpg') })
    const replaced = await payload.update({ collection: 'media', id: first.id, data: {}, file: upload(await smaller(900), 'balai.jpg') })
    expect(replaced.filename).toMatch(/^balai-[0-9a-f]{10}\.jpg$/)
    expect(replaced.filename).not.toBe(first.filename)
    for (const name of names(first)) expect(existsSync(stored(name)), name).toBe(false)
    for (const name of names(replaced)) expect(existsSync(stored(name)), name).toBe(true)
  })

  it('give the sizes new names when the focal point moves, since their crop changes', async () => {
    const doc = await payload.create({ collection: 'media', data: { alt: 'Sawah' }, file: upload(await smaller(1000), 'sawah.jpg') })
    const card = (named: Named) => (named.sizes as Record<string, { filename: string }>).og.filename
    const moved = await payload.update({ collection: 'media', id: doc.id, data: { focalX: 10, focalY: 90 } })
    expect(card(moved)).not.toBe(card(doc))
    expect(isContentHashed(card(moved))).toBe(true)
    expect(existsSync(stored(card(moved)))).toBe(true)
    expect(existsSync(stored(card(doc)))).toBe(false)
    // Saving the alt text alone keeps every name.
    const relabelled = await payload.update({ collection: 'media', id: doc.id, data: { alt: 'Sawah hijau' } })
    expect(names(relabelled)).toEqual(names(moved))
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
