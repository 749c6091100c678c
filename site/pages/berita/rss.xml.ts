import type { APIRoute } from 'astro'
import type { Category } from '../../../cms/payload-types'
import { localePath } from '../../i18n/locales'
import { escapeXml, rfc2822 } from '../../../cms/lib/xml'
import { publicOrigin } from '../../../cms/lib/urls'
import { feedResponse } from '../../lib/feedResponse'
import { newsForFeed } from '../../lib/news'
import { richTextToHtml } from '../../lib/richtext'
import { mediaSocialImage } from '../../lib/socialCard'
import { asMedia } from '../../lib/village'

const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

/** RSS 2.0 of the latest published articles in the visitor's language: full text, picture, categories and writer. */
export const GET: APIRoute = async ({ locals, url, request }) => {
  const { locale, t } = locals
  const [settings, articles] = await Promise.all([locals.settings(), newsForFeed(locale)])
  const origin = publicOrigin(url)
  const absolute = (html: string) => html.replace(/(src|href)="\//g, `$1="${origin}/`)
  const items = articles.map((a) => {
    const link = origin + localePath(locale, `/berita/${a.slug}`)
    const cover = asMedia(a.cover)
    const picture = mediaSocialImage(cover)
    const size = cover?.sizes?.og?.filesize
    const categories = (a.categories ?? []).filter((c): c is Category => typeof c === 'object')
    return [
      '<item>',
      `<title>${escapeXml(a.title)}</title>`,
      `<link>${link}</link>`,
      `<guid isPermaLink="true">${link}</guid>`,
      a.publishedAt ? `<pubDate>${rfc2822(new Date(a.publishedAt))}</pubDate>` : '',
      `<dc:creator>${escapeXml(a.author || settings.name)}</dc:creator>`,
      ...categories.map((c) => `<category>${escapeXml(c.title)}</category>`),
      a.excerpt ? `<description>${escapeXml(a.excerpt)}</description>` : '',
      `<content:encoded>${cdata(absolute(richTextToHtml(a.body, locale)))}</content:encoded>`,
      picture && size ? `<enclosure url="${escapeXml(origin + picture.path)}" length="${size}" type="image/jpeg"/>` : '',
      '</item>',
    ].join('')
  })
  const changes = [settings.updatedAt, ...articles.map((a) => a.updatedAt)].filter((d): d is string => Boolean(d))
  const lastModified = changes.length ? new Date(Math.max(...changes.map((d) => Date.parse(d)))) : null
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(`${t('news.title')} · ${settings.name}`)}</title><link>${origin + localePath(locale, '/berita')}</link><atom:link href="${origin + localePath(locale, '/berita/rss.xml')}" rel="self" type="application/rss+xml"/><description>${escapeXml(t('news.intro'))}</description><language>${locale}</language>${items.join('')}</channel></rss>\n`
  return feedResponse(request, xml, lastModified)
}
