import compression from 'compression'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import next from 'next'
import type { Payload } from 'payload'
import { config } from '../cms/lib/config'
import { rootDir } from '../cms/lib/paths'
import { refuseBody } from './body-limit'
import { refuseCrossSite } from './csrf'
import { setSecurityHeaders } from './headers'
import { markClientAddress } from './clientAddress'
import { takeForwardedHost } from './forwardedHost'
import { refuseMalformedPath } from './malformed-path'
import { DatabaseWatch, health, refuseWhileUnwritable } from './health'
import { serveFile } from './static'
import { serveObject } from './bucket'
import { s3Client } from '../cms/lib/objectStorage'
import { isContentHashed } from '../cms/lib/hashedName'
import { encodedBody, PageCache, pageCacheKey, preferredEncoding, sharedMaxAge } from './page-cache'
import { invalidations } from '../cms/page-cache/invalidations'
import { collectReads } from '../cms/page-cache/reads'
import { isNotModified } from '../cms/lib/conditional'
import { inRegencyPortal, inVillage, currentVillage, isRegencyPortal, type VillageRef } from '../cms/villages/current'
import { siteForRequest, villageForHost } from '../cms/villages/resolve'
import { isPortalPage, portalPagePath } from './portal'
import type { VisitCounter } from './visits'
import { unknownHost } from './unknownHost'

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void

/** Paths that belong to Payload (the Next.js admin and REST API); Astro serves everything else. */
export const isPayloadPath = (pathname: string) => /^\/(admin|api|_next)(\/|$)/.test(pathname)

/** Uploaded pictures and podcast audio are shown in pages; other uploads (transcripts…) are downloads. */
const MEDIA_INLINE = /\.(jpe?g|png|webp|avif|mp3|m4a)$/i

const DAY = 86_400
const YEAR = 365 * DAY

const hasExtension = (pathname: string) => /\.[a-z0-9]+$/i.test(pathname)

type StoredHeaders = Record<string, unknown>
const header = (headers: StoredHeaders, name: string) => {
  const value = headers[name]
  return typeof value === 'string' ? value : null
}
const hasValidators = (headers: StoredHeaders) => Boolean(header(headers, 'etag') || header(headers, 'last-modified'))
const validatorsOf = (headers: StoredHeaders) => ({ etag: header(headers, 'etag'), lastModified: header(headers, 'last-modified') })
/**
 * A request that asks for a fresh copy (`Cache-Control: no-cache`, as a browser's hard reload sends): rendered
 * again, and the new render replaces the kept one. It costs no more than a query string the cache has not seen.
 */
const wantsFresh = (req: IncomingMessage) => /\bno-cache\b/.test(String(req.headers['cache-control'] ?? ''))
const conditionsOf = (req: IncomingMessage) => ({
  ifNoneMatch: req.headers['if-none-match'] ?? null,
  ifModifiedSince: req.headers['if-modified-since'] ?? null,
})

