import type { Where } from 'payload'
import type { Category, News, Tag } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { cachedRead } from '../../cms/page-cache/cachedRead'
import { facetTag } from '../../cms/page-cache/tags'
import { asAnonymous, byKey, listedAs, payload } from './payload'
import { readAs, type Reader } from './preview'

const NEWS_PER_PAGE = 10

/**
 * Articles published before publishing required an Indonesian title may have none in any language: the site never
 * shows them (no untitled card, no page titled "undefined").
 */
const titled = <T extends { title?: string | null }>(doc: T) => Boolean(doc.title?.trim())

export type Article = News
export type ArticleCard = Pick<News, 'id' | 'slug' | 'title' | 'excerpt' | 'cover' | 'publishedAt'>

const termBySlug = async (collection: 'categories' | 'tags', slug: string, locale: Locale) => {
  const { docs } = await (
    await payload()
  ).find({ collection, where: { slug: { equals: slug } }, limit: 1, locale, depth: 0, ...asAnonymous, ...byKey })
  return (docs[0] as Category | Tag | undefined) ?? null
}

type NewsFilter = { page?: number; category?: string; tag?: string; author?: string }

/** One page of published articles, newest first, optionally in one category, with one tag or by one writer. */
export const listNews = (locale: Locale, filter: NewsFilter = {}) =>
  cachedRead(`news:${locale}:${JSON.stringify(filter)}`, () => readNews(locale, filter))

const readNews = async (locale: Locale, { page = 1, category, tag, author }: NewsFilter) => {
  const [categoryDoc, tagDoc] = await Promise.all([
    category ? termBySlug('categories', category, locale) : null,
    tag ? termBySlug('tags', tag, locale) : null,
  ])
  const where: Where[] = []
  if (category) where.push({ categories: { in: [categoryDoc?.id ?? -1] } })
  if (tag) where.push({ tags: { in: [tagDoc?.id ?? -1] } })
  if (author) where.push({ author: { equals: author } })
  const result = await (
    await payload()
  ).find({
    collection: 'news',
    locale,
    where: where.length ? { and: where } : undefined,
    sort: '-publishedAt',
    page,
    limit: NEWS_PER_PAGE,
    depth: 1,
    select: { slug: true, title: true, excerpt: true, cover: true, publishedAt: true },
    ...asAnonymous,
    // All articles in publishing order change only when one is published, moved or withdrawn; filtered ones with any save.
    ...(where.length ? {} : listedAs(facetTag('news', 'publishedAt'))),
  })
  return { ...result, docs: (result.docs as ArticleCard[]).filter(titled), category: categoryDoc, tag: tagDoc }
}

export const listTerms = (collection: 'categories' | 'tags', locale: Locale) =>
  cachedRead(
    `${collection}:${locale}`,
    async () =>
      (await (await payload()).find({ collection, locale, sort: 'title', limit: 100, depth: 0, ...asAnonymous })).docs as (
        Category | Tag
      )[],
  )

/** A published article (or, for a previewing editor, its latest draft) with cover and terms. */
export const getArticle = (slug: string, locale: Locale, reader: Reader = null): Promise<Article | null> => {
  const read = async () => {
    const { docs } = await (
      await payload()
    ).find({ collection: 'news', locale, where: { slug: { equals: slug } }, limit: 1, depth: 1, ...readAs(reader), ...byKey })
    return docs.find(titled) ?? null
  }
  // An editor's preview reads drafts as that editor: never kept for anyone else.
  return reader ? read() : cachedRead(`article:${locale}:${slug}`, read)
}

/** The articles published just before and just after this one. */
export const adjacentArticles = (article: Article, locale: Locale) =>
  cachedRead(`adjacent:${locale}:${article.id}:${article.publishedAt ?? article.createdAt}`, () => readAdjacent(article, locale))

const readAdjacent = async (article: Article, locale: Locale) => {
  const at = article.publishedAt ?? article.createdAt
  const near = (direction: 'older' | 'newer') =>
    payload().then((p) =>
      p.find({
        collection: 'news',
        locale,
        where: {
          and: [{ publishedAt: direction === 'older' ? { less_than: at } : { greater_than: at } }, { id: { not_equals: article.id } }],
        },
        sort: direction === 'older' ? '-publishedAt' : 'publishedAt',
        limit: 1,
        depth: 0,
        select: { slug: true, title: true },
        ...asAnonymous,
        ...listedAs(facetTag('news', 'publishedAt')),
      }),
    )
  const [older, newer] = await Promise.all([near('older'), near('newer')])
  const first = (docs: unknown[]) => (docs as Pick<News, 'slug' | 'title'>[]).find(titled) ?? null
  return { older: first(older.docs), newer: first(newer.docs) }
}

/** Minutes to read, at 200 words a minute, never less than one. */
export const readingMinutes = (html: string) =>
  Math.max(
    1,
    Math.ceil(
      html
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/)
        .filter(Boolean).length / 200,
    ),
  )

/** The newest published articles with everything the RSS feed carries (body, cover, categories, writer). */
export const newsForFeed = async (locale: Locale, limit = 20) =>
  (
    await (
      await payload()
    ).find({
      collection: 'news',
      locale,
      sort: '-publishedAt',
      limit,
      depth: 1,
      select: {
        slug: true,
        title: true,
        excerpt: true,
        body: true,
        cover: true,
        categories: true,
        author: true,
        publishedAt: true,
        updatedAt: true,
      },
      ...asAnonymous,
    })
  ).docs.filter(titled) as Pick<
    News,
    'slug' | 'title' | 'excerpt' | 'body' | 'cover' | 'categories' | 'author' | 'publishedAt' | 'updatedAt'
  >[]
