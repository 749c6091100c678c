/**
 * What the service worker keeps and what it never keeps, as pure functions (no worker globals), so the rules
 * are unit-tested (tests/unit/service-worker.test.ts) and the worker (sw.ts) only applies them.
 *
 * - Pages: network first; visited public pages are kept and shown when the network is gone, else the offline page.
 * - Hashed assets (/_astro) and pictures: cache first.
 * - Never kept: POSTs, other origins, /admin, /api, /_next, pages marked private or no-store, and pages with
 *   personal data (cart, checkout, orders, the confirmation of a request, letters): only the public pages listed
 *   in KEPT_PAGES are. The tracking page kept is its empty form (a looked-up request is a POST's answer).
 */

/** Every cache of this site starts so; another version's are removed when a new worker activates. */
export const CACHE_PREFIX = 'desa-'
export const MAX_PAGES = 60
export const MAX_ASSETS = 150
export const OFFLINE = { id: '/offline', en: '/en/offline' } as const

/** The caches of one build: its version is the content hash of the build's output (site/integrations/serviceWorker.ts). */
export const cacheNames = (version: string) => ({
  precache: `${CACHE_PREFIX}precache-${version}`,
  pages: `${CACHE_PREFIX}pages-${version}`,
  assets: `${CACHE_PREFIX}assets-${version}`,
})

/** Caches of other versions of the site, to delete; caches that are not the site's stay. */
export const staleCaches = (names: string[], version: string) => {
  const current = Object.values(cacheNames(version))
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && !current.includes(name))
}

/** Public pages worth reading offline, by their path without the /en prefix. */
export const KEPT_PAGES = [
  /^\/$/,
  /^\/profil(\/|$)/,
  /^\/berita(\/[^/]+)?$/,
  /^\/podcast(\/[^/]+)?$/,
  /^\/produk(\/[^/]+)?$/,
  /^\/produsen\/[^/]+$/,
  /^\/layanan(\/lacak|\/[^/]+(\/formulir)?)?$/,
]

export type Locale = keyof typeof OFFLINE

export const localeOf = (path: string): Locale => (path === '/en' || path.startsWith('/en/') ? 'en' : 'id')
export const withoutLocale = (path: string) => (localeOf(path) === 'en' ? path.slice(3) || '/' : path)

/** Whether a visited page at this path is kept for reading offline. */
export const isKeptPage = (path: string) => KEPT_PAGES.some((pattern) => pattern.test(withoutLocale(path)))

/** What of a response decides whether it may be kept. */
export type ResponseFacts = { ok: boolean; status: number; headers: { get(name: string): string | null } }

/** A whole, public answer: not an error, a partial answer (206) or one marked private or no-store. */
export const keepable = (response: ResponseFacts) =>
  response.ok && response.status === 200 && !/private|no-store/.test(response.headers.get('cache-control') || '')

/** What of a request decides how the worker answers it. */
export type RequestFacts = {
  method: string
  url: string
  mode: string
  destination: string
  headers: { has(name: string): boolean }
}

/**
 * How the worker answers a request: as a page (network first, kept if public), as an asset (cache first), or
 * not at all (null: the browser fetches it as if there were no worker, and nothing is kept).
 */
export const strategyOf = (request: RequestFacts, origin: string): 'page' | 'asset' | null => {
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== origin || /^\/(admin|api|_next)(\/|$)/.test(url.pathname)) return null
  if (request.mode === 'navigate') return 'page'
  if (url.pathname.startsWith('/_astro/') || (request.destination === 'image' && !request.headers.has('range'))) return 'asset'
  return null
}

/** The stylesheets a page links to from /_astro (the offline page's, so it keeps the site's look without a network). */
export const stylesheetsOf = (html: string) => [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1])

/**
 * What the build puts in the precache besides the offline pages: its stylesheets (small, needed by every page)
 * and the islands' "offline" chunk (photo shrinking and the offline queue, loaded when first needed, which may
 * be after the connection is gone; see site/islands/deferred.ts).
 */
export const precacheOf = (builtFiles: string[]) =>
  builtFiles
    .filter((file) => /^_astro\/[^/]+\.css$/.test(file) || /^_astro\/offline\.[\w-]+\.js$/.test(file))
    .map((file) => `/${file}`)
    .sort()
