import { request, createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uploadProblem } from '../../cms/hooks/validateUpload'
import { fileRule, type FormField } from '../../cms/resident-services/formFields'
import { shrinkPhoto } from '../../cms/resident-services/photos'
import { PHOTO_MAX_BYTES } from '../../cms/resident-services/photoSize'
import { refuseBody, SITE_BODY_LIMIT } from '../../server/body-limit'
import { targetSize } from '../../site/islands/compressImage'

/** A 4000×3000 camera picture of noise (it does not compress small), taken with the phone on its side. */
const cameraPhoto = () => {
  const width = 4000
  const height = 3000
  const noise = Buffer.alloc(width * height * 3)
  let seed = 7
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    noise[i] = seed >>> 24
  }
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Kamera HP', Model: 'Uji 1' } } })
    .jpeg({ quality: 78 })
    .toBuffer()
}

const ktp: FormField = {
  name: 'foto_ktp',
  label: 'Foto KTP',
  type: 'file',
  accept: ['image/jpeg', 'image/png', 'application/pdf'],
  maxSizeMB: 5,
}
const pdfOf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes - 9, 32)])

// Camera-sized pictures take seconds to draw and shrink, more on a machine running other tests.
describe("a resident's photo", { timeout: 30_000 }, () => {
  it('is shrunk to the size the browser makes, upright, as a JPEG without EXIF', async () => {
    const photo = await cameraPhoto()
    expect(photo.length).toBeGreaterThan(6 * 1024 * 1024)
    const kept = await shrinkPhoto(photo)
    const meta = await sharp(kept).metadata()
    // Orientation 6 (turned 90°): stored upright, 3000×4000 → 1200×1600, as the browser script would make it.
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'jpeg', ...targetSize(3000, 4000) })
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(kept.length).toBeLessThan(photo.length / 4)
  })

  it('keeps a small picture at its size and makes a transparent PNG white, not black', async () => {
    const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer()
    const kept = await shrinkPhoto(png)
    const meta = await sharp(kept).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 200, 100])
    const { data } = await sharp(kept).raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(250)
  })

  it('is accepted up to 15 MB from the camera; a PDF keeps its field limit', async () => {
    const rule = fileRule(ktp)
    expect(await uploadProblem({ data: await cameraPhoto(), size: 7 * 1024 * 1024 }, rule)).toBeNull()
    const photo = await cameraPhoto()
    expect(await uploadProblem({ data: photo, size: PHOTO_MAX_BYTES + 1 }, rule)).toEqual({
      code: 'upload.tooLarge',
      params: { size: '15 MB', max: '15 MB' },
    })
    expect(await uploadProblem({ data: pdfOf(5 * 1024 * 1024), size: 5 * 1024 * 1024 }, rule)).toBeNull()
    expect(await uploadProblem({ data: pdfOf(6 * 1024 * 1024), size: 6 * 1024 * 1024 }, rule)).toEqual({
      code: 'upload.tooLarge',
      params: { size: '6 MB', max: '5 MB' },
    })
  })
})

describe("the site's body limit", { timeout: 30_000 }, () => {
  let server: Server
  let port: number
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (refuseBody(req, res, req.url ?? '/', false)) return
      req.resume()
      req.on('end', () => res.end('ok'))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  /** A POST announcing `length` bytes; the body follows only when `send` (a refused one is never read). */
  const post = (length: number, send: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/layanan/pengantar-skck/formulir', method: 'POST', headers: { 'Content-Length': length } },
        (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, body }))
        },
      )
      req.on('error', reject)
      if (send) req.end(Buffer.alloc(length))
      else req.flushHeaders()
    })

  it('takes three camera photos in one form', async () => {
    expect(SITE_BODY_LIMIT).toBeGreaterThan(3 * PHOTO_MAX_BYTES)
    expect(await post(3 * PHOTO_MAX_BYTES + 64 * 1024, true)).toEqual({ status: 200, body: 'ok' })
  })

  it('refuses more with 413 and a localized message, before reading it', async () => {
    const refused = await post(SITE_BODY_LIMIT + 1, false)
    expect(refused.status).toBe(413)
    expect(refused.body).toContain('Kiriman terlalu besar')
  })
})
