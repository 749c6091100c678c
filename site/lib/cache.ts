import type { AstroGlobal } from 'astro'

/**
 * Marks a page as the same for every visitor, whatever cookies they send, so the server (and any CDN) may keep it
 * for `seconds`. The server drops it sooner when something it read changes in the CMS (cms/page-cache/). A page
 * that reads a cookie, a form's input or a staff session is per visitor instead (`perVisitorPage`); so is any
 * preview address (`?preview=…`), even without a session: it must never be kept for an editor to be served.
 */
export const publicPage = (astro: AstroGlobal, seconds = 60) => {
  if (astro.url.searchParams.has('preview')) return perVisitorPage(astro)
  astro.response.headers.set('Cache-Control', `public, max-age=0, s-maxage=${seconds}`)
}

/** Marks a page as made for one visitor (their cart, order, form or preview): never kept by the server or a CDN. */
export const perVisitorPage = (astro: AstroGlobal) => {
  astro.response.headers.set('Cache-Control', 'private, no-store')
}

/**
 * Marks a form shown empty (a service's form, the tracking form): the same for every visitor, but it looks in the
 * visitor's cookies for a result to show, so no shared cache keeps it. The visitor's own browser does (the service
 * worker), so a form opened once can be filled in offline.
 */
export const emptyFormPage = (astro: AstroGlobal) => {
  astro.response.headers.set('Cache-Control', 'no-cache')
}
