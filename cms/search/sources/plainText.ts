/** The text of a Lexical rich text value, paragraphs separated by blank lines (for indexing only). */
export const richTextToPlain = (value: unknown): string => {
  const blocks: string[] = []
  const walk = (node: unknown, out: string[]) => {
    if (!node || typeof node !== 'object') return
    if ('text' in node && typeof node.text === 'string') out.push(node.text)
    if ('children' in node && Array.isArray(node.children)) {
      const inner: string[] = []
      node.children.forEach((child: unknown) => walk(child, inner))
      const type = 'type' in node ? node.type : undefined
      if (typeof type === 'string' && ['paragraph', 'heading', 'listitem', 'quote'].includes(type)) blocks.push(inner.join(''))
      else out.push(...inner)
    }
  }
  walk((value as { root?: unknown })?.root, [])
  return blocks.filter(Boolean).join('\n\n')
}
