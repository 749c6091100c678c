import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

/**
 * The cells of a workbook's first sheet, row by row, as text: the archive tested and unpacked with `unzip`, its parts
 * checked to be a spreadsheet, the sheet's XML read.
 */
export const sheetOf = (workbook: Buffer) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desa-xlsx-'))
  const file = path.join(dir, 'book.xlsx')
  writeFileSync(file, workbook)
  try {
    execFileSync('unzip', ['-tq', file])
    // unzip reads a name as a pattern: its brackets are escaped.
    const part = (name: string) => execFileSync('unzip', ['-p', file, name.replace(/[[\]]/g, '\\$&')], { encoding: 'utf8' })
    expect(part('[Content_Types].xml')).toContain('spreadsheetml.sheet.main+xml')
    expect(part('xl/workbook.xml')).toContain('<sheet name=')
    const xml = part('xl/worksheets/sheet1.xml')
    return [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map(([, row]) =>
      [...row.matchAll(/<c r="[A-Z]+\d+"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map(
        ([, n, s]) => n ?? unescape(s),
      ),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
