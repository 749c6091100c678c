import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser, startPayload } from '../support/payload'
import { savePodcast } from '../support/villageDocuments'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
const mp3 = readFileSync(path.resolve('content/podcast/audio/panen-lada-bersama.mp3'))
const vtt = readFileSync(path.resolve('content/podcast/transcripts/panen-lada-bersama.vtt'))
const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })
const asEditor = () => ({ user: { ...editor, collection: 'users' as const }, overrideAccess: false })
const refusal = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error('it was accepted')
    },
    (err) => err as Error & { status?: number; data?: { errors: { path: string; message: string }[] } },
  )

let audioId: number

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  audioId = (await payload.create({ collection: 'podcast-audio', data: {}, file: file(mp3, 'panen.mp3', 'audio/mpeg'), ...asEditor() })).id
})

describe('episode audio', () => {
  it('reads the duration and byte length from the MP3 itself', async () => {
    const audio = await payload.findByID({ collection: 'podcast-audio', id: audioId })
    expect(audio.filesize).toBe(mp3.length)
    expect(audio.duration).toBeGreaterThanOrEqual(38)
    expect(audio.duration).toBeLessThanOrEqual(40)
    expect(audio.mimeType).toBe('audio/mpeg')
  })

  it('refuses a picture renamed to .mp3, in Indonesian', async () => {
    const jpeg = readFileSync(path.resolve('content/news/images/panen.jpg'))
    const err = await refusal(() =>
      payload.create({ collection: 'podcast-audio', data: {}, file: file(jpeg, 'wawancara.mp3', 'audio/mpeg'), ...asEditor() }),
    )
    expect(err.status).toBe(400)
    expect(err.message).toBe('Isi berkas bukan jenis yang diterima (MP3, M4A), apa pun nama berkasnya.')
  })

  it('refuses an empty file', async () => {
    const err = await refusal(() =>
      payload.create({ collection: 'podcast-audio', data: {}, file: file(Buffer.alloc(0), 'kosong.mp3', 'audio/mpeg'), ...asEditor() }),
    )
    expect(err.status).toBe(400)
    expect(err.message).toMatch(/Berkas kosong \(0 byte\)/)
  })
})

describe('transcripts', () => {
  it('accepts WebVTT and keeps its captions for the episode page', async () => {
    const doc = await payload.create({ collection: 'transcripts', data: {}, file: file(vtt, 'panen.vtt', 'text/vtt'), ...asEditor() })
    expect((doc.cues as { speaker: string }[])[0]).toMatchObject({ start: 0, speaker: 'Rina' })
  })

  it('refuses a malformed file and says which line is wrong', async () => {
    const broken = Buffer.from('WEBVTT\n\n00:00.000 -> 00:02.000\nHalo\n')
    const err = await refusal(() =>
      payload.create({ collection: 'transcripts', data: {}, file: file(broken, 'rusak.vtt', 'text/vtt'), ...asEditor() }),
    )
    expect(err.status).toBe(400)
    expect(err.message).toBe('Transkrip bukan WebVTT yang sah (baris 3: baris waktu "00:00.000 --> 00:05.000" tidak ditemukan).')
  })
})

describe('episodes', () => {
  const base = () => ({ title: 'Obrolan pasar', audio: audioId, episodeType: 'full' as const })

  it('fixes the GUID at first publication and never changes it', async () => {
    const draft = await payload.create({ collection: 'episodes', data: { ...base(), _status: 'draft' }, draft: true, ...asEditor() })
    expect(draft.guid).toBeFalsy()
    const published = await payload.update({ collection: 'episodes', id: draft.id, data: { _status: 'published' }, ...asEditor() })
    expect(published.guid).toMatch(/^[0-9a-f-]{36}$/)
    const edited = await payload.update({
      collection: 'episodes',
      id: draft.id,
      data: { title: 'Obrolan pasar pagi', guid: 'dicoba-diubah', _status: 'published' },
      ...asEditor(),
    })
    expect(edited.guid).toBe(published.guid)
  })

  it('refuses chapters that are not a readable, ascending list', async () => {
    const err = await refusal(() =>
      payload.create({
        collection: 'episodes',
        data: {
          ...base(),
          slug: 'bab-rusak',
          chapters: [
            { start: '0:30', title: 'B' },
            { start: '0:10', title: 'A' },
          ],
        },
        ...asEditor(),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.data!.errors).toEqual([
      expect.objectContaining({ path: 'chapters', message: 'Bab 2: waktu mulai harus setelah bab sebelumnya.' }),
    ])
  })

  it('refuses an episode number in the title', async () => {
    const err = await refusal(() =>
      payload.create({ collection: 'episodes', data: { ...base(), title: 'Episode 4: Panen', slug: 'panen-bernomor' }, ...asEditor() }),
    )
    expect(err.data!.errors[0].message).toMatch(/Jangan tulis nomor episode di judul/)
  })
})

describe('show artwork', () => {
  const picture = async (width: number, height: number, name: string) => {
    const data = await sharp({ create: { width, height, channels: 3, background: '#0b5d3b' } })
      .jpeg()
      .toBuffer()
    return (await payload.create({ collection: 'media', data: { alt: 'Sampul' }, file: file(data, name, 'image/jpeg'), ...asEditor() })).id
  }
  const show = (artwork: number) => ({
    title: 'Suara Desa',
    description: 'Podcast desa',
    artwork,
    ownerName: 'Tim Media',
    ownerEmail: 'media@desa.test',
  })

  it('accepts a square picture of 1400 px', async () => {
    const saved = await savePodcast(payload, show(await picture(1400, 1400, 'sampul-ok.jpg')), asEditor())
    expect(saved.title).toBe('Suara Desa')
  })

  it.each([
    [1600, 1200, 'Gambar sampul harus persegi (sekarang 1600×1200 piksel).'],
    [1000, 1000, 'Gambar sampul harus 1400–3000 piksel (sekarang 1000 piksel).'],
  ])('refuses %i×%i artwork', async (width, height, message) => {
    const id = await picture(width, height, `sampul-${width}x${height}.jpg`)
    const err = await refusal(() => savePodcast(payload, show(id), asEditor()))
    expect(err.data!.errors).toEqual([expect.objectContaining({ path: 'artwork', message })])
  })
})

describe('a serial show', () => {
  it('needs a number on every episode', async () => {
    await savePodcast(payload, { type: 'serial' }, asEditor())
    const err = await refusal(() =>
      payload.create({
        collection: 'episodes',
        data: { title: 'Tanpa nomor', slug: 'tanpa-nomor', audio: audioId, episodeType: 'full' },
        ...asEditor(),
      }),
    )
    expect(err.data!.errors).toEqual([
      expect.objectContaining({ path: 'episodeNumber', message: 'Acara ini berseri: setiap episode wajib bernomor.' }),
    ])
    const numbered = await payload.create({
      collection: 'episodes',
      data: { title: 'Bernomor', slug: 'bernomor', episodeNumber: 1, audio: audioId, episodeType: 'full' },
      ...asEditor(),
    })
    expect(numbered.episodeNumber).toBe(1)
    await savePodcast(payload, { type: 'episodic' }, asEditor())
  })
})
