import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { placeOrder } from '../../cms/shop/orders'
import { deliverEmails, startPayload } from '../support/payload'
import { freePort } from '../support/server'
import { checkoutFor, createProduct } from '../support/shop'
import { domicileRequest, seedServiceCatalog, setServiceKeys } from '../support/services'
import { smtpInbox } from '../support/smtp'
import { setEnvironment } from '../../cms/lib/config'

// A real SMTP server, started only once the mail has already failed to go out.
const smtp = smtpInbox()
const inbox = smtp.mails

let payload: Payload
let port: number
beforeAll(async () => {
  port = await freePort()
  setEnvironment({ SMTP_URL: `smtp://127.0.0.1:${port}` })
  setServiceKeys()
  payload = await startPayload()
  await seedServiceCatalog(payload)
})
afterAll(async () => {
  vi.useRealTimers()
  await payload.destroy()
  await smtp.close()
  setEnvironment({ SMTP_URL: undefined })
})

const outbox = async () =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, limit: 100, overrideAccess: true })).docs

describe('the email outbox while the mail server is down', () => {
  it('keeps order and resident emails, retries with backoff, and delivers each exactly once when SMTP is back', async () => {
    const product = await createProduct(payload)
    const order = await placeOrder(payload, checkoutFor(product, 1))
    const { service, request } = await domicileRequest(payload, { email: 'siti@warga.test' })

    await deliverEmails(payload)
    const failed = await outbox()
    expect(failed).toHaveLength(2)
    for (const job of failed) {
      expect(job.completedAt ?? null).toBeNull()
      expect(job.totalTried).toBe(1)
      expect(job.waitUntil).toBeTruthy()
    }
    // Before the backoff has passed, nothing is tried again.
    await deliverEmails(payload)
    expect((await outbox()).map((j) => j.totalTried)).toEqual([1, 1])

    await smtp.listen(port)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 60_000)
    await deliverEmails(payload)
    vi.setSystemTime(Date.now() + 3600_000)
    await deliverEmails(payload)
    vi.useRealTimers()

    expect(inbox.map((m) => m.subject).sort()).toEqual(
      [`Pesanan ${order.number} kami terima`, `Permohonan ${request.reference} diterima: ${service.name}`].sort(),
    )
    expect(inbox.find((m) => m.subject.includes(order.number))!.to).toEqual(['ayu@example.com'])
    expect((await outbox()).every((job) => job.completedAt)).toBe(true)
  })
})
