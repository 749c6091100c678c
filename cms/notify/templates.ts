import type { Locale } from '../lib/messages'

/**
 * What a channel of approved template messages (WhatsApp) can tell: a request received, each status a request
 * moves to, and a new order for the shop and for a producer. The settings name the template for each.
 */
export const TEMPLATE_EVENTS = [
  'received',
  'checking',
  'returned',
  'processing',
  'awaitingSignature',
  'done',
  'rejected',
  'cancelled',
  'newOrder',
  'producerOrder',
] as const
export type TemplateEvent = (typeof TEMPLATE_EVENTS)[number]

const STATUS_PARAMETERS = ['name', 'service', 'reference', 'status', 'note', 'link'] as const

/**
 * The body parameters each event's template is sent, in order: {{1}}, {{2}}… of the approved template. `link` is the
 * tracking page, on Selesai the letter's download link; `note` is the officer's message (or "-").
 */
export const TEMPLATE_PARAMETERS: Record<TemplateEvent, readonly string[]> = {
  received: ['name', 'service', 'reference', 'due', 'link'],
  checking: STATUS_PARAMETERS,
  returned: STATUS_PARAMETERS,
  processing: STATUS_PARAMETERS,
  awaitingSignature: STATUS_PARAMETERS,
  done: STATUS_PARAMETERS,
  rejected: STATUS_PARAMETERS,
  cancelled: STATUS_PARAMETERS,
  newOrder: ['number', 'items', 'total', 'link'],
  producerOrder: ['number', 'producer', 'items', 'link'],
}

/** One notice as a template message: which event, in which language, with the parameters in TEMPLATE_PARAMETERS' order. */
export type TemplateNotice = { event: TemplateEvent; locale: Locale; parameters: string[] }

/**
 * A template parameter as the Cloud API takes it: one line (it refuses new lines, tabs and runs of more than four
 * spaces), never empty.
 */
export const templateText = (value: string | number | null | undefined) =>
  String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim() || '-'
