import type { APIRoute } from 'astro'
import { publicOrigin } from '../../cms/lib/urls'
import { SITEMAP_HEADERS, sitemapDocuments } from '../lib/sitemap'
import { sitemapEntries } from '../lib/sitemapEntries'

/** Every indexable page in both languages, or, past 50,000 URLs, the index of the sitemap's parts. */
export const GET: APIRoute = async ({ url }) => {
  const { main } = sitemapDocuments(publicOrigin(url), await sitemapEntries())
  return new Response(main, { headers: SITEMAP_HEADERS })
}
