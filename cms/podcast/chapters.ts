import type { PodcastMessage } from './messages'

/** Chapter start times as editors type them: "m:ss" or "h:mm:ss". */
const CLOCK = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/

export const clockToSeconds = (clock: string): number | null => {
  const m = CLOCK.exec(clock.trim())
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null
}

export const secondsToClock = (total: number): string => {
  const s = Math.floor(total)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

export type ChapterRow = { start?: string | null; title?: string | null }

/** Why a chapter list is unusable, or null when it is fine. */
export const chaptersProblem = (rows: ChapterRow[] | null | undefined): PodcastMessage | null => {
  let previous = -1
  for (const [i, row] of (rows ?? []).entries()) {
    const n = i + 1
    const at = clockToSeconds(row.start ?? '')
    if (at === null) return { code: 'chapter.start', params: { n, start: row.start ?? '' } }
    if (!row.title?.trim()) return { code: 'chapter.title', params: { n } }
    if (at <= previous) return { code: 'chapter.order', params: { n } }
    previous = at
  }
  return null
}

/** Podcasting 2.0 JSON chapters (application/json+chapters, version 1.2.0). */
export const jsonChapters = (rows: ChapterRow[]) => ({
  version: '1.2.0',
  chapters: rows.map((row) => ({ startTime: clockToSeconds(row.start ?? '') ?? 0, title: row.title ?? '' })),
})
