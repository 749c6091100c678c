import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import type { Order } from '../../cms/payload-types'
import { enabledPaymentMethods, expireReservations, placeOrder } from '../../cms/shop/orders'
import { providerFor } from '../../cms/shop/providers'
import { XENDIT_METHODS, type PaymentMethod } from '../../cms/shop/statuses'
import { callbackTokenMatches, handleXenditCallback } from '../../cms/shop/xendit'
import { inVillage, type VillageRef } from '../../cms/villages/current'
import { activeVillage } from '../../cms/villages/resolve'
import { FAKE_BUSINESS, startFakeXendit, type FakePaymentRequest } from '../support/fakeXendit'
import { createUser, startPayload } from '../support/payload'
import { SECOND_HOST } from '../support/secondVillage'
import { checkoutFor, createProduct } from '../support/shop'
import { saveSettings } from '../support/villageDocuments'

const callbackToken = 'xendit-callback-token-of-the-village'
let payload: Payload
let fake: Awaited<ReturnType<typeof startFakeXendit>>

beforeAll(async () => {
  fake = await startFakeXendit()
  setEnvironment({ XENDIT_SECRET_KEY: 'xnd_development_fake', XENDIT_CALLBACK_TOKEN: callbackToken, XENDIT_API_URL: fake.url })
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
  await fake.close()
  setEnvironment({ XENDIT_SECRET_KEY: undefined, XENDIT_CALLBACK_TOKEN: undefined, XENDIT_API_URL: undefined })
})

const reload = (id: number) => payload.findByID({ collection: 'orders', id, overrideAccess: true })
const stockOf = async (productId: number) =>
  (await payload.findByID({ collection: 'products', id: productId, overrideAccess: true })).variants[0].stock

/** An order paid through Xendit whose payment request was created at the fake. */
const xenditOrder = async (method: PaymentMethod = 'va-bca', quantity = 1, stock = 5) => {
  const product = await createProduct(payload, [{ price: 25_000, stock }])
  const placed = await placeOrder(payload, { ...checkoutFor(product, quantity), paymentMethod: method, locale: 'en' })
  const started = await providerFor(method)!.start(payload, placed, placed.accessToken)
  const order = await reload(placed.id)
  return { product, order, started, token: placed.accessToken, request: fake.requestFor(order.number)! }
}
const deliver = (body: unknown, token: string | null = callbackToken) => handleXenditCallback(payload, JSON.stringify(body), token)
const eventsOf = (order: Pick<Order, 'id'>) =>
  payload.find({ collection: 'payment-events', where: { order: { equals: order.id } }, overrideAccess: true, depth: 0 })

