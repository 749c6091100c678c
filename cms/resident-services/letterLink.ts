import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Locale } from '../lib/messages'
import { payloadSecret } from '../lib/secret'
import { sitePageUrl } from '../lib/urls'

/** A download link token for a finished letter: only the resident (past the tracking check, or in their own mail) gets one. */
const letterToken = (reference: string) =>
  createHmac('sha256', payloadSecret()).update(`letter:${reference}`).digest('base64url').slice(0, 32)

/** Where the signed letter of this request is downloaded, on the site (`/en` in English). */
export const letterDownloadPath = (reference: string, locale?: Locale) =>
  `${locale === 'en' ? '/en' : ''}/layanan/lacak/surat?ref=${reference}&t=${letterToken(reference)}`

/** The download link as the resident's mail and WhatsApp message carry it. */
export const letterDownloadUrl = (reference: string, locale: Locale) => sitePageUrl(letterDownloadPath(reference, locale))

export const isLetterToken = (reference: string, token: string) => {
  const expected = Buffer.from(letterToken(reference))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
