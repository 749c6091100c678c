import type { Where } from 'payload'
import type { Category, News, Tag } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { asAnonymous, payload } from './payload'
import { readAs, type Reader } from './preview'

const NEWS_PER_PAGE = 10

export type Article = News
export type ArticleCard = Pick<News, 'id' | 'slug' | 'title' | 'excerpt' | 'cover' | 'publishedAt'>

const termBySlug = async (collection: 'categories' | 'tags', slug: string, locale: Locale) => {
  const { docs } = await (
    await payload()
  ).find({ collection, where: { slug: { equals: slug } }, limit: 1, locale, depth: 0, ...asAnonymous })
  return (docs[0] as Category | Tag | undefined) ?? null
}

/** One page of published articles, newest first, optionally in one category or with one tag. */
export const listNews = async (locale: Locale, { page = 1, category, tag }: { page?: number; category?: string; tag?: string } = {}) => {
  const [categoryDoc, tagDoc] = await Promise.all([
    category ? termBySlug('categories', category, locale) : null,
    tag ? termBySlug('tags', tag, locale) : null,
  ])
  const where: Where[] = []
  if (category) where.push({ categories: { in: [categoryDoc?.id ?? -1] } })
  if (tag) where.push({ tags: { in: [tagDoc?.id ?? -1] } })
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
  return { ...result, docs: result.docs as ArticleCard[], category: categoryDoc, tag: tagDoc }
}

export const listTerms = async (collection: 'categories' | 'tags', locale: Locale) =>
  (await (await payload()).find({ collection, locale, sort: 'title', limit: 100, depth: 0, ...asAnonymous })).docs as (Category | Tag)[]

/** A published article (or, for a previewing editor, its latest draft) with cover and terms. */
export const getArticle = async (slug: string, locale: Locale, reader: Reader = null): Promise<Article | null> => {
  const { docs } = await (
    await payload()
  ).find({ collection: 'news', locale, where: { slug: { equals: slug } }, limit: 1, depth: 1, ...readAs(reader) })
  return docs[0] ?? null
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
  return { older: (older.docs[0] as Pick<News, 'slug' | 'title'>) ?? null, newer: (newer.docs[0] as Pick<News, 'slug' | 'title'>) ?? null }
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

/** Every published article's slug and last change, for the sitemap. */
export const newsForSitemap = async () =>
  (
    await (
      await payload()
    ).find({ collection: 'news', pagination: false, depth: 0, select: { slug: true, updatedAt: true }, ...asAnonymous })
  ).docs as Pick<News, 'slug' | 'updatedAt'>[]
