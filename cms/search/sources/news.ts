import { richTextToPlain } from './plainText'
import { documentId, type SearchSource } from './types'
import { documentPath } from '../../lib/documentPaths'

const titles = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item) => (item && typeof item === 'object' && 'title' in item ? [String(item.title)] : [])) : []

/** News articles: title, excerpt, body text, categories and tags, publication date. */
export const newsSource: SearchSource<'news'> = {
  collection: 'news',
  index: 'news',
  depth: 1,
  toDocument: (article, locale) => ({
    id: documentId(article.id, locale),
    locale,
    title: article.title ?? '',
    path: documentPath('news', article.slug),
    summary: article.excerpt ?? '',
    excerpt: article.excerpt ?? '',
    body: richTextToPlain(article.body),
    category: titles(article.categories),
    tags: titles(article.tags),
    publishedAt: article.publishedAt ?? undefined,
  }),
}
