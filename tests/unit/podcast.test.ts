import { describe, expect, it } from 'vitest'
import { artworkProblem } from '../../cms/podcast/artwork'
import { chaptersProblem, clockToSeconds, jsonChapters, secondsToClock } from '../../cms/podcast/chapters'
import { feedHtml, truncateBytes } from '../../cms/podcast/feed'
import { podcastGuid, uuidv5 } from '../../cms/podcast/guid'
import { parseVtt, transcriptParagraphs, VttError } from '../../cms/podcast/webvtt'
import { translate, type CmsMessage } from '../../cms/messages'

const inIndonesian = (problem: CmsMessage | null) => problem && translate('id', problem)

describe('WebVTT transcripts', () => {
  const vtt =
    'WEBVTT\n\n1\n00:00.000 --> 00:04.500\n<v Rina>Selamat datang.\n\n00:00:04.800 --> 00:00:09.000\n<v Rina>Hari ini kita ke sawah.\n\nNOTE catatan\n\n00:09.000 --> 00:12.000\n<v Pak Darto>Terima &amp; kasih.\n'

  it('reads cues with their times and speakers', () => {
    expect(parseVtt(vtt)).toEqual([
      { start: 0, end: 4.5, speaker: 'Rina', text: 'Selamat datang.' },
      { start: 4.8, end: 9, speaker: 'Rina', text: 'Hari ini kita ke sawah.' },
      { start: 9, end: 12, speaker: 'Pak Darto', text: 'Terima & kasih.' },
    ])
  })

  it('joins consecutive cues of one speaker into a paragraph', () => {
    expect(transcriptParagraphs(parseVtt(vtt)).map((p) => [p.speaker, p.text])).toEqual([
      ['Rina', 'Selamat datang. Hari ini kita ke sawah.'],
      ['Pak Darto', 'Terima & kasih.'],
    ])
  })

  it.each([
    ['no header', 'Halo\n\n00:00.000 --> 00:01.000\nHai', 1],
    ['a broken timing', 'WEBVTT\n\n00:00 --> 00:01.000\nHai', 3],
    ['an end before the start', 'WEBVTT\n\n00:05.000 --> 00:01.000\nHai', 3],
    ['cues out of order', 'WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB', 6],
    ['no cues', 'WEBVTT\n', 1],
  ])('refuses %s and names the line', (_case, text, line) => {
    const error = (() => {
      try {
        parseVtt(text)
      } catch (err) {
        return err
      }
    })()
    expect(error).toBeInstanceOf(VttError)
    expect((error as VttError).line).toBe(line)
  })
})

describe('chapters', () => {
  it('converts clock times both ways', () => {
    expect(clockToSeconds('1:05')).toBe(65)
    expect(clockToSeconds('1:02:03')).toBe(3723)
    expect(clockToSeconds('1:75')).toBeNull()
    expect(secondsToClock(65)).toBe('1:05')
    expect(secondsToClock(3723)).toBe('1:02:03')
  })

  it('accepts ascending chapters and serves them as Podcasting 2.0 JSON chapters', () => {
    const rows = [
      { start: '0:00', title: 'Pembuka' },
      { start: '0:12', title: 'Panen' },
    ]
    expect(chaptersProblem(rows)).toBeNull()
    expect(jsonChapters(rows)).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Pembuka' },
        { startTime: 12, title: 'Panen' },
      ],
    })
  })

  it('refuses unreadable times, missing titles and chapters out of order, in Indonesian', () => {
    expect(inIndonesian(chaptersProblem([{ start: '12 detik', title: 'A' }]))).toMatch(/Bab 1: waktu mulai "12 detik" harus berbentuk m:dd/)
    expect(inIndonesian(chaptersProblem([{ start: '0:00', title: ' ' }]))).toBe('Bab 1: judul wajib diisi.')
    expect(
      inIndonesian(
        chaptersProblem([
          { start: '0:30', title: 'A' },
          { start: '0:10', title: 'B' },
        ]),
      ),
    ).toBe('Bab 2: waktu mulai harus setelah bab sebelumnya.')
  })
})

describe('podcast GUIDs', () => {
  it('is a standard UUIDv5', () => {
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })

  it('derives the show GUID from the feed URL without scheme or trailing slash', () => {
    expect(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810')
    expect(podcastGuid('http://mp3s.nashownotes.com/pc20rss.xml/')).toBe(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml'))
  })
})

describe('feed text', () => {
  it('keeps only the tags Apple allows in descriptions', () => {
    expect(
      feedHtml(
        '<p>Halo <strong>warga</strong></p><ul><li><a href="https://desa.id" target="_blank">situs</a></li></ul><h2>Judul</h2><img src="x">',
      ),
    ).toBe('<p>Halo warga</p><ul><li><a href="https://desa.id">situs</a></li></ul>Judul')
  })

  it('cuts descriptions to 4000 bytes without breaking a character', () => {
    const cut = truncateBytes('é'.repeat(3000))
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(4000)
    expect(cut.endsWith('…')).toBe(true)
  })
})

describe('podcast artwork', () => {
  it('accepts a square RGB JPEG or PNG of 1400–3000 px', () => {
    expect(artworkProblem({ width: 1400, height: 1400, format: 'jpeg', space: 'srgb' })).toBeNull()
    expect(artworkProblem({ width: 3000, height: 3000, format: 'png', space: 'srgb' })).toBeNull()
  })

  it.each([
    [{ width: 1400, height: 1000, format: 'jpeg', space: 'srgb' }, /harus persegi \(sekarang 1400×1000 piksel\)/],
    [{ width: 800, height: 800, format: 'jpeg', space: 'srgb' }, /1400–3000 piksel \(sekarang 800 piksel\)/],
    [{ width: 1400, height: 1400, format: 'webp', space: 'srgb' }, /JPEG atau PNG/],
    [{ width: 1400, height: 1400, format: 'jpeg', space: 'cmyk' }, /RGB/],
  ])('refuses %o', (facts, message) => {
    expect(inIndonesian(artworkProblem(facts))).toMatch(message)
  })
})
