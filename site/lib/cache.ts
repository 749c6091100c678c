import type { AstroGlobal } from 'astro'

/**
 * Marks a page as the same for every visitor, so the server (and any CDN) may keep it for `seconds`.
 * The server also drops it as soon as anything changes in the CMS. Never use on pages that depend on
 * the visitor's session, cart or form input.
 */
export const publicPage = (astro: AstroGlobal, seconds = 60) => {
  astro.response.headers.set('Cache-Control', `public, max-age=0, s-maxage=${seconds}`)
}
