import type { Where } from 'payload'
import type { Category, News, Tag } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { asAnonymous, payload } from './payload'
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
  ).find({ collection, where: { slug: { equals: slug } }, limit: 1, locale, depth: 0, ...asAnonymous })
  return (docs[0] as Category | Tag | undefined) ?? null
}

/** One page of published articles, newest first, optionally in one category, with one tag or by one writer. */
export const listNews = async (
  locale: Locale,
  { page = 1, category, tag, author }: { page?: number; category?: string; tag?: string; author?: string } = {},
) => {
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
  })
  return { ...result, docs: (result.docs as ArticleCard[]).filter(titled), category: categoryDoc, tag: tagDoc }
}

export const listTerms = async (collection: 'categories' | 'tags', locale: Locale) =>
  (await (await payload()).find({ collection, locale, sort: 'title', limit: 100, depth: 0, ...asAnonymous })).docs as (Category | Tag)[]

/** A published article (or, for a previewing editor, its latest draft) with cover and terms. */
export const getArticle = async (slug: string, locale: Locale, reader: Reader = null): Promise<Article | null> => {
  const { docs } = await (
    await payload()
  ).find({ collection: 'news', locale, where: { slug: { equals: slug } }, limit: 1, depth: 1, ...readAs(reader) })
  return docs.find(titled) ?? null
}

/** The articles published just before and just after this one. */
export const adjacentArticles = async (article: Article, locale: Locale) => {
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
