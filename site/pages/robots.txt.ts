import type { APIRoute } from 'astro'
import { publicOrigin } from '../../cms/lib/urls'
import { DEFAULT_LOCALE, localePath } from '../i18n/locales'

/** Crawlers may read the public site, not the back office or its API; the sitemap lists every page. */
export const GET: APIRoute = ({ url }) =>
  new Response(
    `User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api/\n\nSitemap: ${publicOrigin(url)}${localePath(DEFAULT_LOCALE, '/sitemap.xml')}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
    },
  )
