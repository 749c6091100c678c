/** Merge fields ({{nama}}) in a letter template are replaced with the request's values; unknown ones stay visible. */
export const mergeFields = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole)

type LexicalNode = { type?: string; text?: string; tag?: string; children?: LexicalNode[]; listType?: string }

/** The paragraphs of a rich-text letter template as plain text (headings, paragraphs, list items). */
export const templateParagraphs = (richText: unknown): { text: string; heading: boolean }[] => {
  const root = (richText as { root?: LexicalNode } | null)?.root
  const textOf = (node: LexicalNode): string =>
    node.type === 'linebreak' ? '\n' : (node.text ?? '') + (node.children ?? []).map(textOf).join('')
  const out: { text: string; heading: boolean }[] = []
  for (const block of root?.children ?? []) {
    if (block.type === 'list') {
      for (const [i, item] of (block.children ?? []).entries())
        out.push({ text: `${block.listType === 'number' ? `${i + 1}.` : '•'} ${textOf(item)}`, heading: false })
    } else {
      out.push({ text: textOf(block), heading: block.type === 'heading' })
    }
  }
  return out
}
