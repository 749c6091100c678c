import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import mime from 'mime-types'
import { getRangeRequestInfo } from 'payload/internal'
import { isNotModified } from '../cms/lib/conditional'
import { isNoSuchKey, isSafeKey } from '../cms/lib/objectStorage'

type Options = {
  bucket: string
  /** Seconds browsers and proxies may keep the file. */
  maxAgeSeconds: number
  immutable?: boolean
  /** Files shown in the page (pictures, audio); anything else is sent as a download, never rendered on this origin. */
  inline?: RegExp
}

/** The key of a /media/ path inside the bucket, or null for a path that names no file (dotfiles, `..`, bad escapes). */
export const keyOfPath = (filePath: string): string | null => {
  try {
    const key = decodeURIComponent(filePath).replace(/^\/+/, '')
    return isSafeKey(key) ? key : null
  } catch {
    return null
  }
}

/**
 * A file of the public bucket, answered as `serveFile` answers from disk (server/static.ts): HEAD, one byte range
 * (206 with Content-Range; 416 with `bytes *\/size` for a range outside the file), ETag and Last-Modified with
 * 304 for a current copy, the content type from the name and the same Cache-Control. A missing object calls
 * `notFound`; the bucket is read with the server's credentials, so it need not be public.
 */
export const serveObject = async (
  req: IncomingMessage,
  res: ServerResponse,
  s3: S3Client,
  filePath: string,
  options: Options,
  notFound: () => void,
) => {
  const key = keyOfPath(filePath)
  if (!key) return notFound()
  let head
  try {
    head = await s3.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key }))
  } catch (err) {
    if (isNoSuchKey(err)) return notFound()
    console.error(`/media/${key} could not be read from the bucket:`, err)
    res.statusCode = 502
    return void res.end()
  }
  try {
    const size = head.ContentLength ?? 0
    const etag = head.ETag ?? null
    const lastModified = head.LastModified?.toUTCString() ?? null
    res.setHeader('Cache-Control', `public, max-age=${options.maxAgeSeconds}${options.immutable ? ', immutable' : ''}`)
    if (etag) res.setHeader('ETag', etag)
    if (lastModified) res.setHeader('Last-Modified', lastModified)
    res.setHeader('Content-Type', mime.contentType(path.extname(key)) || 'application/octet-stream')
    if (options.inline && !options.inline.test(key)) res.setHeader('Content-Disposition', 'attachment')
    const conditions = { ifNoneMatch: req.headers['if-none-match'] ?? null, ifModifiedSince: req.headers['if-modified-since'] ?? null }
    if (isNotModified(conditions, { etag, lastModified })) {
      res.statusCode = 304
      return void res.end()
    }
    // A range applies only while the copy it continues is this one (If-Range names its ETag or date).
    const ifRange = req.headers['if-range']
    const rangeHeader = req.headers.range && (!ifRange || ifRange === etag || ifRange === lastModified) ? req.headers.range : null
    const range = getRangeRequestInfo({ fileSize: size, rangeHeader })
    for (const [name, value] of Object.entries(range.headers)) res.setHeader(name, value)
    res.statusCode = range.status
    if (range.type === 'invalid' || req.method === 'HEAD' || size === 0) return void res.end()
    const object = await s3.send(
      new GetObjectCommand({
        Bucket: options.bucket,
        Key: key,
        Range: range.type === 'partial' ? `bytes=${range.rangeStart}-${range.rangeEnd}` : undefined,
      }),
    )
    await pipeline(object.Body as Readable, res)
  } catch (err) {
    // Removed between the two requests, or the connection to the bucket broke: nothing better than to stop.
    if (res.headersSent) return void res.destroy(err as Error)
    console.error(`/media/${key} could not be read from the bucket:`, err)
    res.statusCode = isNoSuchKey(err) ? 404 : 502
    res.end()
  }
}
