import type { IncomingMessage, ServerResponse } from 'node:http'
import send from 'send'
import { mediaDir } from '../cms/lib/paths'

/**
 * Public media files (/media/NAME) straight from disk: HEAD, byte ranges, ETag and Last-Modified
 * come from `send`; dotfiles and paths outside the folder are refused.
 */
export const serveMedia = (req: IncomingMessage, res: ServerResponse, pathname: string, notFound: () => void) => {
  const name = pathname.slice('/media/'.length)
  send(req, name, { root: mediaDir(), dotfiles: 'deny', index: false, maxAge: '7d', etag: true, lastModified: true })
    .on('error', (err: { status?: number }) => {
      if (err.status === 404 || err.status === 403) return notFound()
      res.statusCode = err.status ?? 500
      res.end()
    })
    .pipe(res)
}
