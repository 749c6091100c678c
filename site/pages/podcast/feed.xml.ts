import type { APIRoute } from 'astro'
import { DEFAULT_LOCALE, localePath } from '../../i18n/locales'
import { feedResponse } from '../../lib/feedResponse'
import { podcastFeed } from '../../lib/podcast'
import { publicOrigin } from '../../../cms/lib/urls'

/**
 * The podcast's RSS feed for Apple Podcasts, Spotify and Podcasting 2.0 apps. There is one feed, in the language
 * the episodes are spoken in: /en/podcast/feed.xml moves permanently to it, so apps subscribed there follow, and
 * directories never list the same audio twice.
 */
export const GET: APIRoute = async ({ url, locals, request }) => {
  const origin = publicOrigin(url)
  if (locals.locale !== DEFAULT_LOCALE) return Response.redirect(origin + localePath(DEFAULT_LOCALE, '/podcast/feed.xml'), 301)
  const feed = await podcastFeed(origin)
  if (!feed) return new Response('Not found', { status: 404 })
  return feedResponse(request, feed.xml, feed.lastModified)
}
