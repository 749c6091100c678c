import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerChannel } from '../../cms/notify'
import { placeOrder } from '../../cms/shop/orders'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { buyer, checkoutFor, createProduct } from '../support/shop'
import { smtpInbox, type ReceivedMail } from '../support/smtp'
import { setEnvironment } from '../../cms/lib/config'
import { saveSettings } from '../support/villageDocuments'

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
    await saveSettings(payload, { name: 'Desa Uji', shopEmail: 'toko@desa.test' })
    const product = await createProduct(payload)
    const producerId = typeof product.producer === 'object' ? product.producer.id : product.producer
    await payload.update({ collection: 'producers', id: producerId, data: { email: 'produsen@desa.test' }, overrideAccess: true })
    await payload.create({
      collection: 'shipping-zones',
      data: { name: 'Bali', provinces: ['Bali'], baseFee: 12_000, perKgFee: 8_000 },
      overrideAccess: true,
    })
    const delivery = {
      method: 'courier' as const,
      province: 'Bali',
      city: 'Denpasar',
      district: 'Denpasar Barat',
      postalCode: '80111',
      street: 'Jl. Gunung Agung 1',
    }
    const order = await placeOrder(payload, { ...checkoutFor(product, 1), delivery })

    const confirmation = await waitFor((m) => m.to.includes('ayu@example.com') && m.subject.includes(order.number))
    expect(confirmation?.subject).toBe(`Pesanan ${order.number} kami terima`)
    // Buyers hear from the village by its name, like residents.
    expect(confirmation?.from).toBe('Desa Uji <desa@localhost>')
    expect(confirmation?.text).toContain(`https://desa.test/pesanan/${order.number}?t=${order.accessToken}`)
    expect(await waitFor((m) => m.to.includes('toko@desa.test'))).toBeDefined()
    expect((await waitFor((m) => m.to.includes('produsen@desa.test')))?.subject).toBe(
      `Pesanan baru ${order.number} untuk ${product.title.replace('Kopi', 'Produsen')}`,
    )

    const staff = await createUser(payload, 'editor')
    await payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'paid' }, user: staff, overrideAccess: false })
    // The order keeps only the token's hash; the later emails still carry the buyer's link.
    const stored = await payload.db.findOne<{ id: number; accessToken: string }>({
      collection: 'orders',
      where: { id: { equals: order.id } },
    })
    expect(stored?.accessToken).not.toContain(order.accessToken)
    expect(stored?.accessToken).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect((await waitFor((m) => m.subject === `Pembayaran ${order.number} diterima`))?.text).toContain(`?t=${order.accessToken}`)
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { fulfilmentStatus: 'shipped', trackingNumber: 'JNE123456' },
      user: staff,
      overrideAccess: false,
    })
    expect((await waitFor((m) => m.subject === `Pesanan ${order.number} dikirim`))?.text).toContain('JNE123456')
  })

  it('tell each producer only of their own lines, and reach the shop and producers through every channel', async () => {
    const sent: { phone: string; subject: string }[] = []
    registerChannel(() => ({
      name: 'whatsapp-gateway',
      reaches: (to) => Boolean(to.phone),
      send: async (to, message) => void sent.push({ phone: to.phone ?? '', subject: message.subject }),
    }))
    await saveSettings(payload, { shopEmail: 'toko@desa.test', whatsapp: '+6281250007788' })
    const a = await createProduct(payload)
    const b = await createProduct(payload)
    const idOf = (p: typeof a) => (typeof p.producer === 'object' ? p.producer.id : p.producer)
    await payload.update({
      collection: 'producers',
      id: idOf(a),
      data: { email: 'a@desa.test', whatsapp: '+6281234500011' },
      overrideAccess: true,
    })
    await payload.update({ collection: 'producers', id: idOf(b), data: { email: 'b@desa.test' }, overrideAccess: true })
    const order = await placeOrder(payload, { ...checkoutFor(a), cart: [...checkoutFor(a).cart, ...checkoutFor(b).cart] })
    const toA = await waitFor((m) => m.to.includes('a@desa.test') && m.subject.includes(order.number))
    expect(toA?.text).toContain(a.title)
    expect(toA?.text).not.toContain(b.title)
    expect(toA?.text).not.toContain('ayu@example.com')
    expect((await waitFor((m) => m.to.includes('b@desa.test') && m.subject.includes(order.number)))?.text).not.toContain(a.title)
    expect(sent.map((s) => s.phone).sort()).toEqual(['+6281234500011', '+6281250007788'])
  })

  it('write to a buyer who ordered in English in English, and to the shop in Indonesian', async () => {
    const product = await createProduct(payload)
    const delivery = {
      method: 'courier' as const,
      province: 'Bali',
      city: 'Denpasar',
      district: 'Kuta',
      postalCode: '80361',
      street: 'Jl. Pantai 2',
    }
    const order = await placeOrder(payload, {
      ...checkoutFor(product, 1),
      locale: 'en',
      buyer: { ...buyer, email: 'visitor@example.com' },
      delivery,
    })

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