describe('Xendit payments', () => {
  it('appear at checkout only with the keys set', async () => {
    expect(await enabledPaymentMethods(payload)).toEqual(expect.arrayContaining([...XENDIT_METHODS]))
    setEnvironment({ XENDIT_SECRET_KEY: undefined, XENDIT_CALLBACK_TOKEN: undefined })
    try {
      expect((await enabledPaymentMethods(payload)).filter((m) => XENDIT_METHODS.includes(m as never))).toEqual([])
    } finally {
      setEnvironment({ XENDIT_SECRET_KEY: 'xnd_development_fake', XENDIT_CALLBACK_TOKEN: callbackToken })
    }
  })

  it('create a virtual account of the exact total, with the order as reference, an expiry before the hold and an idempotency key', async () => {
    const { order, started } = await xenditOrder('va-bni', 2)
    const call = fake.calls.at(-1)!
    expect(call).toMatchObject({ method: 'POST', path: '/payment_requests', idempotencyKey: `payment-${order.number}` })
    expect(call.auth).toBe(`Basic ${Buffer.from('xnd_development_fake:').toString('base64')}`)
    expect(call.forUserId).toBeUndefined()
    expect(call.body).toMatchObject({
      reference_id: order.number,
      amount: 50_000,
      currency: 'IDR',
      metadata: { orderId: String(order.id), orderNumber: order.number },
      payment_method: {
        type: 'VIRTUAL_ACCOUNT',
        reusability: 'ONE_TIME_USE',
        virtual_account: { channel_code: 'BNI', amount: 50_000, channel_properties: { customer_name: 'Ayu Lestari' } },
      },
    })
    expect(started).toEqual({ redirect: null })
    expect(order.gateway).toMatchObject({
      provider: 'xendit',
      kind: 'virtualAccount',
      channel: 'BNI',
      paymentId: fake.requestFor(order.number)!.id,
    })
    expect(order.gateway?.code).toMatch(/^88\d+$/)
    // The VA runs out a quarter of an hour before the stock hold, so a last-minute payment still finds its stock.
    const vaExpiry = new Date(
      String(
        (call.body.payment_method as { virtual_account: { channel_properties: { expires_at: string } } }).virtual_account.channel_properties
          .expires_at,
      ),
    )
    expect(new Date(order.reservation!.expiresAt!).getTime() - vaExpiry.getTime()).toBe(15 * 60_000)
    expect(new Date(order.gateway!.expiresAt!).getTime()).toBe(vaExpiry.getTime())
  })

  it('create a QRIS code and e-wallet payments: a redirect for DANA, ShopeePay and LinkAja, an in-app approval for OVO', async () => {
    const qris = await xenditOrder('xendit-qris')
    expect(fake.calls.at(-1)!.body.payment_method).toMatchObject({ type: 'QR_CODE', qr_code: { channel_code: 'QRIS' } })
    expect(qris.started).toEqual({ redirect: null })
    expect(qris.order.gateway).toMatchObject({ kind: 'qrCode', code: qris.request.payment_method.qr_code!.channel_properties.qr_string })

    for (const [method, channel] of [
      ['ewallet-dana', 'DANA'],
      ['ewallet-shopeepay', 'SHOPEEPAY'],
      ['ewallet-linkaja', 'LINKAJA'],
    ] as const) {
      const { order, started, token } = await xenditOrder(method)
      const body = fake.calls.at(-1)!.body
      expect(body.payment_method).toMatchObject({
        type: 'EWALLET',
        ewallet: {
          channel_code: channel,
          channel_properties: { success_return_url: `http://localhost:3000/en/pesanan/${order.number}?t=${token}` },
        },
      })
      expect(started).toEqual({ redirect: `https://ewallet.xendit.test/${channel.toLowerCase()}/${order.gateway!.paymentId}` })
      expect(order.gateway).toMatchObject({ kind: 'redirect', url: started!.redirect })
    }

    const ovo = await xenditOrder('ewallet-ovo')
    expect(fake.calls.at(-1)!.body.payment_method).toMatchObject({
      ewallet: { channel_code: 'OVO', channel_properties: { mobile_number: '+6281234567890' } },
    })
    expect(ovo.started).toEqual({ redirect: null })
    expect(ovo.order.gateway?.kind).toBe('app')
  })

  it("send a village's payments to its sub-account (for-user-id)", async () => {
    await saveSettings(payload, { name: 'Desa Uji', xendit: { subAccountId: '5f9a3fbd571a1c4068aa40cf' } })
    try {
      await xenditOrder('va-bri')
      expect(fake.calls.at(-1)!.forUserId).toBe('5f9a3fbd571a1c4068aa40cf')
    } finally {
      await saveSettings(payload, { name: 'Desa Uji', xendit: { subAccountId: null } })
    }
  })

  it('try once more when Xendit answers a server error: the same idempotency key makes one payment', async () => {
    const flaky = await startFakeXendit({ failFirst: 1 })
    setEnvironment({ XENDIT_API_URL: flaky.url })
    try {
      const product = await createProduct(payload, [{ price: 25_000, stock: 5 }])
      const order = await placeOrder(payload, { ...checkoutFor(product, 1), paymentMethod: 'xendit-qris' })
      expect(await providerFor('xendit-qris')!.start(payload, order, order.accessToken)).toEqual({ redirect: null })
      expect(flaky.calls.map((c) => c.idempotencyKey)).toEqual([`payment-${order.number}`, `payment-${order.number}`])
      expect((await reload(order.id)).gateway?.kind).toBe('qrCode')
    } finally {
      setEnvironment({ XENDIT_API_URL: fake.url })
      await flaky.close()
    }
  })

  it('fail the order and return its stock when Xendit cannot be reached', async () => {
    const down = await startFakeXendit({ failWith: 503 })
    setEnvironment({ XENDIT_API_URL: down.url })
    try {
      const product = await createProduct(payload, [{ price: 25_000, stock: 5 }])
      const order = await placeOrder(payload, { ...checkoutFor(product, 2), paymentMethod: 'va-mandiri' })
      expect(await stockOf(product.id)).toBe(3)
      expect(await providerFor('va-mandiri')!.start(payload, order, order.accessToken)).toBeNull()
      // Tried twice with one idempotency key: a retry can never make a second payment.
      expect(down.calls.map((c) => c.idempotencyKey)).toEqual([`payment-${order.number}`, `payment-${order.number}`])
      expect((await reload(order.id)).paymentStatus).toBe('failed')
      expect(await stockOf(product.id)).toBe(5)
    } finally {
      setEnvironment({ XENDIT_API_URL: fake.url })
      await down.close()
    }
  })
})

