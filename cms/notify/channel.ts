import type { VillageId } from '../villages/current'
import type { TemplateNotice } from './templates'

/** Whom a notice goes to: a resident, a buyer, the shop or a producer, by the contacts they gave. */
export type Recipient = { email?: string | null; phone?: string | null }

/** The record a failed delivery is written on, for staff to see (a request's "Kabar yang gagal terkirim"). */
export type DeliveryAbout = { collection: 'service-requests'; id: number }

/**
 * One piece of news, as every channel needs it: a subject and a text (email, SMS gateways) and the same news as an
 * event with its parameters, for channels that may only send approved templates (WhatsApp).
 */
export type Notice = {
  subject: string
  text: string
  template: TemplateNotice
  about?: DeliveryAbout
  /** The village it is from (its sender's name, its WhatsApp templates): the request's or order's. */
  village: VillageId
}

/** Something that can tell people of news: email, the WhatsApp Cloud API, or a gateway a deployment registers. */
export type NotificationChannel = {
  name: string
  /** Whether this channel can reach this recipient. */
  reaches: (to: Recipient) => boolean
  /** Puts the notice in the outbox (or sends it): a delivery that fails later is retried there. */
  send: (to: Recipient, notice: Notice) => Promise<void>
}
