/**
 * Desa Digital's service worker, compiled with the site (site/integrations/serviceWorker.ts) into /sw.js.
 * What it keeps and never keeps is in rules.ts; the offline queue of posts in queue.ts. Its caches are named
 * after the content hash of the build, so a new build's worker replaces the old caches when it activates.
 */
import { enqueue, flush, forget } from './queue'
import { MAX_ASSETS, MAX_PAGES, OFFLINE, cacheNames, isKeptPage, keepable, localeOf, staleCaches, strategyOf, stylesheetsOf } from './rules'

declare const self: ServiceWorkerGlobalScope
/** Filled in by the build: the content hash of its output, and the files it precaches besides the offline pages. */
declare const __DESA_SW_VERSION__: string
declare const __DESA_SW_PRECACHE__: string[]

const CACHES = cacheNames(__DESA_SW_VERSION__)
/** The site's path on its host: '' on a village's own domain, `/desa/<slug>` for a village on the regency's host. */
const BASE = new URL(self.registration.scope).pathname.replace(/\/$/, '')
/** A page's path within the site, as the rules name pages. */
const within = (path: string) => (BASE && path.startsWith(BASE) ? path.slice(BASE.length) || '/' : path)
const offlinePage = (locale: keyof typeof OFFLINE) => BASE + OFFLINE[locale]

const trim = async (name: string, max: number) => {
  const cache = await caches.open(name)
  const keys = await cache.keys()
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)))
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.precache)
      const styles = new Set(__DESA_SW_PRECACHE__)
      for (const locale of Object.keys(OFFLINE) as (keyof typeof OFFLINE)[]) {
        const path = offlinePage(locale)
        const response = await fetch(path, { cache: 'reload' })
        if (!response.ok) throw new Error(`${path}: ${response.status}`)
        for (const style of stylesheetsOf(await response.clone().text())) styles.add(style)
        await cache.put(path, response)
      }
      await cache.addAll([...styles])
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of staleCaches(await caches.keys(), __DESA_SW_VERSION__)) await caches.delete(name)
      await self.clients.claim()
    })(),
  )
})

const page = async (request: Request, path: string) => {
  try {
    const response = await fetch(request)
    if (keepable(response) && isKeptPage(path)) {
      const cache = await caches.open(CACHES.pages)
      await cache.put(request, response.clone())
      void trim(CACHES.pages, MAX_PAGES)
    }
    return response
  } catch {
    return (await caches.match(request, { ignoreVary: true })) || (await caches.match(offlinePage(localeOf(path)))) || Response.error()
  }
}

const asset = async (request: Request) => {
  const cached = await caches.match(request, { ignoreVary: true })
  if (cached) return cached
  const response = await fetch(request)
  if (keepable(response)) {
    const cache = await caches.open(CACHES.assets)
    await cache.put(request, response.clone())
    void trim(CACHES.assets, MAX_ASSETS)
  }
  return response
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  const strategy = strategyOf(request, self.location.origin)
  if (strategy === 'page') event.respondWith(page(request, within(new URL(request.url).pathname)))
  else if (strategy === 'asset') event.respondWith(asset(request))
})

type SyncEvent = ExtendableEvent & { tag: string }
self.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as SyncEvent
  // A sync that ends with posts still waiting fails, so that the browser tries it again later.
  if (sync.tag === 'desa-queue')
    sync.waitUntil(
      flush().then((waiting) => {
        if (waiting) throw new Error('Still offline: the queued posts wait for the next sync.')
      }),
    )
})

/** What the pages say: send what waits, queue a post, or forget one whose result was shown. */
type PageMessage =
  'flush' | { type: 'queue'; key: string; url: string; entries: [string, FormDataEntryValue][] } | { type: 'seen'; key: string }

self.addEventListener('message', (event) => {
  const message = event.data as PageMessage | null
  if (message === 'flush') return event.waitUntil(flush())
  if (message?.type === 'queue') {
    const { key, url, entries } = message
    event.waitUntil(enqueue({ key, url, entries }).then(() => event.source?.postMessage({ type: 'queue', key, status: 'queued' })))
  }
  // The page has shown the result: the record (with the resident's answers) is no longer kept.
  if (message?.type === 'seen') event.waitUntil(forget(message.key))
})