describe('Xendit callbacks', () => {
  it('compare the callback token in constant time, whatever its length', () => {
    expect(callbackTokenMatches(callbackToken, callbackToken)).toBe(true)
    expect(callbackTokenMatches(`${callbackToken}x`, callbackToken)).toBe(false)
    expect(callbackTokenMatches('', callbackToken)).toBe(false)
    expect(callbackTokenMatches(null, callbackToken)).toBe(false)
  })

  it('refuse a forged or missing token with 401 and touch no order', async () => {
    const { order, request } = await xenditOrder()
    const paid = fake.succeeded(request)
    expect(await deliver(paid, 'someone-elses-token')).toMatchObject({ status: 401, body: { received: false } })
    expect(await deliver(paid, null)).toMatchObject({ status: 401 })
    expect(await deliver(paid, callbackToken.toUpperCase())).toMatchObject({ status: 401 })
    expect((await reload(order.id)).paymentStatus).toBe('pending')
    expect((await eventsOf(order)).totalDocs).toBe(0)
    // The real one, after the forgeries, is not taken for a duplicate.
    expect(await deliver(paid)).toEqual({ status: 200, body: { received: true } })
  })

  it('apply a paid virtual account once, however often it is delivered', async () => {
    const { product, order, request } = await xenditOrder('va-permata', 2)
    const paid = fake.succeeded(request)
    expect(await deliver(paid)).toEqual({ status: 200, body: { received: true } })
    expect(await deliver(paid)).toEqual({ status: 200, body: { received: true, duplicate: true } })
    await Promise.all([deliver(paid), deliver(paid)])
    const after = await reload(order.id)
    expect(after).toMatchObject({ paymentStatus: 'paid', reservation: { state: 'sold' } })
    expect(after.timeline?.filter((e) => e.event === 'Pembayaran: Lunas')).toHaveLength(1)
    expect(after.timeline?.find((r) => r.code === 'payment.paid')).toMatchObject({
      by: 'Xendit',
      note: expect.stringContaining('payment.succeeded'),
    })
    expect(await stockOf(product.id)).toBe(3)
    // The order's payment history in the admin: the one event, applied.
    expect((await eventsOf(order)).docs).toMatchObject([
      { provider: 'xendit', type: 'payment.succeeded', outcome: 'applied', applied: true },
    ])
  })

  it('never mark paid a payment whose amount, currency or payment request is not the order’s: staff are told', async () => {
    const cases: Record<string, unknown>[] = [
      { amount: 1 },
      { currency: 'USD' },
      { amount: undefined },
      { payment_request_id: 'pr-someone-elses' },
    ]
    for (const [i, data] of cases.entries()) {
      const { product, order, request } = await xenditOrder()
      const result = await deliver(fake.succeeded(request, { ...data, id: `py-mismatch-${i}` }))
      expect(result.body).toMatchObject({ received: true })
      const after = await reload(order.id)
      expect(after.paymentStatus, JSON.stringify(data)).toBe('pending')
      expect(after.attention).toBe('mismatch')
      expect(after.reservation?.state).toBe('reserved')
      expect(after.timeline?.at(-1)?.note).toMatch(/py-mismatch/)
      expect(await stockOf(product.id)).toBe(4)
    }
  })

  it("an expired VA or QR code puts the stock back through the state machine, and a later expiry of the order's hold changes nothing", async () => {
    const { product, order, request } = await xenditOrder('xendit-qris', 2)
    expect(await stockOf(product.id)).toBe(3)
    expect(await deliver(fake.expired(request))).toEqual({ status: 200, body: { received: true } })
    const after = await reload(order.id)
    expect(after).toMatchObject({ paymentStatus: 'expired', reservation: { state: 'released' } })
    expect(after.timeline?.map((r) => r.code)).toEqual(['placed', 'payment.expired', 'stock.released'])
    expect(await stockOf(product.id)).toBe(5)
    await expireReservations(payload, new Date(Date.now() + 24 * 60 * 60_000))
    expect(await stockOf(product.id)).toBe(5)
  })

  it('orders whose hold runs out without any callback expire and give their stock back', async () => {
    const { product, order } = await xenditOrder('va-bca', 2)
    await expireReservations(payload, new Date(Date.now() + 24 * 60 * 60_000))
    expect(await reload(order.id)).toMatchObject({ paymentStatus: 'expired', reservation: { state: 'released' } })
    expect(await stockOf(product.id)).toBe(5)
  })

  it('a payment after the order expired does not revive it: the order is flagged for staff, who may take it on', async () => {
    const { product, order, request } = await xenditOrder('va-bca', 2, 3)
    await deliver(fake.expired(request))
    expect(await stockOf(product.id)).toBe(3)
    const result = await deliver(fake.succeeded(request))
    expect(result.body).toMatchObject({ received: true, flagged: true })
    const after = await reload(order.id)
    expect(after).toMatchObject({ paymentStatus: 'expired', attention: 'late', reservation: { state: 'released' } })
    expect(after.timeline?.at(-1)?.note).toMatch(/setelah pesanan kedaluwarsa/)
    expect(await stockOf(product.id)).toBe(3)

    // Staff may not confirm a Xendit payment the gateway still waits for, but may take on a late one.
    const staff = await createUser(payload, 'admin')
    const { order: waiting } = await xenditOrder('va-bca')
    await expect(
      payload.update({ collection: 'orders', id: waiting.id, data: { paymentStatus: 'paid' }, user: staff, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/dikonfirmasi oleh Xendit/) })
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { paymentStatus: 'paid', attention: null },
      user: staff,
      overrideAccess: false,
    })
    expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', reservation: { state: 'sold' } })
    expect(await stockOf(product.id)).toBe(1)
  })

  it('a callback about a Stripe order, or about no order, changes nothing', async () => {
    const product = await createProduct(payload, [{ price: 25_000, stock: 5 }])
    const transfer = await placeOrder(payload, checkoutFor(product, 1))
    const stranger: FakePaymentRequest = {
      ...fake.requestFor((await xenditOrder()).order.number)!,
      id: 'pr-unknown',
      metadata: { orderId: String(transfer.id) },
    }
    expect((await deliver(fake.succeeded(stranger))).body).toMatchObject({ ignored: true })
    expect((await reload(transfer.id)).paymentStatus).toBe('pending')
    expect((await deliver({ event: 'payment.pending', data: { id: 'py-x' } })).body).toMatchObject({ ignored: true })
    expect(await handleXenditCallback(payload, 'not json', callbackToken)).toMatchObject({ status: 400 })
  })
})

