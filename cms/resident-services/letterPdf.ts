import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
import { rootDir } from '../lib/paths'

/** A piece of text in one weight. */
export type TextRun = { text: string; bold: boolean }
/** A paragraph, heading or list item of the letter's body; `marker` is a list item's bullet or number. */
export type LetterBlock = { runs: TextRun[]; heading: boolean; marker?: string }

type LetterContent = {
  letterhead: { villageName: string; lines: string[]; logo?: { bytes: Uint8Array; type: 'png' | 'jpg' } | null }
  title: string
  number: string
  blocks: LetterBlock[]
  place: string
  date: string
  signer: { name: string; position: string }
  verifyUrl: string
  signedNote: string
  /** When the letter is signed: the file's creation date. */
  signedAt: Date
}

/** Where the verification QR code is drawn (PDF points, origin bottom left): signatures appear there. */
export type SealBox = { page: number; x: number; y: number; width: number; height: number }
export type RenderedLetter = { pdf: Uint8Array; qrPng: Uint8Array; seal: SealBox }

const A4 = [595.28, 841.89] as const
const MARGIN = 56
const BODY_SIZE = 11
const LINE = 15
const LIST_INDENT = 18

// DejaVu Serif (Bitstream Vera licence: free to embed and redistribute) covers Latin with every diacritic
// Indonesian names use (Ṣāliḥ, Đặng…), plus bullets and typographic quotes, and ships as TTF on npm.
// (@pdf-lib/fontkit subsets it correctly; fonts with unpadded glyph records, e.g. Google's Noto builds,
// come out with missing glyphs.)
const FONT_DIR = 'node_modules/dejavu-fonts-ttf/ttf'
let fontFiles: Promise<[Buffer, Buffer]> | undefined
const loadFontFiles = () =>
  (fontFiles ??= Promise.all([
    readFile(path.resolve(/* turbopackIgnore: true */ rootDir(), FONT_DIR, 'DejaVuSerif.ttf')),
    readFile(path.resolve(/* turbopackIgnore: true */ rootDir(), FONT_DIR, 'DejaVuSerif-Bold.ttf')),
  ]))

type Word = { text: string; font: PDFFont; spaceBefore: boolean } | 'break'

/** The runs cut into words, each with its font; a newline forces a line break. */
const wordsOf = (runs: TextRun[], regular: PDFFont, bold: PDFFont): Word[] => {
  const words: Word[] = []
  let pendingSpace = false
  for (const run of runs) {
    const font = run.bold ? bold : regular
    for (const piece of run.text.split(/(\s+)/)) {
      if (!piece) continue
      if (/^\s+$/.test(piece)) {
        for (let i = 0; i < (piece.match(/\n/g)?.length ?? 0); i++) words.push('break')
        pendingSpace = !piece.includes('\n')
        continue
      }
      // Without a space before it, a piece continues the previous word (e.g. a bold part of a word).
      words.push({ text: piece, font, spaceBefore: pendingSpace })
      pendingSpace = false
    }
  }
  return words
}

type Line = { text: string; font: PDFFont; x: number }[]

/** Words laid out in lines no wider than `width`, each piece with its offset from the line's start. */
const layout = (words: Word[], width: number): Line[] => {
  const lines: Line[] = [[]]
  let x = 0
  for (const word of words) {
    if (word === 'break') {
      lines.push([])
      x = 0
      continue
    }
    const line = lines.at(-1)!
    const space = word.spaceBefore && line.length ? word.font.widthOfTextAtSize(' ', BODY_SIZE) : 0
    const wordWidth = word.font.widthOfTextAtSize(word.text, BODY_SIZE)
    // Lines break only at spaces.
    if (line.length && word.spaceBefore && x + space + wordWidth > width) {
      lines.push([{ text: word.text, font: word.font, x: 0 }])
      x = wordWidth
    } else {
      line.push({ text: word.text, font: word.font, x: x + space })
      x += space + wordWidth
    }
  }
  return lines
}

