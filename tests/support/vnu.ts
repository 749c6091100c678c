import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

/** The Nu HTML Checker (the W3C validator's engine) from the `vnu-jar` package; runs on Debian's Java. */
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

export type HtmlError = { page: string; line?: number; message: string; extract?: string }

type VnuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string }

/**
 * Every error the checker finds in these documents (name → HTML). The checker takes seconds to start, so all
 * documents go to one run.
 */
export const checkHtml = async (documents: Record<string, string>): Promise<HtmlError[]> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desa-vnu-'))
  const files = Object.entries(documents).map(([name, html], i) => {
    const file = path.join(dir, `${String(i).padStart(3, '0')}.html`)
    writeFileSync(file, html)
    return { file, name }
  })
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.env.JAVA || 'java', [
        '-jar',
        VNU_JAR,
        '--format',
        'json',
        '--errors-only',
        '--exit-zero-always',
        ...files.map((f) => f.file),
      ])
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.on('error', reject)
      child.on('exit', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`vnu exited with ${code}:\n${stderr}`))))
    })
    const { messages } = JSON.parse(output) as { messages: VnuMessage[] }
    const nameOf = new Map(files.map((f) => [`file:${f.file}`, f.name]))
    return messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => ({ page: nameOf.get(m.url) ?? m.url, line: m.lastLine, message: m.message, extract: m.extract }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
