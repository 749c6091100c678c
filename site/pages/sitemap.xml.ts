import type { APIRoute } from 'astro'
import { escapeXml } from '../../cms/lib/xml'
import { LOCALES, localePath } from '../i18n/locales'
import { episodesForSitemap } from '../lib/podcast'
import { newsForSitemap } from '../lib/news'
import { payload } from '../lib/payload'
import { publicOrigin } from '../../cms/lib/urls'

type Entry = { path: string; lastmod?: string | null }

const profilePages = async () =>
  (
    await (
      await payload()
    ).find({ collection: 'pages', pagination: false, depth: 0, select: { slug: true, updatedAt: true }, overrideAccess: false })
  ).docs

/** Every public page in both languages, each with its alternates and last change. */
export const GET: APIRoute = async ({ url }) => {
  const origin = publicOrigin(url)
  const [pages, news, episodes] = await Promise.all([profilePages(), newsForSitemap(), episodesForSitemap()])
  const newest = (list: { updatedAt: string }[]) =>
    list
      .map((d) => d.updatedAt)
      .sort()
      .at(-1)
  const entries: Entry[] = [
    { path: '/', lastmod: newest([...pages, ...news, ...episodes]) },
    { path: '/profil', lastmod: newest(pages) },
    ...pages.map((p) => ({ path: `/profil/${p.slug}`, lastmod: p.updatedAt })),
    { path: '/berita', lastmod: newest(news) },
    ...news.map((a) => ({ path: `/berita/${a.slug}`, lastmod: a.updatedAt })),
    { path: '/podcast', lastmod: newest(episodes) },
    ...episodes.map((e) => ({ path: `/podcast/${e.slug}`, lastmod: e.updatedAt })),
  ]
  const urls = entries.flatMap((entry) =>
    LOCALES.map((locale) => {
      const alternates = LOCALES.map(
        (l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(origin + localePath(l, entry.path))}"/>`,
      ).join('')
      const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''
      return `<url><loc>${escapeXml(origin + localePath(locale, entry.path))}</loc>${lastmod}${alternates}</url>`
    }),
  )
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join('')}</urlset>\n`
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=600, s-maxage=600' },
  })
}