/** The letter as a PDF (A4): letterhead, title and number, body, place and date, signer, QR code to verify. */
export const renderLetterPdf = async (content: LetterContent): Promise<RenderedLetter> => {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(`${content.title} ${content.number}`)
  pdf.setProducer('Desa Digital')
  pdf.setCreator('Desa Digital')
  pdf.setCreationDate(content.signedAt)
  pdf.setModificationDate(content.signedAt)
  const [regularBytes, boldBytes] = await loadFontFiles()
  const regular = await pdf.embedFont(regularBytes, { subset: true })
  const bold = await pdf.embedFont(boldBytes, { subset: true })
  let page: PDFPage = pdf.addPage([...A4])
  const width = A4[0] - 2 * MARGIN
  let y = A4[1] - MARGIN

  const center = (text: string, font: PDFFont, size: number) => {
    page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y, size, font })
    y -= size + 4
  }

  if (content.letterhead.logo) {
    const image =
      content.letterhead.logo.type === 'png'
        ? await pdf.embedPng(content.letterhead.logo.bytes)
        : await pdf.embedJpg(content.letterhead.logo.bytes)
    const scaled = image.scaleToFit(56, 56)
    page.drawImage(image, { x: MARGIN, y: y - scaled.height + 12, width: scaled.width, height: scaled.height })
  }
  for (const line of content.letterhead.lines) center(line.toUpperCase(), bold, 12)
  center(content.letterhead.villageName.toUpperCase(), bold, 15)
  y -= 2
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 2, color: rgb(0, 0, 0) })
  y -= 28
  center(content.title.toUpperCase(), bold, 13)
  center(`Nomor: ${content.number}`, regular, BODY_SIZE)
  y -= 16

  for (const block of content.blocks) {
    const runs = block.heading ? block.runs.map((r) => ({ ...r, bold: true })) : block.runs
    const indent = block.marker ? LIST_INDENT : 0
    for (const [i, line] of layout(wordsOf(runs, regular, bold), width - indent).entries()) {
      if (y < MARGIN + 160) {
        page = pdf.addPage([...A4])
        y = A4[1] - MARGIN
      }
      if (i === 0 && block.marker) page.drawText(block.marker, { x: MARGIN, y, size: BODY_SIZE, font: regular })
      for (const piece of line) page.drawText(piece.text, { x: MARGIN + indent + piece.x, y, size: BODY_SIZE, font: piece.font })
      y -= LINE
    }
    y -= block.marker ? 2 : 6
  }

  y -= 12
  const signLines = [`${content.place}, ${content.date}`, content.signer.position]
  // The signature block keeps to the right margin and grows leftwards for long place names.
  const signWidth = Math.max(
    200,
    ...signLines.map((text) => regular.widthOfTextAtSize(text, BODY_SIZE)),
    bold.widthOfTextAtSize(content.signer.name, BODY_SIZE),
  )
  const signX = A4[0] - MARGIN - Math.min(signWidth, width)
  for (const text of signLines) {
    page.drawText(text, { x: signX, y, size: BODY_SIZE, font: regular })
    y -= LINE
  }
  const qrPng = await QRCode.toBuffer(content.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
  const qr = await pdf.embedPng(qrPng)
  const seal: SealBox = { page: pdf.getPageCount() - 1, x: signX, y: y - 84, width: 80, height: 80 }
  page.drawImage(qr, { x: seal.x, y: seal.y, width: seal.width, height: seal.height })
  page.drawText(content.signedNote, { x: signX + 88, y: y - 40, size: 8, font: regular, maxWidth: 112, lineHeight: 10 })
  y -= 100
  page.drawText(content.signer.name, { x: signX, y, size: BODY_SIZE, font: bold })
  page.drawText(`Verifikasi: ${content.verifyUrl}`, { x: MARGIN, y: MARGIN - 20, size: 8, font: regular })
  // Signing appends to the file; without object streams its signature dictionary stays plain text.
  return { pdf: await pdf.save({ useObjectStreams: false }), qrPng, seal }
}
