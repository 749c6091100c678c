import { readFileSync } from 'node:fs'
import type { convertMarkdownToLexical } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'

export type SeedContext = {
  payload: Payload
  contentDir: string
  log: (message: string) => void
  /** Markdown (paragraphs, headings, lists, emphasis) as the CMS's rich text. */
  markdown: (text: string) => ReturnType<typeof convertMarkdownToLexical>
}

/** A content file, as the shape its seeder declares. */
export const readJson = <Content>(file: string): Content => JSON.parse(readFileSync(file, 'utf8'))
