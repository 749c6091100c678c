import type { IncomingMessage, ServerResponse } from 'node:http'
import send from 'send'

type Options = {
  root: string
  maxAge: string
  immutable?: boolean
  /** Files shown in the page (pictures, audio); anything else is sent as a download, never rendered on this origin. */
  inline?: RegExp
}

/**
 * A file from `root` with HEAD, byte ranges, ETag and Last-Modified (all from `send`). Dotfiles and
 * paths outside `root` are refused; a missing file calls `notFound` so the next handler can answer.
 */
export const serveFile = (req: IncomingMessage, res: ServerResponse, filePath: string, options: Options, notFound: () => void) => {
  send(req, filePath, { root: options.root, dotfiles: 'deny', index: false, maxAge: options.maxAge, immutable: options.immutable })
    .on('headers', (_res: ServerResponse, file: string) => {
      if (options.inline && !options.inline.test(file)) res.setHeader('Content-Disposition', 'attachment')
    })
    .on('error', (err: { status?: number }) => {
      if (err.status === 404 || err.status === 403) return notFound()
      res.statusCode = err.status && err.status < 500 ? err.status : 500
      res.end()
    })
    .pipe(res)
}
