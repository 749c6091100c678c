/** Larger url-encoded posts are not forms of this site (their own action refuses them). */
const MAX_BYTES = 64 * 1024

/**
 * The fields of a posted url-encoded form, so a page can show what the visitor typed after its action refused
 * it. Read in the middleware from a copy, before anything else touches the request: the action reads the body,
 * and the rewrite to the English page passes the body on, after which the page can no longer read it.
 * Forms with files (multipart) are not kept: their actions hand `refuse` the form to show again (site/lib/refusal.ts).
 */
export const readPostedForm = async (request: Request): Promise<FormData | null> => {
  if (request.method !== 'POST') return null
  if (request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return null
  const length = Number(request.headers.get('content-length'))
  if (!Number.isFinite(length) || length <= 0 || length > MAX_BYTES) return null
  return request
    .clone()
    .formData()
    .catch(() => null)
}
