import { asLocale, type Locale } from '../lib/messages'
import { whatsappLink } from '../lib/phone'
import { absoluteUrl } from '../lib/urls'
import { translate } from '../messages'
import type { ResidentServicesMessage } from '../resident-services/messages'
import { statusName, type Status } from '../resident-services/status'

/** "Track it at …": the tracking page of the site in the resident's language. */
export const trackingNotice = (locale: Locale): ResidentServicesMessage => ({
  code: 'notice.track',
  params: { url: absoluteUrl(`${locale === 'en' ? '/en' : ''}/layanan/lacak`) },
})

type StatusNews = { reference: string; status: Status; note?: string | null; locale?: string | null }

/** The resident's news about their request (email text and WhatsApp message), in the language they applied in. */
export const statusMessage = ({ reference, status, note, locale }: StatusNews) => {
  const language = asLocale(locale)
  const lines: ResidentServicesMessage[] = [
    { code: 'notice.status', params: { reference, status: statusName(status) } },
    ...(note ? [{ code: 'notice.note', params: { note } } as const] : []),
    trackingNotice(language),
  ]
  return lines.map((line) => translate(language, line)).join('\n')
}

/** The status message as a wa.me link for the officer to send from their own phone. */
export const whatsappStatusLink = (args: StatusNews & { phone: string }) => whatsappLink(args.phone, statusMessage(args))
