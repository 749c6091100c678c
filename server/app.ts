import compression from 'compression'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import next from 'next'
import type { Payload } from 'payload'
import { rootDir } from '../cms/lib/paths'
import { setSecurityHeaders } from './headers'
import { health } from './health'
import { serveMedia } from './media'

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void

/** Paths that belong to Payload (the Next.js admin and REST API); Astro serves everything else. */
export const isPayloadPath = (pathname: string) => /^\/(admin|api|_next)(\/|$)/.test(pathname)

const immutable = (pathname: string) => pathname.startsWith('/_astro/')

/** The one request handler of the production server: Payload/Next, media, health, then Astro. */
export const createRequestHandler = async (payload: Payload): Promise<RequestListener> => {
  const nextApp = next({ dev: false, dir: path.join(rootDir(), 'cms') })
  await nextApp.prepare()
  const handleNext = nextApp.getRequestHandler()
  const entry = pathToFileURL(path.join(rootDir(), 'dist/server/entry.mjs')).href
  const { handler: handleAstro } = (await import(entry)) as { handler: AstroHandler }
  const compress = compression({ threshold: 512 })

  const notFoundViaAstro = (req: IncomingMessage, res: ServerResponse) => {
    req.url = '/404'
    handleAstro(req, res)
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const { pathname } = url
    compress(req as never, res as never, () => {
      if (pathname === '/healthz') return void health(payload, res)
      if (isPayloadPath(pathname)) {
        setSecurityHeaders(res, 'admin')
        return void handleNext(req, res)
      }
      setSecurityHeaders(res, 'site')
      if (pathname.startsWith('/media/')) return serveMedia(req, res, pathname, () => notFoundViaAstro(req, res))
      if (immutable(pathname)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      handleAstro(req, res, (err) => {
        if (err) {
          payload.logger.error({ err }, 'Astro failed to handle a request')
          res.statusCode = 500
          return res.end()
        }
        notFoundViaAstro(req, res)
      })
    })
  }
}
