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

/** The database counter (cms/instances/atomicStore.ts) of a service's letter numbers in one year. */
export const letterSequenceKey = (serviceId: number | string, year: number) => `letter:${serviceId}:${year}`
