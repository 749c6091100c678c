import type { MessageOf } from '../lib/messages'

/** What the podcast tells its editors: Apple's rules for artwork, titles and numbers, chapters, transcripts and audio files. */
export const id = {
  'artwork.required': 'Gambar sampul podcast wajib diisi.',
  'artwork.missing': 'Gambar tidak ditemukan.',
  'artwork.format': 'Gambar sampul harus JPEG atau PNG.',
  'artwork.square': 'Gambar sampul harus persegi (sekarang {width}×{height} piksel).',
  'artwork.size': 'Gambar sampul harus 1400–3000 piksel (sekarang {width} piksel).',
  'artwork.rgb': 'Gambar sampul harus berwarna RGB (bukan CMYK atau hitam-putih).',
  'episode.titleRequired': 'Judul wajib diisi.',
  'episode.numberedTitle': 'Jangan tulis nomor episode di judul; isi kolom "Nomor episode".',
  'episode.numberRequired': 'Acara ini berseri: setiap episode wajib bernomor.',
  'chapter.start': 'Bab {n}: waktu mulai "{start}" harus berbentuk m:dd atau j:mm:dd, misalnya 1:05.',
  'chapter.title': 'Bab {n}: judul wajib diisi.',
  'chapter.order': 'Bab {n}: waktu mulai harus setelah bab sebelumnya.',
  'audio.duration': 'Durasi audio tidak dapat dibaca. Periksa berkasnya atau ekspor ulang sebagai MP3.',
  'transcript.name': 'Transkrip harus berkas WebVTT bernama *.vtt.',
  'transcript.invalid': 'Transkrip bukan WebVTT yang sah (baris {line}: {reason}).',
  'vtt.notText': 'berkas kosong atau bukan teks',
  'vtt.header': 'baris pertama harus "WEBVTT"',
  'vtt.noTiming': 'baris waktu "00:00.000 --> 00:05.000" tidak ditemukan',
  'vtt.badTiming': 'waktu tidak sah',
  'vtt.backwards': 'waktu mundur dari teks sebelumnya',
  'vtt.emptyCue': 'teks kosong',
  'vtt.noCues': 'tidak ada teks sama sekali',
} as const

export const en: Record<keyof typeof id, string> = {
  'artwork.required': 'Podcast artwork is required.',
  'artwork.missing': 'Picture not found.',
  'artwork.format': 'Artwork must be JPEG or PNG.',
  'artwork.square': 'Artwork must be square (it is {width}×{height} pixels).',
  'artwork.size': 'Artwork must be 1400–3000 pixels (it is {width} pixels).',
  'artwork.rgb': 'Artwork must be in RGB colour (not CMYK or greyscale).',
  'episode.titleRequired': 'A title is required.',
  'episode.numberedTitle': 'Do not put the episode number in the title; use the "Episode number" field.',
  'episode.numberRequired': 'This show is serial: every episode needs a number.',
  'chapter.start': 'Chapter {n}: start time "{start}" must look like m:ss or h:mm:ss, e.g. 1:05.',
  'chapter.title': 'Chapter {n}: a title is required.',
  'chapter.order': 'Chapter {n}: must start after the previous chapter.',
  'audio.duration': 'The audio duration cannot be read. Check the file or export it again as MP3.',
  'transcript.name': 'The transcript must be a WebVTT file named *.vtt.',
  'transcript.invalid': 'The transcript is not valid WebVTT (line {line}: {reason}).',
  'vtt.notText': 'the file is empty or not text',
  'vtt.header': 'the first line must be "WEBVTT"',
  'vtt.noTiming': 'no "00:00.000 --> 00:05.000" timing line',
  'vtt.badTiming': 'invalid timing',
  'vtt.backwards': 'the timing goes back before the previous cue',
  'vtt.emptyCue': 'empty caption text',
  'vtt.noCues': 'no captions at all',
}

export type PodcastMessage = MessageOf<{ id: typeof id; en: typeof en }>
