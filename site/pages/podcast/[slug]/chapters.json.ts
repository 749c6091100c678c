import type { APIRoute } from 'astro'
import { createHash } from 'node:crypto'
import { jsonChapters } from '../../../../cms/podcast/chapters'
import { getEpisode } from '../../../lib/podcast'

/** Podcasting 2.0 JSON chapters of a published episode, with an ETag so apps can revalidate cheaply. */
export const GET: APIRoute = async ({ params, locals, request }) => {
  const episode = await getEpisode(params.slug ?? '', locals.locale)
  if (!episode?.chapters?.length) return new Response('Not found', { status: 404 })
  const body = JSON.stringify(jsonChapters(episode.chapters))
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`
  const headers = {
    'Content-Type': 'application/json+chapters; charset=utf-8',
    ETag: etag,
    'Cache-Control': 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
  }
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
  return new Response(body, { headers })
}
