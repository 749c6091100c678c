import type { Payload, PayloadRequest, TaskConfig } from 'payload'

export const EMAIL_QUEUE = 'email'

type OutgoingEmail = { to: string; subject: string; text: string }

/**
 * The outbox: every email is a queued job, so a mail server that is down delays mail instead of losing it.
 * Retries back off from 5 s to about an hour (some 6 hours in all); a job that still fails stays in the
 * jobs list with its error for staff to see.
 */
export const sendEmailTask: TaskConfig<{ input: OutgoingEmail; output: object }> = {
  slug: 'sendEmail',
  label: 'Kirim email',
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
  ],
  retries: { attempts: 12, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    await req.payload.sendEmail({ to: input.to, subject: input.subject, text: input.text })
    return { output: {} }
  },
}

/** Puts an email in the outbox; with `req`, in the same transaction as the change it tells about. */
export const queueEmail = async (payload: Payload, email: OutgoingEmail, req?: PayloadRequest) => {
  await payload.jobs.queue({ task: 'sendEmail', queue: EMAIL_QUEUE, input: email, req })
}
