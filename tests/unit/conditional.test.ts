import { describe, expect, it } from 'vitest'
import { isNotModified, weakEtag } from '../../cms/lib/conditional'

describe('conditional GET', () => {
  const etag = weakEtag('<rss/>')
  const lastModified = 'Thu, 19 Nov 2026 02:00:00 GMT'

  it('answers 304 to the ETag it sent, strong or weak, or one of a list', () => {
    expect(isNotModified({ ifNoneMatch: etag }, { etag })).toBe(true)
    expect(isNotModified({ ifNoneMatch: etag.slice(2) }, { etag })).toBe(true)
    expect(isNotModified({ ifNoneMatch: `W/"old", ${etag}` }, { etag })).toBe(true)
    expect(isNotModified({ ifNoneMatch: 'W/"old"' }, { etag })).toBe(false)
    expect(weakEtag('<rss>changed</rss>')).not.toBe(etag)
  })

  it('answers 304 when nothing changed since the given date, and lets If-None-Match decide when both are sent', () => {
    expect(isNotModified({ ifModifiedSince: lastModified }, { lastModified })).toBe(true)
    expect(isNotModified({ ifModifiedSince: 'Fri, 20 Nov 2026 00:00:00 GMT' }, { lastModified })).toBe(true)
    expect(isNotModified({ ifModifiedSince: 'Wed, 18 Nov 2026 00:00:00 GMT' }, { lastModified })).toBe(false)
    expect(isNotModified({ ifModifiedSince: 'not a date' }, { lastModified })).toBe(false)
    expect(isNotModified({ ifNoneMatch: 'W/"old"', ifModifiedSince: lastModified }, { etag, lastModified })).toBe(false)
  })
})
