import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import type { DeliveryAbout } from './channel'
import { recordDeliveryProblem } from './deliveryProblems'
import { inVillage } from '../villages/current'
import { activeVillage, villageInScope } from '../villages/resolve'

export const EMAIL_QUEUE = 'email'
const RETRIES = 12

/** An email and the village it is from (its sender's name, cms/notify/emailAdapter.ts). */
type OutgoingEmail = { to: string; subject: string; text: string; about?: DeliveryAbout | null; village?: number | null }

/**
 * The outbox: every email is a queued job, so a mail server that is down delays mail instead of losing it.
 * Retries back off from 5 s to about an hour (some 6 hours in all); a mail about a request that still fails then is
 * written on the request for staff, and stays in the jobs list with its error.
 */
export const sendEmailTask: TaskConfig<{ input: OutgoingEmail; output: object }> = {
  slug: 'sendEmail',
  label: 'Kirim email',
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'about', type: 'json' },
    { name: 'village', type: 'number' },
  ],
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, job, req }) => {
    const village = input.village ? await activeVillage(req.payload, input.village) : null
    const send = () => req.payload.sendEmail({ to: input.to, subject: input.subject, text: input.text })
    try {
      await (village ? inVillage(village, send) : send())
    } catch (err) {
      if ((job.totalTried ?? 0) >= RETRIES)
        await recordDeliveryProblem(req.payload, input.about, { channel: 'email', to: input.to, error: (err as Error).message })
      throw err
    }
    return { output: {} }
  },
}

/**
 * Puts an email in the outbox, from the village it names or else the village in scope; with `req`, in the same
 * transaction as the change it tells about.
 */
export const queueEmail = async (payload: Payload, email: OutgoingEmail, req?: PayloadRequest) => {
  const village = email.village ?? (await villageInScope(payload))?.id ?? null
  await payload.jobs.queue({ task: 'sendEmail', queue: EMAIL_QUEUE, input: { ...email, village }, req })
}
