import type { APIRoute } from 'astro'
import { localePath } from '../../i18n/locales'
import { escapeXml, rfc2822 } from '../../../cms/lib/xml'
import { listNews } from '../../lib/news'
import { publicOrigin } from '../../lib/seo'

/** RSS 2.0 of the latest published articles in the visitor's language. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { locale, t } = locals
  const [settings, { docs }] = await Promise.all([locals.settings(), listNews(locale, { page: 1 })])
  const origin = publicOrigin(url)
  const items = docs.map((a) => {
    const link = origin + localePath(locale, `/berita/${a.slug}`)
    return `<item><title>${escapeXml(a.title)}</title><link>${link}</link><guid isPermaLink="true">${link}</guid>${a.publishedAt ? `<pubDate>${rfc2822(new Date(a.publishedAt))}</pubDate>` : ''}${a.excerpt ? `<description>${escapeXml(a.excerpt)}</description>` : ''}</item>`
  })
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${escapeXml(`${t('news.title')} · ${settings.name}`)}</title><link>${origin + localePath(locale, '/berita')}</link><atom:link href="${origin + localePath(locale, '/berita/rss.xml')}" rel="self" type="application/rss+xml"/><description>${escapeXml(t('news.intro'))}</description><language>${locale}</language>${items.join('')}</channel></rss>\n`
  return new Response(xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300, s-maxage=300' },
  })
}
