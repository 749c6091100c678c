import { asLocale, type Locale } from '../lib/messages'
import { whatsappLink } from '../lib/phone'
import { sitePageUrl } from '../lib/urls'
import { translate } from '../messages'
import { letterDownloadUrl } from '../resident-services/letterLink'
import type { ResidentServicesMessage } from '../resident-services/messages'
import { statusName, type Status } from '../resident-services/status'

/** The tracking page of the site in the resident's language. */
export const trackingUrl = (locale: Locale) => sitePageUrl(`${locale === 'en' ? '/en' : ''}/layanan/lacak`)

/** "Track it at …". */
export const trackingNotice = (locale: Locale): ResidentServicesMessage => ({ code: 'notice.track', params: { url: trackingUrl(locale) } })

/** Where the resident finds what a status needs of them: the letter's download link once it is signed, else the tracking page. */
export const statusLink = (reference: string, status: Status, locale: Locale) =>
  status === 'done' ? letterDownloadUrl(reference, locale) : trackingUrl(locale)

/** "Dear Siti," and a blank line, then the lines of the news. */
export const greeted = (locale: Locale, name: string, text: string) =>
  `${translate(locale, { code: 'notice.greeting', params: { name } })}\n\n${text}`

/** The note is the officer's, or the resident's own reply when `byResident`. */
export type StatusNews = {
  name: string
  service: string
  reference: string
  status: Status
  note?: string | null
  byResident?: boolean
  locale?: string | null
}

/** The resident's news about their request (email text and WhatsApp message), in the language they applied in. */
export const statusMessage = ({ name, service, reference, status, note, byResident = false, locale }: StatusNews) => {
  const language = asLocale(locale)
  const lines: ResidentServicesMessage[] = [
    { code: 'notice.status', params: { service, reference, status: statusName(status) } },
    ...(note ? [{ code: byResident ? 'notice.reply' : 'notice.note', params: { note } } as const] : []),
    status === 'done'
      ? { code: 'notice.done', params: { link: statusLink(reference, status, language), track: trackingUrl(language) } }
      : trackingNotice(language),
  ]
  return greeted(language, name, lines.map((line) => translate(language, line)).join('\n'))
}

/** The status message as a wa.me link for the officer to send from their own phone (the fallback to the Cloud API). */
export const whatsappStatusLink = (args: StatusNews & { phone: string }) => whatsappLink(args.phone, statusMessage(args))
