import { JobCancelledError, type Payload, type TaskConfig } from 'payload'
import { config, type Config } from '../lib/config'
import { isMobilePhone, normalizePhone } from '../lib/phone'
import type { DeliveryAbout, NotificationChannel } from './channel'
import { recordDeliveryProblem } from './deliveryProblems'
import { settingsOf } from '../villages/settings'

export const WHATSAPP_QUEUE = 'whatsapp'
/** Tries after the first: 10 s, 20 s, 40 s, 80 s, 160 s apart, about 5 minutes in all. */
const RETRIES = 5
const TIMEOUT_MS = 15_000

type TemplateMessage = { to: string; template: string; language: string; parameters: string[]; about?: DeliveryAbout | null }
type Outcome = { ok: true; messageId?: string } | { ok: false; permanent: boolean; error: string }

/** Errors of the Cloud API that pass by themselves (rate limits, a service briefly unavailable), whatever the HTTP status. */
const PASSING_ERROR_CODES = new Set([4, 80007, 130429, 131016, 131056])

type GraphError = { error?: { message?: string; code?: number; error_data?: { details?: string } } }

/** Sends one template message to the Cloud API's /{version}/{phone-number-id}/messages. */
const postTemplate = async (whatsapp: NonNullable<Config['whatsapp']>, message: TemplateMessage): Promise<Outcome> => {
  const url = new URL(`/${whatsapp.apiVersion}/${whatsapp.phoneNumberId}/messages`, whatsapp.apiUrl)
  const body = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
    type: 'template',
    template: {
      name: message.template,
      language: { code: message.language },
      ...(message.parameters.length && {
        components: [{ type: 'body', parameters: message.parameters.map((text) => ({ type: 'text', text })) }],
      }),
    },
  }
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${whatsapp.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    return { ok: false, permanent: false, error: `WhatsApp Cloud API unreachable: ${(err as Error).message}` }
  }
  const answer = (await response.json().catch(() => ({}))) as GraphError & { messages?: { id?: string }[] }
  if (response.ok) return { ok: true, messageId: answer.messages?.[0]?.id }
  const said = [answer.error?.message, answer.error?.error_data?.details].filter(Boolean).join(': ') || response.statusText
  const code = answer.error?.code
  const permanent =
    response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status) && !PASSING_ERROR_CODES.has(code ?? 0)
  return { ok: false, permanent, error: `HTTP ${response.status}${code ? ` (code ${code})` : ''}: ${said}` }
}

/**
 * The outbox's WhatsApp messages: one job each. A failure that may pass (5xx, timeouts, rate limits) is retried with
 * backoff; a refusal (a template that does not exist, a number not on WhatsApp) is not. Either way, once nothing more
 * will be tried, the provider's message is written on the request for staff.
 */
export const sendWhatsappTask: TaskConfig<{ input: TemplateMessage; output: { messageId?: string } }> = {
  slug: 'sendWhatsapp',
  label: 'Kirim WhatsApp',
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'template', type: 'text', required: true },
    { name: 'language', type: 'text', required: true },
    { name: 'parameters', type: 'json', required: true },
    { name: 'about', type: 'json' },
  ],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, job, req }) => {
    const whatsapp = config().whatsapp
    if (!whatsapp) throw new JobCancelledError('WhatsApp is off: WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are not set.')
    const outcome = await postTemplate(whatsapp, input)
    if (outcome.ok) return { output: { messageId: outcome.messageId } }
    if (outcome.permanent || (job.totalTried ?? 0) >= RETRIES)
      await recordDeliveryProblem(req.payload, input.about, { channel: 'whatsapp', to: input.to, error: outcome.error })
    if (outcome.permanent) throw new JobCancelledError(outcome.error)
    throw new Error(outcome.error)
  },
}

/**
 * The WhatsApp Business Cloud API as a channel: on when WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set. It sends
 * the approved template the settings name for the notice's event, in the language of the resident (or buyer), to
 * their mobile number in E.164 digits; news without a template is left to the click-to-chat link.
 */
export const whatsappChannel = (payload: Payload): NotificationChannel => ({
  name: 'whatsapp',
  reaches: (to) => Boolean(to.phone && isMobilePhone(to.phone)),
  send: async (to, notice) => {
    const settings = await settingsOf(payload, notice.village, { depth: 0 })
    const template = settings.whatsappTemplates?.find((row) => row.event === notice.template.event)
    if (!template) return
    const language = (notice.template.locale === 'en' && template.languageEn) || template.language
    const input: TemplateMessage = {
      to: normalizePhone(to.phone!)!.slice(1),
      template: template.name,
      language,
      parameters: notice.template.parameters,
      about: notice.about ?? null,
    }
    await payload.jobs.queue({ task: 'sendWhatsapp', queue: WHATSAPP_QUEUE, input })
  },
})
