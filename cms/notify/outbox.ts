import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import type { DeliveryAbout } from './channel'
import { recordDeliveryProblem } from './deliveryProblems'

export const EMAIL_QUEUE = 'email'
const RETRIES = 12

type OutgoingEmail = { to: string; subject: string; text: string; about?: DeliveryAbout | null }

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
  ],
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, job, req }) => {
    try {
      await req.payload.sendEmail({ to: input.to, subject: input.subject, text: input.text })
    } catch (err) {
      if ((job.totalTried ?? 0) >= RETRIES)
        await recordDeliveryProblem(req.payload, input.about, { channel: 'email', to: input.to, error: (err as Error).message })
      throw err
    }
    return { output: {} }
  },
}

/** Puts an email in the outbox; with `req`, in the same transaction as the change it tells about. */
export const queueEmail = async (payload: Payload, email: OutgoingEmail, req?: PayloadRequest) => {
  await payload.jobs.queue({ task: 'sendEmail', queue: EMAIL_QUEUE, input: email, req })
}
