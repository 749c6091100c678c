import type { Payload } from 'payload'
import type { ServiceRequest } from '../payload-types'
import { STATUS_LABELS } from '../resident-services/status'
import { queueEmail } from './outbox'
import { statusMessage } from './whatsapp'

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

/** Tells the resident the request's new status, with the latest note (the officer's, or the resident's own reply). */
export const notifyResident = (payload: Payload, request: ServiceRequest) => {
  const last = request.timeline?.at(-1)
  return notify(payload, request, {
    subject: `Permohonan ${request.reference}: ${STATUS_LABELS[request.status].id}`,
    text: statusMessage({ reference: request.reference, status: request.status, note: last?.note, byResident: !last?.byUser }),
  })
}
