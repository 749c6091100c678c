/*
 * Desa Digital's service worker (hand-written, no build step).
 * - Pages: network first; visited public pages are kept and shown when the network is gone, else the offline page.
 * - Hashed assets (/_astro) and pictures: cache first.
 * - Never kept: POSTs, /admin, /api, pages marked private or no-store, and pages with personal data
 *   (cart, checkout, orders, the confirmation of a request, letters). The tracking page kept is its empty form.
 * - Service requests made offline wait in IndexedDB and are sent when the connection returns.
 * Bump VERSION when what is cached changes: old caches are removed when the new worker activates.
 */
const VERSION = 'v1'
const PRECACHE = `desa-precache-${VERSION}`
const PAGES = `desa-pages-${VERSION}`
const ASSETS = `desa-assets-${VERSION}`
const MAX_PAGES = 60
const MAX_ASSETS = 150
const OFFLINE = { id: '/offline', en: '/en/offline' }

/** Public pages worth reading offline, by their path without the /en prefix. */
const KEPT_PAGES = [
  /^\/$/,
  /^\/profil(\/|$)/,
  /^\/berita(\/[^/]+)?$/,
  /^\/podcast(\/[^/]+)?$/,
  /^\/produk(\/[^/]+)?$/,
  /^\/produsen\/[^/]+$/,
  /^\/layanan(\/lacak|\/[^/]+(\/formulir)?)?$/,
]

const localeOf = (path) => (path === '/en' || path.startsWith('/en/') ? 'en' : 'id')
const withoutLocale = (path) => (localeOf(path) === 'en' ? path.slice(3) || '/' : path)

const trim = async (name, max) => {
  const cache = await caches.open(name)
  const keys = await cache.keys()
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)))
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE)
      for (const path of Object.values(OFFLINE)) {
        const response = await fetch(path, { cache: 'reload' })
        if (!response.ok) throw new Error(`${path}: ${response.status}`)
        const html = await response.clone().text()
        await cache.put(path, response)
        // The offline page's own stylesheets, so it keeps the site's look without a network.
        const styles = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1])
        await cache.addAll(styles)
      }
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = [PRECACHE, PAGES, ASSETS]
      for (const name of await caches.keys()) if (name.startsWith('desa-') && !current.includes(name)) await caches.delete(name)
      await self.clients.claim()
    })(),
  )
})

const keepable = (response) =>
  response.ok && response.status === 200 && !/private|no-store/.test(response.headers.get('cache-control') || '')

const page = async (request, path) => {
  try {
    const response = await fetch(request)
    if (keepable(response) && KEPT_PAGES.some((pattern) => pattern.test(withoutLocale(path)))) {
      const cache = await caches.open(PAGES)
      await cache.put(request, response.clone())
      trim(PAGES, MAX_PAGES)
    }
    return response
  } catch {
    return (await caches.match(request, { ignoreVary: true })) || (await caches.match(OFFLINE[localeOf(path)])) || Response.error()
  }
}

const asset = async (request) => {
  const cached = await caches.match(request, { ignoreVary: true })
  if (cached) return cached
  const response = await fetch(request)
  if (keepable(response)) {
    const cache = await caches.open(ASSETS)
    await cache.put(request, response.clone())
    trim(ASSETS, MAX_ASSETS)
  }
  return response
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin || /^\/(admin|api|_next)(\/|$)/.test(url.pathname)) return
  if (request.mode === 'navigate') return event.respondWith(page(request, url.pathname))
  if (url.pathname.startsWith('/_astro/') || (request.destination === 'image' && !request.headers.has('range')))
    event.respondWith(asset(request))
})

/* The offline queue of service requests: records { key, url, entries, status: queued | sent | failed, result }. */
const DB = 'desa-offline'
const STORE = 'requests'

const database = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1)
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' })
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })

const store = async (mode, work) => {
  const db = await database()
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode)
    const request = work(tx.objectStore(STORE))
    tx.oncomplete = () => resolve(request && request.result)
    tx.onerror = () => reject(tx.error)
  })
}

const all = () => store('readonly', (s) => s.getAll())

const announce = async () => {
  const done = (await all()).filter((record) => record.status !== 'queued')
  const clients = await self.clients.matchAll({ type: 'window' })
  for (const record of done)
    for (const client of clients) client.postMessage({ type: 'queue', key: record.key, status: record.status, result: record.result })
}

/**
 * Sends one queued request, asking for the page's answer as data (site/lib/islandAnswer.ts), which the page
 * that queued it shows. A network error or a busy server (429, 5xx) leaves it queued for the next try.
 */
const send = async (record) => {
  const body = new FormData()
  for (const [name, value] of record.entries) body.append(name, value)
  const response = await fetch(record.url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
  if (response.status === 429 || response.status >= 500) return false
  // A refusal made before the page ran (a body over the server's limit) has no answer to show but itself.
  const result = await response.json().catch(() => null)
  await store('readwrite', (s) => s.put({ ...record, entries: [], status: response.ok ? 'sent' : 'failed', result }))
  return true
}

let flushing = null
const flush = () =>
  (flushing ??= (async () => {
    try {
      for (const record of await all()) if (record.status === 'queued' && !(await send(record))) break
    } catch {
      // Still offline: the records stay queued.
    } finally {
      flushing = null
    }
    await announce()
  })())

self.addEventListener('sync', (event) => {
  if (event.tag === 'desa-queue') event.waitUntil(flush())
})

self.addEventListener('message', (event) => {
  const message = event.data
  if (message === 'flush') return event.waitUntil(flush())
  if (message?.type === 'queue') {
    const { key, url, entries } = message
    event.waitUntil(
      store('readwrite', (s) => s.put({ key, url, entries, status: 'queued', result: null })).then(() =>
        event.source?.postMessage({ type: 'queue', key, status: 'queued' }),
      ),
    )
  }
  // The page has shown the result: the record (with the resident's answers) is no longer kept.
  if (message?.type === 'seen') event.waitUntil(store('readwrite', (s) => s.delete(message.key)))
})
