import type { APIRoute } from 'astro'
import { podcastFeed } from '../../lib/podcast'
import { publicOrigin } from '../../../cms/lib/urls'

/** The podcast's RSS feed for Apple Podcasts, Spotify and Podcasting 2.0 apps. */
export const GET: APIRoute = async ({ url }) => {
  const xml = await podcastFeed(publicOrigin(url))
  if (!xml) return new Response('Not found', { status: 404 })
  return new Response(xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300, s-maxage=300' },
  })
}
