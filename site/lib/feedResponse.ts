import { isNotModified, weakEtag } from '../../cms/lib/conditional'

/**
 * A feed as directories poll it: with ETag and Last-Modified, 304 Not Modified when the client's copy is current,
 * and readable from any origin (web-based podcast and feed apps fetch it from their own sites).
 */
export const feedResponse = (request: Request, xml: string, lastModified: Date | null, maxAge = 300) => {
  const validators = {
    ETag: weakEtag(xml),
    ...(lastModified && Number.isFinite(lastModified.getTime()) && { 'Last-Modified': lastModified.toUTCString() }),
  }
  const headers = {
    'Content-Type': 'application/rss+xml; charset=utf-8',
    'Cache-Control': `public, max-age=${maxAge}, s-maxage=${maxAge}`,
    'Access-Control-Allow-Origin': '*',
    ...validators,
  }
  const fresh = isNotModified(
    { ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') },
    { etag: validators.ETag, lastModified: validators['Last-Modified'] },
  )
  return fresh ? new Response(null, { status: 304, headers }) : new Response(xml, { headers })
}
