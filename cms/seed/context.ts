import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'

export type Json = Record<string, any>
export type SeedContext = {
  payload: Payload
  contentDir: string
  log: (message: string) => void
  /** Markdown (paragraphs, headings, lists, emphasis) as the CMS's rich text. */
  markdown: (text: string) => unknown
}

export const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8'))
