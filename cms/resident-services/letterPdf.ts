import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'

type LetterContent = {
  letterhead: { villageName: string; lines: string[]; logo?: { bytes: Uint8Array; type: 'png' | 'jpg' } | null }
  title: string
  number: string
  paragraphs: { text: string; heading: boolean }[]
  place: string
  date: string
  signer: { name: string; position: string }
  verifyUrl: string
  signedNote: string
}

const A4 = [595.28, 841.89] as const
const MARGIN = 56

// The standard PDF fonts only know Latin-1 (WinAnsi); anything else would make pdf-lib throw.
const latin = (text: string) =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff\n]/g, '?')

const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = []
  for (const paragraph of latin(text).split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line)
        line = word
      } else line = candidate
    }
    lines.push(line)
  }
  return lines
}

/** The letter as a PDF (A4): letterhead, title and number, body, place and date, signer, QR code to verify. */
export const renderLetterPdf = async (content: LetterContent): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create()
  pdf.setTitle(latin(`${content.title} ${content.number}`))
  pdf.setProducer('Desa Digital')
  // A fixed date keeps the file's bytes a function of the letter alone.
  pdf.setCreationDate(new Date(0))
  pdf.setModificationDate(new Date(0))
  const regular = await pdf.embedFont(StandardFonts.TimesRoman)
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold)
  let page: PDFPage = pdf.addPage([...A4])
  const width = A4[0] - 2 * MARGIN
  let y = A4[1] - MARGIN

  const center = (text: string, font: PDFFont, size: number) => {
    const clean = latin(text)
    page.drawText(clean, { x: (A4[0] - font.widthOfTextAtSize(clean, size)) / 2, y, size, font })
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
  center(`Nomor: ${content.number}`, regular, 11)
  y -= 16

  for (const paragraph of content.paragraphs) {
    const font = paragraph.heading ? bold : regular
    for (const line of wrap(paragraph.text, font, 11, width)) {
      if (y < MARGIN + 160) {
        page = pdf.addPage([...A4])
        y = A4[1] - MARGIN
      }
      page.drawText(line, { x: MARGIN, y, size: 11, font })
      y -= 15
    }
    y -= 6
  }

  y -= 12
  const signX = A4[0] - MARGIN - 200
  for (const [text, font] of [
    [`${content.place}, ${content.date}`, regular],
    [content.signer.position, regular],
  ] as const) {
    page.drawText(latin(text), { x: signX, y, size: 11, font })
    y -= 15
  }
  const qr = await pdf.embedPng(await QRCode.toBuffer(content.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 }))
  page.drawImage(qr, { x: signX, y: y - 84, width: 80, height: 80 })
  page.drawText(latin(content.signedNote), { x: signX + 88, y: y - 40, size: 8, font: regular, maxWidth: 112, lineHeight: 10 })
  y -= 100
  page.drawText(latin(content.signer.name), { x: signX, y, size: 11, font: bold })
  page.drawText(latin(`Verifikasi: ${content.verifyUrl}`), { x: MARGIN, y: MARGIN - 20, size: 8, font: regular })
  return pdf.save()
}
