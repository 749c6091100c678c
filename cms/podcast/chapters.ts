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

/** Why a chapter list is unusable, in both languages, or null when it is fine. */
export const chaptersProblem = (rows: ChapterRow[] | null | undefined): { id: string; en: string } | null => {
  let previous = -1
  for (const [i, row] of (rows ?? []).entries()) {
    const n = i + 1
    const at = clockToSeconds(row.start ?? '')
    if (at === null) {
      return {
        id: `Bab ${n}: waktu mulai "${row.start ?? ''}" harus berbentuk m:dd atau j:mm:dd, misalnya 1:05.`,
        en: `Chapter ${n}: start time "${row.start ?? ''}" must look like m:ss or h:mm:ss, e.g. 1:05.`,
      }
    }
    if (!row.title?.trim()) return { id: `Bab ${n}: judul wajib diisi.`, en: `Chapter ${n}: a title is required.` }
    if (at <= previous)
      return { id: `Bab ${n}: waktu mulai harus setelah bab sebelumnya.`, en: `Chapter ${n}: must start after the previous chapter.` }
    previous = at
  }
  return null
}

/** Podcasting 2.0 JSON chapters (application/json+chapters, version 1.2.0). */
export const jsonChapters = (rows: ChapterRow[]) => ({
  version: '1.2.0',
  chapters: rows.map((row) => ({ startTime: clockToSeconds(row.start ?? '') ?? 0, title: row.title ?? '' })),
})
