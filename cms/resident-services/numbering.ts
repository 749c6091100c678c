import { witaMonthYear } from '../lib/wita'

/** The default letter number format (OpenSID's): code / 3-digit sequence / village code / Roman month / year. */
export const DEFAULT_NUMBER_FORMAT = '[kode]/[nomor]/[kode desa]/[bulan romawi]/[tahun]'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']

export const romanMonth = (month: number) => ROMAN[month - 1]

/** A letter number from a format with the placeholders [kode], [nomor], [kode desa], [bulan romawi], [bulan], [tahun]. */
export const formatLetterNumber = (
  format: string,
  parts: { code: string; sequence: number; villageCode: string; issuedAt: Date },
): string => {
  const { month, year } = witaMonthYear(parts.issuedAt)
  const values: Record<string, string> = {
    kode: parts.code,
    nomor: String(parts.sequence).padStart(3, '0'),
    'kode desa': parts.villageCode,
    'bulan romawi': romanMonth(month),
    bulan: String(month).padStart(2, '0'),
    tahun: String(year),
  }
  return format.replace(/\[([a-z ]+)\]/g, (whole, name: string) => values[name] ?? whole)
}

/** Unknown placeholders in a format, so an officer learns of a typo before a letter is issued. */
export const unknownPlaceholders = (format: string): string[] =>
  [...format.matchAll(/\[([^\]]+)\]/g)]
    .map((m) => m[1])
    .filter((name) => !['kode', 'nomor', 'kode desa', 'bulan romawi', 'bulan', 'tahun'].includes(name))

/**
 * Runs `task` for one key at a time, in arrival order. Letter numbers are read and written inside it,
 * so two officers issuing at the same moment never get the same number (the database's unique index on
 * the number is the second guard).
 */
const queues = new Map<string, Promise<unknown>>()
export const serialized = <T>(key: string, task: () => Promise<T>): Promise<T> => {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task, task)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  void settled.then(() => queues.get(key) === settled && queues.delete(key))
  return run
}
