import type { Payload } from 'payload'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'
import type { Service, ServiceRequest } from '../payload-types'
import { statusName } from '../resident-services/status'
import { formatWitaDate } from '../lib/wita'
import { queueEmail } from './outbox'
import { statusMessage, trackingNotice } from './whatsapp'

/** Something that can tell a resident about their request: email now; an SMS or WhatsApp gateway later. */
export type NotificationChannel = {
  name: string
  /** Whether this channel can reach the resident of this request. */
  reaches: (request: Pick<ServiceRequest, 'email' | 'phone'>) => boolean
  send: (request: Pick<ServiceRequest, 'email' | 'phone'>, message: { subject: string; text: string }) => Promise<void>
}

/** Email through the outbox, then Payload's email adapter (SMTP when SMTP_URL is set; otherwise the log). */
export const emailChannel = (payload: Payload): NotificationChannel => ({
  name: 'email',
  reaches: (request) => Boolean(request.email),
  send: (request, { subject, text }) => queueEmail(payload, { to: request.email!, subject, text }),
})

/** Gateways registered by the deployment (e.g. an SMS provider); email is always on. */
const extraChannels: ((payload: Payload) => NotificationChannel)[] = []
export const registerChannel = (factory: (payload: Payload) => NotificationChannel) => void extraChannels.push(factory)

export const channels = (payload: Payload) => [emailChannel(payload), ...extraChannels.map((f) => f(payload))]

/** Sends a message through every channel that reaches the resident; a failing channel is logged, not fatal. */
export const notify = async (
  payload: Payload,
  request: Pick<ServiceRequest, 'email' | 'phone'>,
  message: { subject: string; text: string },
) => {
  for (const channel of channels(payload).filter((c) => c.reaches(request))) {
    try {
      await channel.send(request, message)
    } catch (err) {
      payload.logger.error({ err, channel: channel.name }, 'Could not notify a resident')
    }
  }
}

/** Confirms a new request to the resident: its reference, the expected date and how to track it, in the language they applied in. */
export const notifyReceived = (payload: Payload, request: ServiceRequest, service: Pick<Service, 'name' | 'processingDays'>) => {
  const locale = asLocale(request.locale)
  const { reference } = request
  return notify(payload, request, {
    subject: translate(locale, { code: 'notice.received.subject', params: { reference, service: service.name } }),
    text: translate(locale, {
      code: 'notice.received.text',
      params: {
        service: service.name,
        reference,
        due: formatWitaDate(request.dueDate!, locale),
        days: service.processingDays,
        track: trackingNotice(locale),
      },
    }),
  })
}

/** Tells the resident the request's new status, with the officer's latest note, in the language they applied in. */
export const notifyResident = (payload: Payload, request: ServiceRequest) => {
  const last = request.timeline?.at(-1)
  const { reference, status, locale } = request
  return notify(payload, request, {
    subject: translate(asLocale(locale), { code: 'notice.status.subject', params: { reference, status: statusName(status) } }),
    text: statusMessage({ reference, status, note: last?.note, locale }),
  })
}
