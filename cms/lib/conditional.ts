import { createHash } from 'node:crypto'

/**
 * Conditional GET (RFC 9110 §13): whether a client holding these validators may be answered 304 Not Modified.
 * `If-None-Match` wins over `If-Modified-Since` when both are sent. ETags compare weakly (W/ ignored).
 */
export const isNotModified = (
  request: { ifNoneMatch?: string | null; ifModifiedSince?: string | null },
  validators: { etag?: string | null; lastModified?: string | null },
) => {
  if (request.ifNoneMatch) {
    if (!validators.etag) return false
    const bare = (tag: string) => tag.trim().replace(/^W\//, '')
    return request.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(validators.etag!))
  }
  if (request.ifModifiedSince && validators.lastModified) {
    const since = Date.parse(request.ifModifiedSince)
    const modified = Date.parse(validators.lastModified)
    return Number.isFinite(since) && Number.isFinite(modified) && modified <= since
  }
  return false
}

/** A weak ETag for a generated body: the same bytes before compression, whatever the encoding sent. */
export const weakEtag = (body: string | Buffer) => `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
