import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import type { Locale } from '../lib/messages'
import { rootDir } from '../lib/paths'
import { formatWitaDate, formatWitaDateTime } from '../lib/wita'
import { xlsx, type Cell } from '../lib/xlsx'
import { translate } from '../messages'
import type { Dashboard, VillageColumn } from './dashboard'
import { VILLAGE_COLUMNS } from './dashboard'
import { INDICATORS, type Indicator } from './indicators'

export type ActiveVillagesTable = { title: string; subtitle: string; header: string[]; rows: Cell[][] }

/** The scope as its readers name it: the whole regency, or the kecamatan. */
export const scopeName = (dashboard: Pick<Dashboard, 'kecamatan'>, locale: Locale) =>
  dashboard.kecamatan
    ? translate(locale, { code: 'regency.scope.kecamatan', params: { kecamatan: dashboard.kecamatan } })
    : translate(locale, { code: 'regency.scope.regency' })

/** When the figures were last counted (the latest of the villages' counts), or null before the first count. */
export const countedAt = (dashboard: Pick<Dashboard, 'villages'>) =>
  dashboard.villages
    .map((row) => row.computedAt)
    .filter((at): at is string => Boolean(at))
    .sort()
    .at(-1) ?? null

type Row = Dashboard['villages'][number]

/** An indicator's cell as words (a mark, yes or no, and what it was judged by), the same in the table and the exports. */
export const indicatorText = (row: Row, indicator: Indicator, locale: Locale) => {
  const mark = translate(locale, { code: row[indicator] ? 'regency.indicator.yes' : 'regency.indicator.no' })
  const lastAt = (at: string | null | undefined) =>
    at
      ? translate(locale, { code: 'regency.indicator.lastAt', params: { mark, date: formatWitaDate(at, locale, 'medium') } })
      : translate(locale, { code: 'regency.indicator.never', params: { mark } })
  if (indicator === 'websiteCurrent') return lastAt(row.lastArticleAt)
  if (indicator === 'mediaActive') return lastAt(row.lastEpisodeAt)
  if (indicator === 'servicesOnline')
    return translate(locale, { code: 'regency.indicator.services', params: { mark, count: row.servicesActive ?? 0 } })
  if (indicator === 'productsPromoted')
    return translate(locale, { code: 'regency.indicator.products', params: { mark, count: row.productsListed ?? 0 } })
  return translate(locale, { code: 'regency.indicator.visits', params: { mark, count: row.recentVisits } })
}

const isIndicator = (column: VillageColumn): column is Indicator => INDICATORS.some((indicator) => indicator === column)

/** A cell of the active villages' table as exported: numbers stay numbers, dates in WITA, yes or no. */
const cellOf = (row: Row, column: VillageColumn, locale: Locale): Cell => {
  if (isIndicator(column)) return indicatorText(row, column, locale)
  const value = row[column]
  if (column === 'active') return translate(locale, { code: value ? 'regency.yes' : 'regency.no' })
  if (column === 'lastStaffSignIn')
    return typeof value === 'string' ? formatWitaDateTime(value, locale) : translate(locale, { code: 'regency.never' })
  return value === null || value === undefined ? null : (value as string | number)
}

/** The active villages' table of the dashboard (its kecamatan, its sort, those needing help), in the account's language. */
export const activeVillagesTable = (dashboard: Dashboard, locale: Locale): ActiveVillagesTable => {
  const at = countedAt(dashboard)
  return {
    title: translate(locale, { code: dashboard.needsHelp ? 'regency.needsHelp.title' : 'regency.export.title' }),
    subtitle: translate(locale, {
      code: 'regency.export.scope',
      params: { scope: scopeName(dashboard, locale), at: at ? formatWitaDateTime(at, locale) : '–' },
    }),
    header: VILLAGE_COLUMNS.map((column) => translate(locale, { code: `regency.column.${column}` })),
    rows: dashboard.villages.map((row) => VILLAGE_COLUMNS.map((column) => cellOf(row, column, locale))),
  }
}

export const activeVillagesXlsx = (table: ActiveVillagesTable): Buffer =>
  xlsx({ sheet: table.title, header: table.header, rows: table.rows })

