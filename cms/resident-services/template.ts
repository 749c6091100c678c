import type { LetterBlock, TextRun } from './letterPdf'

/** Merge fields ({{nama}}) in a letter template are replaced with the request's values; unknown ones stay visible. */
export const mergeFields = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole)

type LexicalNode = { type?: string; text?: string; format?: number | string; tag?: string; children?: LexicalNode[]; listType?: string }

// Lexical stores a text node's formats as bit flags; 1 is bold.
const IS_BOLD = 1

/** The text of a node as runs of one weight each (line breaks as "\n"). */
const runsOf = (node: LexicalNode): TextRun[] => {
  if (node.type === 'linebreak') return [{ text: '\n', bold: false }]
  if (node.type === 'text') return [{ text: node.text ?? '', bold: (Number(node.format) & IS_BOLD) !== 0 }]
  return (node.children ?? []).flatMap(runsOf)
}

/** The blocks of a rich-text letter template (headings, paragraphs, list items), merge fields filled in. */
export const templateBlocks = (richText: unknown, values: Record<string, string>): LetterBlock[] => {
  const root = (richText as { root?: LexicalNode } | null)?.root
  const merged = (node: LexicalNode) => runsOf(node).map((run) => ({ ...run, text: mergeFields(run.text, values) }))
  const out: LetterBlock[] = []
  for (const block of root?.children ?? []) {
    if (block.type === 'list') {
      for (const [i, item] of (block.children ?? []).entries())
        out.push({ runs: merged(item), heading: false, marker: block.listType === 'number' ? `${i + 1}.` : '•' })
    } else {
      out.push({ runs: merged(block), heading: block.type === 'heading' })
    }
  }
  return out
}