describe("xenPlatform: a village's Xendit money in its own sub-account", () => {
  const subAccount = '5f9a3fbd571a1c4068aa40cf'
  let first: VillageRef
  let second: VillageRef

  beforeAll(async () => {
    const [village] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
    first = (await activeVillage(payload, village.id))!
    // The install becomes a regency's: the demo village has its sub-account, Sukamaju none (the key owner's account).
    await saveSettings(payload, { xendit: { subAccountId: subAccount } })
    const sukamaju = await payload.create({
      collection: 'villages',
      data: { name: 'Sukamaju', slug: 'sukamaju', status: 'active', domains: [{ host: SECOND_HOST }] },
      overrideAccess: true,
    })
    second = (await activeVillage(payload, sukamaju.id))!
  })

  it("send for-user-id for each village's orders that has a sub-account, and none for a village without", async () => {
    const { order } = await inVillage(first, () => xenditOrder('va-bca'))
    expect(fake.calls.at(-1)).toMatchObject({ path: '/payment_requests', forUserId: subAccount, idempotencyKey: `payment-${order.number}` })
    const { order: other } = await inVillage(second, () => xenditOrder('xendit-qris'))
    expect(other.village).toMatchObject({ id: second.id })
    expect(fake.calls.at(-1)!.forUserId).toBeUndefined()
  })

  it("pay an order on a callback naming its village's account", async () => {
    const { order, request } = await inVillage(first, () => xenditOrder('va-bni'))
    expect(request.business_id).toBe(subAccount)
    expect(await deliver(fake.succeeded(request))).toEqual({ status: 200, body: { received: true } })
    expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', attention: null })

    const { order: other, request: otherRequest } = await inVillage(second, () => xenditOrder('va-bni'))
    await deliver(fake.succeeded(otherRequest))
    expect((await reload(other.id)).paymentStatus).toBe('paid')
  })

  it("refuse as a mismatch a payment callback naming another account than the village's, leaving the order unpaid", async () => {
    const cases = [
      { village: () => first, business: FAKE_BUSINESS, note: `akun Xendit ${FAKE_BUSINESS} bukan ${subAccount}` },
      { village: () => second, business: subAccount, note: `akun Xendit ${subAccount} bukan (akun platform)` },
    ]
    for (const [i, { village, business, note }] of cases.entries()) {
      const { product, order, request } = await inVillage(village(), () => xenditOrder('va-mandiri'))
      const paid = { ...fake.succeeded(request, { id: `py-other-business-${i}` }), business_id: business }
      expect(await deliver(paid)).toEqual({ status: 200, body: { received: true, flagged: true } })
      const after = await reload(order.id)
      expect(after, note).toMatchObject({ paymentStatus: 'pending', attention: 'mismatch', reservation: { state: 'reserved' } })
      expect(after.timeline?.at(-1)?.note).toContain(note)
      expect(await stockOf(product.id)).toBe(4)
      expect((await eventsOf(order)).docs).toMatchObject([{ outcome: 'flagged', applied: false }])
    }
  })

  it('keep an order on the sub-account it was made in when the village moves to another: its payment still pays it', async () => {
    const { order, request } = await inVillage(first, () => xenditOrder('va-bri'))
    await inVillage(first, () => saveSettings(payload, { xendit: { subAccountId: '6a1b2c3d4e5f60718293a4b5' } }))
    try {
      expect(await deliver(fake.succeeded(request, { id: 'py-moved-account' }))).toEqual({ status: 200, body: { received: true } })
      expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', attention: null })
    } finally {
      await inVillage(first, () => saveSettings(payload, { xendit: { subAccountId: subAccount } }))
    }
  })
})