// DejaVu Sans, as the letters use DejaVu Serif (cms/resident-services/letterPdf.ts): every diacritic of a village's name.
const FONT_DIR = 'node_modules/dejavu-fonts-ttf/ttf'
let fontFiles: Promise<[Buffer, Buffer]> | undefined
const loadFontFiles = () =>
  (fontFiles ??= Promise.all([
    readFile(path.resolve(/* turbopackIgnore: true */ rootDir(), FONT_DIR, 'DejaVuSans.ttf')),
    readFile(path.resolve(/* turbopackIgnore: true */ rootDir(), FONT_DIR, 'DejaVuSans-Bold.ttf')),
  ]))

const A4_LANDSCAPE = [841.89, 595.28] as const
const MARGIN = 36
const SIZE = 7
const ROW = 10
const ROW_GAP = 3
/** Each column's share of the page's width, as VILLAGE_COLUMNS lists them. */
const WIDTHS = [0.12, 0.06, 0.05, 0.07, 0.07, 0.05, 0.08, 0.05, 0.06, 0.08, 0.07, 0.08, 0.08, 0.08]

/** The text cut to fit the width, with an ellipsis. */
const fitted = (text: string, font: PDFFont, width: number) => {
  if (font.widthOfTextAtSize(text, SIZE) <= width) return text
  let cut = text
  while (cut && font.widthOfTextAtSize(`${cut}…`, SIZE) > width) cut = cut.slice(0, -1)
  return `${cut}…`
}

/** The words of a cell cut into lines that fit the column (a word too long for it cut with an ellipsis). */
const wrapped = (text: string, font: PDFFont, width: number) => {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, SIZE) <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.map((line) => fitted(line, font, width))
}

/** The table as an A4 landscape PDF: title, scope and time of the count, the header row repeated on every page. */
export const activeVillagesPdf = async (table: ActiveVillagesTable): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(`${table.title}: ${table.subtitle}`)
  pdf.setProducer('Desa Digital')
  pdf.setCreator('Desa Digital')
  const [regularBytes, boldBytes] = await loadFontFiles()
  const regular = await pdf.embedFont(regularBytes, { subset: true })
  const bold = await pdf.embedFont(boldBytes, { subset: true })
  const [pageWidth, pageHeight] = A4_LANDSCAPE
  const width = pageWidth - 2 * MARGIN
  const columns = WIDTHS.map((share) => share * width)
  const lefts = columns.map((_, i) => MARGIN + columns.slice(0, i).reduce((sum, w) => sum + w, 0))
  // Columns of numbers are right-aligned, their headers and empty cells too.
  const numeric = table.header.map((_, i) => table.rows.some((row) => typeof row[i] === 'number'))

  let page = pdf.addPage([...A4_LANDSCAPE])
  let y = pageHeight - MARGIN
  const linesOf = (cells: Cell[], font: PDFFont) =>
    cells.map((cell, i) => wrapped(cell === null ? '–' : String(cell), font, columns[i] - 6))
  // A row of cells, each on as many lines as its words need.
  const line = (lines: string[][], font: PDFFont) => {
    for (let l = 0; l < Math.max(...lines.map((cut) => cut.length)); l++) {
      lines.forEach((cut, i) => {
        const text = cut[l] ?? ''
        const x = numeric[i] ? lefts[i] + columns[i] - 6 - font.widthOfTextAtSize(text, SIZE) : lefts[i]
        page.drawText(text, { x, y, size: SIZE, font })
      })
      y -= ROW
    }
    // Rows of several lines stay apart.
    y -= ROW_GAP
  }
  const header = () => {
    line(linesOf(table.header, bold), bold)
    page.drawLine({
      start: { x: MARGIN, y: y + ROW - 4 },
      end: { x: pageWidth - MARGIN, y: y + ROW - 4 },
      thickness: 0.5,
      color: rgb(0.4, 0.4, 0.4),
    })
  }
  page.drawText(table.title, { x: MARGIN, y, size: 14, font: bold })
  y -= 18
  page.drawText(table.subtitle, { x: MARGIN, y, size: 9, font: regular })
  y -= 22
  header()
  for (const row of table.rows) {
    const lines = linesOf(row, regular)
    if (y - ROW * (Math.max(...lines.map((cut) => cut.length)) - 1) < MARGIN) {
      page = pdf.addPage([...A4_LANDSCAPE])
      y = pageHeight - MARGIN
      header()
    }
    line(lines, regular)
  }
  return pdf.save()
}
