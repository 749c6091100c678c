import { escapeXml } from '../../cms/lib/xml'
import { DEFAULT_LOCALE, LOCALES, localePath } from '../i18n/locales'

/** One indexable page (its path without the language prefix) and when it last changed. */
export type SitemapEntry = { path: string; lastmod?: string | null }

/** The sitemaps.org limit of URLs in one sitemap file (and of sitemaps in one index). */
export const SITEMAP_URL_LIMIT = 50_000

/** Where part `n` (from 1) of a split sitemap is served. */
export const sitemapPartPath = (n: number) => localePath(DEFAULT_LOCALE, `/sitemap-${n}.xml`)

export const SITEMAP_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=600, s-maxage=600' }

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** The newest of these dates, for a list page that changes whenever one of its items does. */
export const newestOf = (dates: (string | null | undefined)[]) =>
  dates
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1)

/** A page's URL in every language, each naming all of them (and Indonesian as x-default) as alternates. */
const urlsOf = (origin: string, entry: SitemapEntry) => {
  const href = (locale: (typeof LOCALES)[number]) => escapeXml(origin + localePath(locale, entry.path))
  const alternates = [
    ...LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${href(l)}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${href(DEFAULT_LOCALE)}"/>`,
  ].join('')
  const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''
  return LOCALES.map((locale) => `<url><loc>${href(locale)}</loc>${lastmod}${alternates}</url>`)
}

const urlset = (origin: string, entries: SitemapEntry[]) =>
  `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries
    .flatMap((e) => urlsOf(origin, e))
    .join('')}</urlset>\n`

/**
 * The sitemap as served: `main` at /sitemap.xml and `parts` at sitemapPartPath(1…). While every URL fits in
 * one file (`limit`, 50,000 by sitemaps.org), `main` is that file and there are no parts; past it, `main` is a
 * sitemap index of the parts. A page's languages always stay in the same part.
 */
export const sitemapDocuments = (origin: string, entries: SitemapEntry[], { limit = SITEMAP_URL_LIMIT } = {}) => {
  const perPart = Math.max(1, Math.floor(limit / LOCALES.length))
  if (entries.length <= perPart) return { main: urlset(origin, entries), parts: [] as string[] }
  const chunks: SitemapEntry[][] = []
  for (let i = 0; i < entries.length; i += perPart) chunks.push(entries.slice(i, i + perPart))
  const sitemaps = chunks.map((chunk, i) => {
    const lastmod = newestOf(chunk.map((e) => e.lastmod))
    return `<sitemap><loc>${escapeXml(origin + sitemapPartPath(i + 1))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`
  })
  return {
    main: `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${sitemaps.join('')}</sitemapindex>\n`,
    parts: chunks.map((chunk) => urlset(origin, chunk)),
  }
}
