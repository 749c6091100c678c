import type { APIRoute } from 'astro'
import { publicOrigin } from '../../cms/lib/urls'
import { SITEMAP_HEADERS, sitemapDocuments } from '../lib/sitemap'
import { sitemapEntries } from '../lib/sitemapEntries'

/** One part of a sitemap split past 50,000 URLs (listed by /sitemap.xml). */
export const GET: APIRoute = async ({ url, params }) => {
  const n = Number(params.part)
  const { parts } = sitemapDocuments(publicOrigin(url), await sitemapEntries())
  const part = Number.isInteger(n) && n >= 1 ? parts[n - 1] : undefined
  if (!part) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(part, { headers: SITEMAP_HEADERS })
}
