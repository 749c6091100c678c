import type { APIRoute } from 'astro'
import type { Category } from '../../../../cms/payload-types'
import { localePath } from '../../../i18n/locales'
import { escapeXml, rfc2822 } from '../../../../cms/lib/xml'
import { publicOrigin } from '../../../../cms/lib/urls'
import { feedResponse } from '../../../lib/feedResponse'
import { getRegency, onVillageSite, portalNewsForFeed } from '../../../lib/portal'
import { richTextToHtml } from '../../../lib/richtext'
import { mediaSocialImage } from '../../../lib/socialCard'
import { asMedia } from '../../../lib/village'

const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

/** RSS 2.0 of every active village's latest articles, each linking to the article on its village's own site. */
export const GET: APIRoute = async ({ locals, url, request }) => {
  const { locale, t } = locals
  const [regency, articles] = await Promise.all([getRegency(locale), portalNewsForFeed(locale)])
  const name = regency.name ?? t('portal.name')
  // Pictures are served on every host of the install: from the portal's own; an article's links lead into its village's site.
  const origin = publicOrigin(url)
  const absolute = (html: string, site: string) => html.replace(/src="\//g, `src="${origin}/`).replace(/href="\//g, `href="${site}/`)
  const items = articles.map((a) => {
    const link = onVillageSite(a.source, locale, `/berita/${a.slug}`)
    const cover = asMedia(a.cover)
    const picture = mediaSocialImage(cover)
    const size = cover?.sizes?.og?.filesize
    const categories = (a.categories ?? []).filter((c): c is Category => typeof c === 'object')
    return [
      '<item>',
      `<title>${escapeXml(a.title)}</title>`,
      `<link>${escapeXml(link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
      a.publishedAt ? `<pubDate>${rfc2822(new Date(a.publishedAt))}</pubDate>` : '',
      `<dc:creator>${escapeXml(a.author || a.source.name)}</dc:creator>`,
      `<source url="${escapeXml(onVillageSite(a.source, locale, '/berita/rss.xml'))}">${escapeXml(a.source.name)}</source>`,
      ...categories.map((c) => `<category>${escapeXml(c.title)}</category>`),
      a.excerpt ? `<description>${escapeXml(a.excerpt)}</description>` : '',
      `<content:encoded>${cdata(absolute(richTextToHtml(a.body, locale), a.source.site))}</content:encoded>`,
      picture && size ? `<enclosure url="${escapeXml(origin + picture.path)}" length="${size}" type="image/jpeg"/>` : '',
      '</item>',
    ].join('')
  })
  const changes = articles.map((a) => a.updatedAt).filter((d): d is string => Boolean(d))
  const lastModified = changes.length ? new Date(Math.max(...changes.map((d) => Date.parse(d)))) : null
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(`${t('portal.newsTitle')} · ${name}`)}</title><link>${origin + localePath(locale, '/berita')}</link><atom:link href="${origin + localePath(locale, '/berita/rss.xml')}" rel="self" type="application/rss+xml"/><description>${escapeXml(t('portal.newsIntro'))}</description><language>${locale}</language>${items.join('')}</channel></rss>\n`
  return feedResponse(request, xml, lastModified)
}
