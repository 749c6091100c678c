import { richTextToPlain } from './plainText'
import { documentId, type SearchSource } from './types'
import { documentPath } from '../../lib/documentPaths'

/** Village profile pages: their title, summary and the text of every block a visitor can read. */
export const pagesSource: SearchSource<'pages'> = {
  collection: 'pages',
  index: 'pages',
  depth: 0,
  toDocument: (page, locale) => {
    const body = (page.blocks ?? []).flatMap((block) => {
      if (block.blockType === 'content') return [richTextToPlain(block.body)]
      if (block.blockType === 'officials') return [block.heading, ...(block.people ?? []).map((p) => `${p.name} ${p.position}`)]
      if (block.blockType === 'potentials') return [block.heading, ...(block.items ?? []).flatMap((i) => [i.title, i.description])]
      if (block.blockType === 'map') return [block.caption]
      if (block.blockType === 'contacts') return [block.intro]
      return []
    })
    return {
      id: documentId(page.id, locale),
      locale,
      title: page.title ?? '',
      path: documentPath('pages', page.slug),
      summary: page.summary ?? '',
      body: body.filter(Boolean).join('\n\n'),
    }
  },
}
