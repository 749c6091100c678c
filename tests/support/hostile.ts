import fc from 'fast-check'
import sharp from 'sharp'

/** Strings attackers and broken clients send: markup, injections, paths, control and bidi characters, huge input. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  "'; DROP TABLE orders;--",
  '" OR 1=1 --',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'a\u0000b',
  '\u202etxt.exe',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '__proto__',
  'constructor',
  '０８１２３４５６７８９０',
  '٠٨١٢٣٤٥٦٧٨٩٠',
  '\ud800',
  '🙂'.repeat(300),
  'x'.repeat(70_000),
]

/** Any text, biased towards the hostile cases and the empty string. */
export const anyText = (valid: string[] = []) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 120, unit: 'binary' }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.constant('') },
    ...(valid.length ? [{ weight: 3, arbitrary: fc.constantFrom(...valid) }] : []),
  )

/** A real, tiny JPEG photo. */
export const tinyJpeg = sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } })
  .jpeg()
  .toBuffer()
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>')
const HTML = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')

/** Files as residents and attackers send them: real images and PDFs, SVG, HTML, polyglots, random bytes, empty. */
export const anyFile = async () => {
  const jpeg = await tinyJpeg
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)])
  return fc.oneof(
    fc.constant({ name: 'ktp.jpg', type: 'image/jpeg', data: jpeg }),
    fc.constant({ name: 'ktp.pdf', type: 'application/pdf', data: pdf }),
    fc.constant({ name: 'ktp.svg', type: 'image/svg+xml', data: SVG }),
    fc.constant({ name: 'ktp.jpg', type: 'image/jpeg', data: SVG }),
    fc.constant({ name: 'ktp.html', type: 'text/html', data: HTML }),
    // A GIF header followed by a script: a classic polyglot, not an accepted type.
    fc.constant({ name: 'ktp.jpg', type: 'image/jpeg', data: Buffer.concat([Buffer.from('GIF89a/*'), HTML]) }),
    fc.constant({ name: '../../../etc/passwd', type: 'image/jpeg', data: jpeg }),
    fc.constant({ name: 'kosong.jpg', type: 'image/jpeg', data: Buffer.alloc(0) }),
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ name: 'acak.bin', type: 'application/octet-stream', data: Buffer.from(bytes) })),
  )
}

export type Sent = { status: number; location: string | null; body: string }

/** Posts a form to an Astro Action the way a browser without JavaScript does (same origin, multipart). */
export const postForm = async (
  base: string,
  page: string,
  action: string,
  form: FormData,
  cookie = '',
): Promise<Sent & { setCookie: string[] }> => {
  const separator = page.includes('?') ? '&' : '?'
  const res = await fetch(`${base}${page}${separator}_action=${action}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Origin: base, Cookie: cookie },
  })
  return { status: res.status, location: res.headers.get('location'), body: await res.text(), setCookie: res.headers.getSetCookie() }
}

/**
 * A page's answer to bad input names the problem: an alert, a notice or an error summary (a "not found"
 * page says so in its heading), never a bare status.
 */
export const showsMessage = (status: number, html: string) =>
  /role="alert"|role="status"|class="notice|class="alert/.test(html) || (status === 404 && /<h1[^>]*>[^<]+/.test(html))

/** Text as it can travel in a URL: well-formed, and short enough for a request line. */
export const inUrl = (text: string) => encodeURIComponent(text.slice(0, 2000).replace(/[\ud800-\udfff]/gu, '\ufffd'))
