import type { Payload, PayloadRequest } from 'payload'
import { config } from '../lib/config'
import { asLocale } from '../lib/messages'
import { idOf } from '../lib/relation'
import { formatWitaDate } from '../lib/wita'
import { translate } from '../messages'
import type { Service, ServiceRequest } from '../payload-types'
import { statusName } from '../resident-services/status'
import type { Notice, NotificationChannel, Recipient } from './channel'
import { queueEmail } from './outbox'
import { templateText } from './templates'
import { greeted, statusLink, statusMessage, trackingNotice, trackingUrl } from './residentNews'
import { whatsappChannel } from './whatsappCloud'

export type { Notice, NotificationChannel, Recipient } from './channel'

/** Email through the outbox, then Payload's email adapter (SMTP when SMTP_URL is set; otherwise the log). */
export const emailChannel = (payload: Payload): NotificationChannel => ({
  name: 'email',
  reaches: (to) => Boolean(to.email),
  send: (to, { subject, text, about, village }) =>
    queueEmail(payload, { to: to.email!, subject, text, about: about ?? null, village: idOf(village) }),
})

/** Gateways registered by the deployment (e.g. an SMS provider); email is always on, WhatsApp when it is configured. */
const extraChannels: ((payload: Payload) => NotificationChannel)[] = []
export const registerChannel = (factory: (payload: Payload) => NotificationChannel) => void extraChannels.push(factory)

export const channels = (payload: Payload) => [
  emailChannel(payload),
  ...(config().whatsapp ? [whatsappChannel(payload)] : []),
  ...extraChannels.map((f) => f(payload)),
]

/** Sends a notice through every channel that reaches the recipient; a failing channel is logged, not fatal. */
export const notify = async (payload: Payload, to: Recipient, notice: Notice) => {
  for (const channel of channels(payload).filter((c) => c.reaches(to))) {
    try {
      await channel.send(to, notice)
    } catch (err) {
      payload.logger.error({ err, channel: channel.name }, 'Could not notify')
    }
  }
}

/** Confirms a new request to the resident: its reference, the expected date and how to track it, in the language they applied in. */
export const notifyReceived = (payload: Payload, request: ServiceRequest, service: Pick<Service, 'name' | 'processingDays'>) => {
  const locale = asLocale(request.locale)
  const { reference, applicantName: name } = request
  const due = formatWitaDate(request.dueDate!, locale)
  return notify(payload, request, {
    subject: translate(locale, { code: 'notice.received.subject', params: { reference, service: service.name } }),
    text: greeted(
      locale,
      name,
      translate(locale, {
        code: 'notice.received.text',
        params: { service: service.name, reference, due, days: service.processingDays, track: trackingNotice(locale) },
      }),
    ),
    template: { event: 'received', locale, parameters: [name, service.name, reference, due, trackingUrl(locale)].map(templateText) },
    about: { collection: 'service-requests', id: request.id },
    village: request.village,
  })
}

/** The service's name in the resident's language, as their request's emails name it. */
export const serviceNameOf = async (req: PayloadRequest, request: Pick<ServiceRequest, 'service' | 'locale'>) => {
  const service = await req.payload.findByID({
    collection: 'services',
    id: idOf(request.service),
    locale: asLocale(request.locale),
    depth: 0,
    overrideAccess: true,
    select: { name: true },
    req,
  })
  return service.name
}

/** Tells the resident the request's new status, with the latest note (the officer's, or the resident's own reply), in the language they applied in. */
export const notifyResident = async (req: PayloadRequest, request: ServiceRequest) => {
  const { reference, status, applicantName: name } = request
  if (status === 'submitted') return
  const locale = asLocale(request.locale)
  const last = request.timeline?.at(-1)
  const service = await serviceNameOf(req, request)
  const statusText = translate(locale, statusName(status))
  await notify(req.payload, request, {
    subject: translate(locale, { code: 'notice.status.subject', params: { reference, service, status: statusName(status) } }),
    text: statusMessage({ name, service, reference, status, note: last?.note, byResident: !last?.byUser, locale }),
    template: {
      event: status,
      locale,
      parameters: [name, service, reference, statusText, last?.note, statusLink(reference, status, locale)].map(templateText),
    },
    about: { collection: 'service-requests', id: request.id },
    village: request.village,
  })
}
