import type { AstroCookies } from 'astro'
import { defineMiddleware } from 'astro:middleware'
import { splitLocale } from './i18n/locales'
import { translatorOf } from './i18n/ui'
import { readPostedForm } from './lib/postedForm'
import { limitedResponse } from './lib/rateLimit'
import { getSettings, type Settings } from './lib/village'
import { sharedMaxAge } from '../server/page-cache'

/**
 * Notes whether the page reads any cookie: one that does is made for that visitor, whatever it declared, and
 * is never let out as cacheable (the server's page cache ignores cookies on the pages it keeps).
 */
const watchCookies = (cookies: AstroCookies) => {
  let read = false
  for (const method of ['get', 'has'] as const) {
    const original = cookies[method].bind(cookies) as (...args: unknown[]) => unknown
    cookies[method] = ((...args: unknown[]) => ((read = true), original(...args))) as never
  }
  return () => read
}

export const onRequest = defineMiddleware(async (context, next) => {
  const { locale, path } = splitLocale(context.url.pathname)
  context.locals.locale = locale
  // Pages and components say `Astro.locals.t(…)`: every text in the visitor's language, chosen once here.
  context.locals.t = translatorOf(locale)
  context.locals.saveData = context.request.headers.get('save-data')?.trim().toLowerCase() === 'on'
  context.locals.postedForm = await readPostedForm(context.request)
  const readCookie = watchCookies(context.cookies)
  // The layout and the page both need the village settings: read them once per request.
  let settings: Promise<Settings> | undefined
  context.locals.settings = () => (settings ??= getSettings(locale))
  // English pages live under /en: one set of pages serves both languages. A post is rewritten as a new request
  // with the body read into it (within the server's body limit), so the page can still read it after the
  // action did: @astrojs/react does, for React's form state, and fails the render otherwise.
  const english = new URL(path + context.url.search, context.url)
  const posted = context.request.method === 'POST'
  const response = await (locale === 'en'
    ? next(
        posted
          ? new Request(english, { method: 'POST', headers: context.request.headers, body: await context.request.clone().arrayBuffer() })
          : english.pathname + english.search,
      )
    : next())
  if (readCookie() && sharedMaxAge(response.headers.get('cache-control') ?? undefined) > 0) {
    console.error(`${context.url.pathname} reads a cookie but says it is public: sent as per visitor (perVisitorPage).`)
    response.headers.set('Cache-Control', 'private, no-store')
  }
  // Every rate-limited route answers alike: its own page or message, as 429 with Retry-After.
  const wait = context.locals.retryAfter
  return wait ? limitedResponse(response, wait) : response
})
