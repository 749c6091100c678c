import path from 'node:path'
import { readJson, type SeedContext } from './context'
import { localizeTree, type Bilingual } from './localizeTree'
import { ensureUpload, upsertPublished } from './upsert'

type Term = { slug: string; title: Bilingual }
type Article = {
  slug: string
  publishedAt: string
  cover?: string
  author: string
  categories: string[]
  tags: string[]
  title: Bilingual
  excerpt: Bilingual
  body: Bilingual
}

/** Categories, tags and articles from content/news/, with their cover pictures. */
export const seedNews = async ({ payload, contentDir, log, markdown }: SeedContext) => {
  const dir = path.join(contentDir, 'news')
  const { categories, tags } = readJson<{ categories: Term[]; tags: Term[] }>(path.join(dir, 'taxonomy.json'))
  const ids = { categories: new Map<string, number>(), tags: new Map<string, number>() }
  for (const kind of ['categories', 'tags'] as const) {
    for (const term of kind === 'categories' ? categories : tags) {
      ids[kind].set(
        term.slug,
        await upsertPublished(payload, kind, term.slug, (locale) => ({ slug: term.slug, title: term.title[locale] })),
      )
    }
  }
  const articles = readJson<Article[]>(path.join(dir, 'articles.json'))
  for (const [i, article] of articles.entries()) {
    const cover = article.cover
      ? await ensureUpload(payload, {
          collection: 'media',
          file: path.join(dir, 'images', article.cover),
          filename: article.cover,
          alt: { id: `Ilustrasi: ${article.title.id}`, en: `Illustration: ${article.title.en}` },
        })
      : null
    await upsertPublished(payload, 'news', article.slug, (locale) => {
      const text = localizeTree(article, locale)
      return {
        slug: article.slug,
        title: text.title,
        excerpt: text.excerpt,
        body: markdown(text.body),
        cover,
        author: article.author,
        publishedAt: article.publishedAt,
        categories: article.categories.map((s) => ids.categories.get(s)),
        tags: article.tags.map((s) => ids.tags.get(s)),
      }
    })
    log(`news ${i + 1}/${articles.length}: ${article.slug}`)
  }
}
