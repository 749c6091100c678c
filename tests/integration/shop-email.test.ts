import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { placeOrder } from '../../cms/shop/orders'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { buyer, checkoutFor, createProduct } from '../support/shop'
import { smtpInbox, type ReceivedMail } from '../support/smtp'
import { setEnvironment } from '../../cms/lib/config'

const smtp = smtpInbox()
const inbox = smtp.mails

let payload: Payload
beforeAll(async () => {
  setEnvironment({ SMTP_URL: `smtp://127.0.0.1:${await smtp.listen()}`, PUBLIC_URL: 'https://desa.test' })
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
  await smtp.close()
  setEnvironment({ SMTP_URL: undefined, PUBLIC_URL: undefined })
})

const waitFor = async (match: (m: ReceivedMail) => boolean) => {
  await deliverEmails(payload)
  for (let i = 0; i < 100 && !inbox.some(match); i++) await new Promise((r) => setTimeout(r, 50))
  return inbox.find(match)
}

describe('order emails over SMTP', () => {
  it('confirm the order to the buyer with the private link, and tell the shop and the producer', async () => {
    await payload.updateGlobal({ slug: 'settings', data: { name: 'Desa Uji', shopEmail: 'toko@desa.test' }, overrideAccess: true })
    const product = await createProduct(payload)
    const producerId = typeof product.producer === 'object' ? product.producer.id : product.producer
    await payload.update({ collection: 'producers', id: producerId, data: { email: 'produsen@desa.test' }, overrideAccess: true })
    const order = await placeOrder(payload, checkoutFor(product, 1))

    const confirmation = await waitFor((m) => m.to.includes('ayu@example.com') && m.subject.includes(order.number))
    expect(confirmation?.subject).toBe(`Pesanan ${order.number} kami terima`)
    expect(confirmation?.text).toContain(`https://desa.test/pesanan/${order.number}?t=${order.accessToken}`)
    expect(await waitFor((m) => m.to.includes('toko@desa.test'))).toBeDefined()
    expect((await waitFor((m) => m.to.includes('produsen@desa.test')))?.subject).toBe(`Pesanan baru ${order.number}`)

    const staff = await createUser(payload, 'editor')
    await payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'paid' }, user: staff, overrideAccess: false })
    expect(await waitFor((m) => m.subject === `Pembayaran ${order.number} diterima`)).toBeDefined()
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { fulfilmentStatus: 'shipped', trackingNumber: 'JNE123456' },
      user: staff,
      overrideAccess: false,
    })
    expect((await waitFor((m) => m.subject === `Pesanan ${order.number} dikirim`))?.text).toContain('JNE123456')
  })

  it('write to a buyer who ordered in English in English, and to the shop in Indonesian', async () => {
    const product = await createProduct(payload)
    const order = await placeOrder(payload, { ...checkoutFor(product, 1), locale: 'en', buyer: { ...buyer, email: 'visitor@example.com' } })

    const confirmation = await waitFor((m) => m.to.includes('visitor@example.com') && m.subject.includes(order.number))
    expect(confirmation?.subject).toBe(`Order ${order.number} received`)
    expect(confirmation?.text).toContain('Thank you for your order.')
    expect(confirmation?.text).toContain('Payment: Bank transfer')
    expect(confirmation?.text).toContain(`https://desa.test/en/pesanan/${order.number}?t=${order.accessToken}`)
    expect(await waitFor((m) => m.to.includes('toko@desa.test') && m.subject === `Pesanan baru ${order.number}`)).toBeDefined()

    const staff = await createUser(payload, 'editor')
    await payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'paid' }, user: staff, overrideAccess: false })
    expect((await waitFor((m) => m.subject === `Payment for ${order.number} received`))?.text).toMatch(
      /We have received your payment of Rp/,
    )
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { fulfilmentStatus: 'shipped', trackingNumber: 'JNE654321' },
      user: staff,
      overrideAccess: false,
    })
    expect((await waitFor((m) => m.subject === `Order ${order.number} shipped`))?.text).toContain(
      'Your order is on its way. Tracking number: JNE654321.',
    )
  })
})
