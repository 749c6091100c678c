import type { APIRoute } from 'astro'
import { localePath } from '../i18n/locales'
import { limitRequest } from '../lib/rateLimit'
import { parseSearchRequest, searchSite } from '../lib/search'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })

/** Suggestions for /cari's live search: a few hits per type, as text parts (the script escapes them). */
export const GET: APIRoute = async (context) => {
  const { url, locals } = context
  const { locale, t } = locals
  if (limitRequest('search', context)) return json(429, { error: t('search.tooMany') })
  const request = parseSearchRequest(url.searchParams)
  const refused = request.problems.flatMap((p) => (p.kind === 'tooLong' ? [] : [p.name]))
  if (refused.length) return json(400, { error: t('search.refused', { name: refused.join(', ') }) })
  try {
    const result = await searchSite(request, locale, 3)
    return json(200, {
      q: request.q,
      groups: result.groups.map((g) => ({
        type: g.type,
        label: t(`search.type.${g.type}`),
        total: g.total,
        hits: g.hits.map((h) => ({ title: h.title, url: localePath(locale, h.path) })),
      })),
      suggestion: result.suggestion,
    })
  } catch (err) {
    console.error('live search failed', err)
    return json(503, { error: t('search.unavailable') })
  }
}
