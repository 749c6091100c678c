import type { PodcastMessage } from './messages'

/** One caption of a WebVTT transcript: times in seconds, the speaker from a `<v Name>` tag when given. */
export type Cue = { start: number; end: number; speaker?: string; text: string }

export class VttError extends Error {
  constructor(
    readonly line: number,
    readonly reason: PodcastMessage,
  ) {
    super(`WebVTT line ${line}: ${reason.code}`)
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
    throw new VttError(1, { code: 'vtt.header' })
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
      throw new VttError(block[0].line, { code: 'vtt.noTiming' })
    }
    const timing = block[timingIndex]
    const [from, rest] = timing.text.split('-->').map((s) => s.trim())
    const start = seconds(from ?? '')
    const end = seconds((rest ?? '').split(/\s+/)[0] ?? '')
    if (start === null || end === null || end < start) {
      throw new VttError(timing.line, { code: 'vtt.badTiming' })
    }
    if (cues.length && start < cues[cues.length - 1].start) {
      throw new VttError(timing.line, { code: 'vtt.backwards' })
    }
    const payload = block
      .slice(timingIndex + 1)
      .map((l) => l.text)
      .join('\n')
    if (!payload.trim()) throw new VttError(timing.line, { code: 'vtt.emptyCue' })
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
  if (!cues.length) throw new VttError(1, { code: 'vtt.noCues' })
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
