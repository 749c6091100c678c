import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Runs a poppler tool (poppler-utils) on these PDF bytes; its output, whatever its exit code. */
const poppler = (tool: 'pdftotext' | 'pdfsig' | 'pdfinfo', pdf: Uint8Array, args: string[] = []) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desa-pdf-'))
  const file = path.join(dir, 'letter.pdf')
  writeFileSync(file, pdf)
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? '')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text a reader copies out of the PDF, line by line as laid out. */
export const pdfText = (pdf: Uint8Array) => poppler('pdftotext', pdf, ['-layout'])

/** What pdfsig reports about each signature in the file, e.g. { commonName, validation, wholeFile }. */
export const pdfSignatures = (pdf: Uint8Array) => {
  const report = poppler('pdfsig', pdf)
  return report
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const field = (name: string) => block.match(new RegExp(`- ${name}: (.*)`))?.[1]?.trim()
      return {
        commonName: field('Signer Certificate Common Name'),
        distinguishedName: field('Signer full Distinguished Name'),
        validation: field('Signature Validation'),
        wholeFile: /- Total document signed/.test(block),
        type: field('Signature Type'),
      }
    })
}

/** The document information pdfinfo shows, by key (Title, CreationDate…). */
export const pdfInfo = (pdf: Uint8Array): Record<string, string> =>
  Object.fromEntries(
    poppler('pdfinfo', pdf, ['-isodates'])
      .split('\n')
      .map((line) => line.match(/^([^:]+):\s*(.*)$/))
      .filter((m): m is RegExpMatchArray => Boolean(m))
      .map((m) => [m[1], m[2]]),
  )
