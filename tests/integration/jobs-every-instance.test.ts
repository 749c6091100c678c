import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { EMAIL_QUEUE, queueEmail } from '../../cms/notify/outbox'
import { startAnotherInstance } from '../support/anotherInstanceProcess'
import { startPayload } from '../support/payload'
import { smtpInbox } from '../support/smtp'

/**
 * Jobs enabled on every app instance: two processes on one database file run the same queue at the same moment,
 * and each job runs once (Payload's own claim reads the waiting jobs, then writes `processing` on each: both
 * processes would take them all; cms/instances/jobClaims.ts makes the claim one conditional update per job).
 */
const smtp = smtpInbox()
let payload: Payload

beforeAll(async () => {
  setEnvironment({
    DATABASE_URL: `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-jobs-')), 'desa.db')}`,
    SMTP_URL: `smtp://127.0.0.1:${await smtp.listen()}`,
  })
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
  await smtp.close()
})

it('sends each queued email once when two instances run the outbox at the same moment', async () => {
  const other = await startAnotherInstance()
  for (let i = 1; i <= 30; i++) await queueEmail(payload, { to: `warga${i}@desa.test`, subject: `Kabar ${i}`, text: 'Halo' })
  await Promise.all([other.send(`jobs ${EMAIL_QUEUE}`), payload.jobs.run({ queue: EMAIL_QUEUE, limit: 100 })])
  other.stop()
  const subjects = smtp.mails.map((mail) => mail.subject).sort()
  expect(subjects).toEqual(Array.from({ length: 30 }, (_, i) => `Kabar ${i + 1}`).sort())
  // A job that ran to its end is deleted.
  const left = await payload.count({ collection: 'payload-jobs', where: { queue: { equals: EMAIL_QUEUE } }, overrideAccess: true })
  expect(left.totalDocs).toBe(0)
}, 120_000)