/** The one request handler of the production server: health, Payload/Next, media, static files, then Astro. */
export const createRequestHandler = async (payload: Payload, visits: VisitCounter): Promise<RequestListener> => {
  const database = new DatabaseWatch(payload).start()
  const nextApp = next({ dev: false, dir: path.join(rootDir(), 'cms') })
  await nextApp.prepare()
  const handleNext = nextApp.getRequestHandler()
  const entry = pathToFileURL(path.join(rootDir(), 'dist/server/entry.mjs')).href
  const { handler: handleAstro } = (await import(entry)) as { handler: AstroHandler }
  const clientDir = path.join(rootDir(), 'dist/client')
  // Brotli's default (quality 11) costs more CPU per page than rendering it; 5 is nearly as small.
  const compress = compression({
    threshold: 512,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    // A byte range is a slice of the file as stored; compressing it would break Content-Range.
    filter: (req, res) => !req.headers.range && compression.filter(req, res),
  })

  const renderPage = (req: IncomingMessage, res: ServerResponse) =>
    handleAstro(req, res, (err) => {
      if (err) payload.logger.error({ err }, 'Astro failed to handle a request')
      // Astro only hands back requests it has no route for (or failed on): show its 404 page.
      req.url = '/404'
      handleAstro(req, res)
    })

  const cache = new PageCache(config().pageCacheBytes, invalidations())
  // Headers that belong to one delivery of a page, not to the page.
  const perDelivery = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'vary', 'date', 'connection', 'keep-alive'])

  /**
   * Serves public pages from the cache, or renders them and keeps those that allow shared caching, with the tags of
   * what they read. Cookies do not matter: a page that reads one (the cart, a form's result, a preview) says it is
   * per visitor (site/lib/cache.ts) and is never kept, so every request for it renders.
   */
  const renderCachedPage = (req: IncomingMessage, res: ServerResponse) => {
    // Pages differ for visitors who ask to save data (smaller pictures).
    res.setHeader('Vary', 'Save-Data')
    if (req.method !== 'GET') return renderPage(req, res)
    const key = `${isRegencyPortal() ? 'regency' : (currentVillage()?.id ?? '')}|${pageCacheKey(req.url ?? '/', req.headers['save-data'])}`
    const hit = wantsFresh(req) ? undefined : cache.get(key)
    if (hit && hasValidators(hit.headers) && isNotModified(conditionsOf(req), validatorsOf(hit.headers))) {
      // A feed reader's copy is current: only the headers that describe it.
      const kept = ['etag', 'last-modified', 'cache-control', 'access-control-allow-origin']
      res.writeHead(304, {
        ...Object.fromEntries(kept.filter((h) => hit.headers[h]).map((h) => [h, hit.headers[h]])),
        'x-page-cache': 'hit',
      })
      return void res.end()
    }
    if (hit) {
      // Sent as stored compressed bytes (the compression middleware leaves a response with Content-Encoding
      // alone); until they are ready, the middleware compresses the page on its way out as for any response.
      const encoding = preferredEncoding(req.headers['accept-encoding'])
      const stored = encodedBody(hit, encoding)
      res.writeHead(hit.status, {
        ...hit.headers,
        ...(stored && { 'content-length': stored.length }),
        ...(stored && encoding && { 'content-encoding': encoding }),
        vary: 'Accept-Encoding, Save-Data',
        'x-page-cache': 'hit',
      })
      return void res.end(stored ?? hit.body)
    }
    // The page leaves in one piece once rendered: Astro writes it in dozens of small chunks, and compressing those
    // one by one costs more than rendering the page (a few milliseconds; nothing is gained by streaming them).
    const chunks: Buffer[] = []
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
    }
    const mark = invalidations().mark()
    let read: Set<string> = new Set()
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk)
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
      if (done) process.nextTick(done)
      return true
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk)
      const body = Buffer.concat(chunks)
      const seconds = sharedMaxAge(res.getHeader('cache-control'))
      if (res.statusCode === 200 && seconds > 0 && !res.hasHeader('set-cookie')) {
        const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !perDelivery.has(name)))
        cache.set(key, { status: 200, headers, body, tags: [...read], mark, expires: Date.now() + seconds * 1000 })
      }
      return end(body, ...rest.filter((arg) => typeof arg === 'function'))
    }) as typeof res.end
    read = collectReads(() => renderPage(req, res)).tags
  }

  /** Runs `handle` once the village of the request's host is known (null: no village has that host). */
  const forVillageOf = (req: IncomingMessage, res: ServerResponse, handle: (village: VillageRef | null) => void) =>
    villageForHost(payload, req.headers.host).then(handle, (err: unknown) => unreadable(err, res))

  const unreadable = (err: unknown, res: ServerResponse) => {
    payload.logger.error({ err }, 'Could not read which village the host belongs to')
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end()
  }

  /**
   * Public files, then pages (`render`: `cached` for a page the cache may answer), for the path as the site sees it.
   * A file the site renders (a feed, the sitemap, an episode's chapters) is rendered as a page is, in its site.
   */
  const serveSite = (req: IncomingMessage, res: ServerResponse, render: (cached: boolean) => void) => {
    const { pathname } = new URL(req.url ?? '/', 'http://local')
    const rendered = () => render(false)
    if (pathname.startsWith('/media/')) {
      // Public files only (residents' uploads live elsewhere): web-based podcast apps fetch the audio, transcripts
      // and artwork from their own origin.
      res.setHeader('Access-Control-Allow-Origin', '*')
      // A content-hashed name never changes what it holds; files stored before names were hashed may.
      const hashed = isContentHashed(pathname)
      const caching = hashed ? { maxAge: '1y', immutable: true } : { maxAge: '7d' }
      const filePath = pathname.slice('/media'.length)
      const storage = config().objectStorage
      if (storage) {
        const bucket = { bucket: storage.bucket, maxAgeSeconds: hashed ? YEAR : 7 * DAY, immutable: hashed, inline: MEDIA_INLINE }
        return void serveObject(req, res, s3Client(storage), filePath, bucket, rendered)
      }
      return serveFile(req, res, filePath, { root: config().mediaDir, ...caching, inline: MEDIA_INLINE }, rendered)
    }
    if (hasExtension(pathname)) {
      // Astro's hashed assets never change; other public files (icons, manifest) may.
      const hashed = pathname.startsWith('/_astro/')
      return serveFile(req, res, pathname, { root: clientDir, maxAge: hashed ? '1y' : '1h', immutable: hashed }, rendered)
    }
    if (refuseWhileUnwritable(database, req, res, pathname)) return
    render(true)
  }

  /** A request for a village's site: its path within the site, in the village's scope; the portal's pages are not its. */
  const serveVillage = (req: IncomingMessage, res: ServerResponse, village: VillageRef, path: string) => {
    req.url = isPortalPage(path) ? '/404' : path
    serveSite(req, res, (cached) => {
      if (cached) visits.watch(req, res, village.id)
      inVillage(village, () => (cached ? renderCachedPage(req, res) : renderPage(req, res)))
    })
  }

  /** A request for the regency's portal: its pages are the site's under /kabupaten, read across the villages. */
  const servePortal = (req: IncomingMessage, res: ServerResponse) =>
    serveSite(req, res, (cached) => {
      req.url = portalPagePath(req.url ?? '/')
      inRegencyPortal(() => (cached ? renderCachedPage(req, res) : renderPage(req, res)))
    })

  return (req, res) => {
    takeForwardedHost(req)
    markClientAddress(req)
    const { pathname } = new URL(req.url ?? '/', 'http://local')
    if (refuseMalformedPath(res, pathname) || refuseBody(req, res, pathname, isPayloadPath(pathname))) return
    // compression is typed for Express' request and response; it uses only what Node's have.
    compress(req as never, res as never, () => {
      if (pathname === '/healthz') return void health(database, res)
      if (refuseCrossSite(req, res, pathname)) return
      if (isPayloadPath(pathname)) {
        setSecurityHeaders(req, res, 'admin')
        if (refuseWhileUnwritable(database, req, res, pathname)) return
        // The admin also answers on hosts of no village (a regency's); the API's anonymous reads there find nothing.
        return void forVillageOf(req, res, (village) => (village ? inVillage(village, () => handleNext(req, res)) : handleNext(req, res)))
      }
      setSecurityHeaders(req, res, 'site')
      siteForRequest(payload, req.headers.host, req.url ?? '/').then(
        (site) => {
          if (!site) return serveSite(req, res, () => unknownHost(res))
          if ('moved' in site) return void res.writeHead(301, { location: site.moved, 'cache-control': 'public, max-age=3600' }).end()
          if ('portal' in site) return servePortal(req, res)
          serveVillage(req, res, site.village, site.path)
        },
        (err: unknown) => unreadable(err, res),
      )
    })
  }
}
