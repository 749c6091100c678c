/** One caption of a WebVTT transcript: times in seconds, the speaker from a `<v Name>` tag when given. */
export type Cue = { start: number; end: number; speaker?: string; text: string }

export class VttError extends Error {
  constructor(
    readonly line: number,
    readonly reason: { id: string; en: string },
  ) {
    super(reason.en)
  }
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const seconds = (stamp: string): number | null => {
  const m = TIMESTAMP.exec(stamp)
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000 : null
}

/** Parses a WebVTT file strictly enough to refuse broken uploads: header, timings, ordered cues. */
export const parseVtt = (source: string): Cue[] => {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new VttError(1, { id: 'baris pertama harus "WEBVTT"', en: 'the first line must be "WEBVTT"' })
  }
  const cues: Cue[] = []
  let i = 1
  while (i < lines.length) {
    if (!lines[i].trim()) {
      i++
      continue
    }
    const block: { text: string; line: number }[] = []
    while (i < lines.length && lines[i].trim()) block.push({ text: lines[i], line: ++i })
    if (/^(NOTE|STYLE|REGION)\b/.test(block[0].text)) continue
    const timingIndex = block.findIndex((l) => l.text.includes('-->'))
    if (timingIndex < 0 || timingIndex > 1) {
      throw new VttError(block[0].line, {
        id: 'baris waktu "00:00.000 --> 00:05.000" tidak ditemukan',
        en: 'no "00:00.000 --> 00:05.000" timing line',
      })
    }
    const timing = block[timingIndex]
    const [from, rest] = timing.text.split('-->').map((s) => s.trim())
    const start = seconds(from ?? '')
    const end = seconds((rest ?? '').split(/\s+/)[0] ?? '')
    if (start === null || end === null || end < start) {
      throw new VttError(timing.line, { id: 'waktu tidak sah', en: 'invalid timing' })
    }
    if (cues.length && start < cues[cues.length - 1].start) {
      throw new VttError(timing.line, { id: 'waktu mundur dari teks sebelumnya', en: 'the timing goes back before the previous cue' })
    }
    const payload = block
      .slice(timingIndex + 1)
      .map((l) => l.text)
      .join('\n')
    if (!payload.trim()) throw new VttError(timing.line, { id: 'teks kosong', en: 'empty caption text' })
    const voice = /^<v(?:\.[\w.]+)?\s+([^>]+)>/.exec(payload)
    const text = payload
      .replace(/<[^>]*>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&nbsp;/g, ' ')
      .trim()
    cues.push({ start, end, ...(voice ? { speaker: voice[1].trim() } : {}), text })
  }
  if (!cues.length) throw new VttError(1, { id: 'tidak ada teks sama sekali', en: 'no captions at all' })
  return cues
}

/** Consecutive cues of one speaker joined into paragraphs, for reading on the episode page. */
export const transcriptParagraphs = (cues: Cue[]): { speaker?: string; start: number; text: string }[] => {
  const out: { speaker?: string; start: number; text: string }[] = []
  for (const cue of cues) {
    const last = out[out.length - 1]
    if (last && last.speaker === cue.speaker) last.text += ` ${cue.text}`
    else out.push({ speaker: cue.speaker, start: cue.start, text: cue.text })
  }
  return out
}
