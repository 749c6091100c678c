import type { ServerResponse } from 'node:http'
import { translate } from '../cms/messages'

/**
 * The answer on a host no village has (several villages share the install): a short page in both languages that
 * reads nothing, so that no village's name, content or settings show on a host that is not its own.
 */
export const unknownHost = (res: ServerResponse) => {
  const message = { code: 'village.unknownHost' } as const
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>404</title></head><body><main><h1>404</h1><p>${translate('id', message)}</p>` +
      `<p lang="en">${translate('en', message)}</p></main></body></html>`,
  )
}
