import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { publicFiles } from '../../cms/lib/objectStorage'
import {
  privateFileExists,
  privateStorageUsed,
  readPrivateFile,
  removePrivateFile,
  savePrivateFile,
} from '../../cms/resident-services/privateFiles'
import { purgeOrphanFiles } from '../../cms/resident-services/purge'
import { LocalS3, PRIVATE_BUCKET, PUBLIC_BUCKET } from '../support/s3'
import { startPayload } from '../support/payload'

// With S3_BUCKET set (in its own process: vitest.config.ts), the upload collections and residents' files live in the
// buckets of a local S3-compatible server, and nothing is written to MEDIA_DIR or PRIVATE_DIR.
let payload: Payload
const s3 = new LocalS3()
const photo = readFileSync(path.resolve('content/images/pasar-desa.jpg'))
const mp3 = readFileSync(path.resolve('content/podcast/audio/panen-lada-bersama.mp3'))
const vtt = readFileSync(path.resolve('content/podcast/transcripts/panen-lada-bersama.vtt'))
const upload = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })
type Named = { filename?: string | null; sizes?: unknown }
const names = (doc: Named) => [
  doc.filename!,
  ...Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null }>).flatMap((size) => size.filename ?? []),
]
const onDisk = (folder: string) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())

beforeAll(async () => {
  await s3.start()
  setEnvironment(s3.env)
  payload = await startPayload()
})

afterAll(async () => {
  await payload?.destroy()
  await s3.close()
})

describe('pictures in the public bucket', () => {
  it('store the original and every size there, under the names /media/ serves, and nothing on disk', async () => {
    const doc = await payload.create({ collection: 'media', data: { alt: 'Pasar desa' }, file: upload(photo, 'pasar.jpg', 'image/jpeg') })
    const keys = await s3.keys(PUBLIC_BUCKET)
    expect(names(doc).length).toBeGreaterThan(10)
    for (const name of names(doc)) expect(keys, name).toContain(name)
    expect(await s3.keys(PRIVATE_BUCKET)).toEqual([])
    expect(onDisk(process.env.MEDIA_DIR!)).toEqual([])
    // Read back as the app reads them: the original without EXIF, each size in its format.
    const original = await publicFiles().read(doc.filename!)
    expect((await sharp(original!).metadata()).exif).toBeUndefined()
    const webp = (doc.sizes as Record<string, { filename: string }>)['w480-webp'].filename
    expect((await sharp((await s3.store(PUBLIC_BUCKET).read(webp))!).metadata()).format).toBe('webp')
  })

  it('cut new sizes from the stored original when the focal point moves, and remove the old ones', async () => {
    const doc = await payload.create({ collection: 'media', data: { alt: 'Sawah' }, file: upload(photo, 'sawah.jpg', 'image/jpeg') })
    const moved = await payload.update({ collection: 'media', id: doc.id, data: { focalX: 10, focalY: 90 } })
    const card = (named: Named) => (named.sizes as Record<string, { filename: string }>).og.filename
    expect(card(moved)).not.toBe(card(doc))
    const keys = await s3.keys(PUBLIC_BUCKET)
    for (const name of names(moved)) expect(keys, name).toContain(name)
    for (const name of names(doc).filter((n) => !names(moved).includes(n))) expect(keys, name).not.toContain(name)
  })

  it('go from the bucket when the picture is deleted', async () => {
    const doc = await payload.create({ collection: 'media', data: { alt: 'Balai' }, file: upload(photo, 'balai.jpg', 'image/jpeg') })
    expect(await s3.keys(PUBLIC_BUCKET)).toContain(doc.filename)
    await payload.delete({ collection: 'media', id: doc.id })
    const keys = await s3.keys(PUBLIC_BUCKET)
    for (const name of names(doc)) expect(keys, name).not.toContain(name)
  })
})

describe('podcast files in the public bucket', () => {
  it('keep audio under audio/ and transcripts under transcripts/, as /media/audio/ and /media/transcripts/ name them', async () => {
    const audio = await payload.create({ collection: 'podcast-audio', data: {}, file: upload(mp3, 'panen.mp3', 'audio/mpeg') })
    const transcript = await payload.create({ collection: 'transcripts', data: {}, file: upload(vtt, 'panen.vtt', 'text/vtt') })
    const keys = await s3.keys(PUBLIC_BUCKET)
    expect(keys).toContain(`audio/${audio.filename}`)
    expect(keys).toContain(`transcripts/${transcript.filename}`)
    expect(Buffer.compare((await publicFiles().read(`audio/${audio.filename}`))!, mp3)).toBe(0)
    expect(audio.duration).toBeGreaterThan(0)
    await payload.delete({ collection: 'podcast-audio', id: audio.id })
    expect(await s3.keys(PUBLIC_BUCKET)).not.toContain(`audio/${audio.filename}`)
  })
})

describe('private files in the private bucket only', () => {
  it('keep payment receipts in the private bucket, never the public one', async () => {
    const receipt = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    const proof = await payload.create({
      collection: 'payment-proofs',
      data: { order: 'DS-1' },
      file: upload(receipt, 'bukti-DS-1.png', 'image/png'),
      overrideAccess: true,
    })
    expect(await s3.keys(PRIVATE_BUCKET)).toContain(`payment-proofs/${proof.filename}`)
    expect((await s3.keys(PUBLIC_BUCKET)).filter((key) => key.includes(proof.filename!))).toEqual([])
    expect(onDisk(process.env.PRIVATE_DIR!)).toEqual([])
  })

  it('store, read, count and remove residents’ documents there', async () => {
    const scan = Buffer.from('%PDF-1.4 scan of an ID card')
    const before = await privateStorageUsed(Date.now() + 120_000)
    const name = await savePrivateFile(scan, 'application/pdf')
    expect(await s3.keys(PRIVATE_BUCKET)).toContain(name)
    expect(await s3.keys(PUBLIC_BUCKET)).not.toContain(name)
    expect(onDisk(process.env.PRIVATE_DIR!)).toEqual([])
    expect(Buffer.compare(await readPrivateFile(name), scan)).toBe(0)
    expect(await privateFileExists(name)).toBe(true)
    expect(await privateStorageUsed(Date.now() + 240_000)).toBe(before + scan.length)
    await removePrivateFile(name)
    expect(await privateFileExists(name)).toBe(false)
    await expect(readPrivateFile(name)).rejects.toThrow()
  })

  it('purge unsubmitted uploads from the bucket after an hour, and leave the receipts’ folder alone', async () => {
    const orphan = await savePrivateFile(Buffer.from('%PDF-1.4 never sent'), 'application/pdf')
    expect(await purgeOrphanFiles(payload, new Date())).toBe(0)
    expect(await purgeOrphanFiles(payload, new Date(Date.now() + 2 * 3600_000))).toBe(1)
    const keys = await s3.keys(PRIVATE_BUCKET)
    expect(keys).not.toContain(orphan)
    expect(keys.some((key) => key.startsWith('payment-proofs/'))).toBe(true)
  })
})
