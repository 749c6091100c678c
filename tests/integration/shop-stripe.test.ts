import { ValidationError, type Payload } from 'payload'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Order } from '../../cms/payload-types'
import { expireReservations, placeOrder } from '../../cms/shop/orders'
import { handleStripeWebhook, startStripeCheckout } from '../../cms/shop/stripe'
import { inVillage, type VillageRef } from '../../cms/villages/current'
import { activeVillage } from '../../cms/villages/resolve'
import { startFakeStripe } from '../support/fakeStripe'
import { createUser, startPayload } from '../support/payload'
import { SECOND_HOST } from '../support/secondVillage'
import { checkoutFor, createProduct } from '../support/shop'
import { saveSettings } from '../support/villageDocuments'
import { setEnvironment } from '../../cms/lib/config'

const secret = 'whsec_test_secret'
/** The signing secret of the Connect endpoint, which receives the connected accounts' events. */
const connectSecret = 'whsec_test_connect_secret'
let payload: Payload
let fake: Awaited<ReturnType<typeof startFakeStripe>>

beforeAll(async () => {
  fake = await startFakeStripe()
  setEnvironment({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_API_URL: fake.url, STRIPE_WEBHOOK_SECRET: secret })
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
  await fake.close()
  setEnvironment({ STRIPE_SECRET_KEY: undefined, STRIPE_API_URL: undefined, STRIPE_WEBHOOK_SECRET: undefined })
})

const signed = (event: object, at = Math.floor(Date.now() / 1000), by = secret) => {
  const body = JSON.stringify(event)
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: by, timestamp: at }) }
}
/** An event about the order's own Checkout Session, as Stripe sends it: its id, amount (IDR × 100) and currency. */
const sessionEvent = (id: string, type: string, order: Order, extra: object = {}) => ({
  id,
  object: 'event',
  type,
  data: {
    object: {
      object: 'checkout.session',
      id: order.stripeSessionId,
      amount_total: order.total * 100,
      currency: 'idr',
      metadata: { orderId: String(order.id) },
      payment_intent: `pi_${order.id}`,
      ...extra,
    },
  },
})
const deliver = (event: object, at?: number) => {
  const { body, signature } = signed(event, at)
  return handleStripeWebhook(payload, body, signature)
}
/** A card order whose Checkout Session was started at the fake Stripe. */
const stripeOrder = async (quantity = 1, stock = 5) => {
  const product = await createProduct(payload, [{ price: 25_000, stock }])
  const placed = await placeOrder(payload, { ...checkoutFor(product, quantity), paymentMethod: 'stripe', locale: 'en' })
  await startStripeCheckout(payload, placed, placed.accessToken)
  return { product, order: await reload(placed.id), token: placed.accessToken }
}
const stockOf = async (productId: number) =>
  (await payload.findByID({ collection: 'products', id: productId, overrideAccess: true })).variants[0].stock
const reload = (id: number) => payload.findByID({ collection: 'orders', id, overrideAccess: true })

describe('Stripe Checkout', () => {
  it('creates the session from database prices in IDR × 100, with locale, expiry, order id and an idempotency key', async () => {
    const started = Date.now() / 1000
    const { order, token } = await stripeOrder(2)
    const call = fake.calls.at(-1)!
    expect(call.path).toBe('/v1/checkout/sessions')
    expect(call.auth).toBe('Bearer sk_test_fake')
    expect(call.params.get('line_items[0][price_data][unit_amount]')).toBe('2500000')
    expect(call.params.get('line_items[0][price_data][currency]')).toBe('idr')
    expect(call.params.get('line_items[0][quantity]')).toBe('2')
    expect(call.params.get('locale')).toBe('en')
    expect(call.params.get('metadata[orderId]')).toBe(String(order.id))
    expect(call.idempotencyKey).toBe(`checkout-${order.number}`)
    // Stripe takes only whole addresses to send the buyer back to: without PUBLIC_URL, this server's own.
    expect(call.params.get('success_url')).toBe(`http://localhost:3000/en/pesanan/${order.number}?t=${token}`)
    expect(order.stripeSessionId).toMatch(/^cs_test_/)
    // Stripe's minimum is 30 minutes; the stock hold outlives the session, so a last-minute payment finds its stock.
    const expiresAt = Number(call.params.get('expires_at'))
    expect(expiresAt - started).toBeGreaterThanOrEqual(30 * 60)
    expect(new Date(order.reservation!.expiresAt!).getTime() / 1000 - expiresAt).toBeGreaterThanOrEqual(10 * 60)
  })

  it('fails the order and returns its stock when Stripe cannot be reached', async () => {
    const down = await startFakeStripe({ failWith: 500 })
    setEnvironment({ STRIPE_API_URL: down.url })
    try {
      const product = await createProduct(payload, [{ price: 25_000, stock: 5 }])
      const order = await placeOrder(payload, { ...checkoutFor(product, 2), paymentMethod: 'stripe' })
      expect(await startStripeCheckout(payload, order, order.accessToken)).toBeNull()
      expect((await reload(order.id)).paymentStatus).toBe('failed')
      expect((await payload.findByID({ collection: 'products', id: product.id, overrideAccess: true })).variants[0].stock).toBe(5)
    } finally {
      setEnvironment({ STRIPE_API_URL: fake.url })
      await down.close()
    }
  })
})

describe('Stripe webhooks', () => {
  it('refuse a forged, missing or stale signature', async () => {
    const { order } = await stripeOrder()
    const event = sessionEvent('evt_forged', 'checkout.session.completed', order, { payment_status: 'paid' })
    const { body } = signed(event)
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' })
    expect((await handleStripeWebhook(payload, body, forged)).status).toBe(400)
    expect((await handleStripeWebhook(payload, body, null)).status).toBe(400)
    expect((await deliver(event, Math.floor(Date.now() / 1000) - 600)).status).toBe(400)
    expect((await reload(order.id)).paymentStatus).toBe('pending')
  })

  it('apply a completed payment once, however often it is delivered', async () => {
    const { order } = await stripeOrder()
    const event = sessionEvent('evt_paid_1', 'checkout.session.completed', order, { payment_status: 'paid' })
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } })
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, duplicate: true } })
    const paid = await reload(order.id)
    expect(paid).toMatchObject({ paymentStatus: 'paid', stripePaymentIntentId: `pi_${order.id}`, reservation: { state: 'sold' } })
    expect(paid.timeline?.filter((e) => e.event === 'Pembayaran: Lunas')).toHaveLength(1)
  })

  it('are safe out of order: a late expiry or failure never undoes a payment', async () => {
    const { product, order } = await stripeOrder(2)
    await deliver(sessionEvent('evt_ooo_paid', 'checkout.session.async_payment_succeeded', order))
    expect((await deliver(sessionEvent('evt_ooo_expired', 'checkout.session.expired', order))).body).toMatchObject({ ignored: true })
    await deliver(sessionEvent('evt_ooo_failed', 'checkout.session.async_payment_failed', order))
    expect((await reload(order.id)).paymentStatus).toBe('paid')
    expect((await payload.findByID({ collection: 'products', id: product.id, overrideAccess: true })).variants[0].stock).toBe(3)
  })

  it('an expired session puts the stock back; a refund is recorded', async () => {
    const { product, order } = await stripeOrder(2)
    await deliver(sessionEvent('evt_exp', 'checkout.session.expired', order))
    expect((await reload(order.id)).paymentStatus).toBe('expired')
    expect((await payload.findByID({ collection: 'products', id: product.id, overrideAccess: true })).variants[0].stock).toBe(5)

    const { order: paid } = await stripeOrder()
    await deliver(sessionEvent('evt_paid_2', 'checkout.session.completed', paid, { payment_status: 'paid' }))
    await deliver({
      id: 'evt_refund',
      object: 'event',
      type: 'charge.refunded',
      data: { object: { object: 'charge', id: 'ch_1', refunded: true, payment_intent: `pi_${paid.id}` } },
    })
    expect((await reload(paid.id)).paymentStatus).toBe('refunded')
  })

  it('staff refund a card order from the admin through Stripe', async () => {
    const staff = await createUser(payload, 'admin')
    const { order } = await stripeOrder()
    await deliver(sessionEvent('evt_paid_3', 'checkout.session.completed', order, { payment_status: 'paid' }))
    await payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'refunded' }, user: staff, overrideAccess: false })
    const refund = fake.calls.at(-1)!
    expect(refund).toMatchObject({ path: '/v1/refunds', idempotencyKey: `refund-${order.number}` })
    expect(refund.params.get('payment_intent')).toBe(`pi_${order.id}`)
    // Stripe's own charge.refunded event then changes nothing.
    const after = await deliver({
      id: 'evt_refund_2',
      object: 'event',
      type: 'charge.refunded',
      data: { object: { object: 'charge', id: 'ch_2', refunded: true, payment_intent: `pi_${order.id}` } },
    })
    expect(after.body).toMatchObject({ ignored: true })
  })

  it('send a payment that does not match the order to staff instead of marking it paid', async () => {
    const cases = [{ amount_total: 1, currency: 'usd' }, { amount_total: null }, { id: 'cs_test_someone_elses' }, { id: undefined }]
    for (const [i, extra] of cases.entries()) {
      const { product, order } = await stripeOrder()
      const result = await deliver(
        sessionEvent(`evt_mismatch_${i}`, 'checkout.session.completed', order, { payment_status: 'paid', ...extra }),
      )
      expect(result.body).toMatchObject({ received: true })
      const after = await reload(order.id)
      expect(after.paymentStatus, JSON.stringify(extra)).toBe('pending')
      expect(after.reservation?.state).toBe('reserved')
      expect(after.attention).toBe('mismatch')
      expect(after.timeline?.at(-1)?.note).toMatch(/evt_mismatch/)
      expect(await stockOf(product.id)).toBe(4)
    }
  })

  it('a payment completed after the hold expired takes the stock again, or flags the order when it is gone', async () => {
    const later = new Date(Date.now() + 60 * 60_000)
    const { product, order } = await stripeOrder(2, 3)
    await expireReservations(payload, later)
    expect(await stockOf(product.id)).toBe(3)
    await deliver(sessionEvent('evt_late_1', 'checkout.session.completed', order, { payment_status: 'paid' }))
    expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', reservation: { state: 'sold' } })
    expect(await stockOf(product.id)).toBe(1)

    const { product: scarce, order: late } = await stripeOrder(2, 2)
    await expireReservations(payload, later)
    await placeOrder(payload, checkoutFor(scarce, 2))
    await deliver(sessionEvent('evt_late_2', 'checkout.session.completed', late, { payment_status: 'paid' }))
    expect(await reload(late.id)).toMatchObject({ paymentStatus: 'paid', attention: 'noStock', reservation: { state: 'released' } })
    expect(await stockOf(scarce.id)).toBe(0)
  })
})

describe("Stripe Connect: a village's cards on its BUMDes's connected account", () => {
  const own = 'acct_1DesaUjiBumdes01'
  let first: VillageRef
  let second: VillageRef

  /** An event from a connected account, as Stripe's Connect endpoint sends it: signed with its secret, naming the account. */
  const fromAccount = (account: string, event: object) => {
    const { body, signature } = signed({ ...event, account }, undefined, connectSecret)
    return handleStripeWebhook(payload, body, signature)
  }
  const refusalOf = async (run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (err) {
      if (err instanceof ValidationError) return err.data.errors
      throw err
    }
    throw new Error('not refused')
  }

  beforeAll(async () => {
    setEnvironment({ STRIPE_CONNECT_WEBHOOK_SECRET: connectSecret })
    const [village] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
    first = (await activeVillage(payload, village.id))!
    // The install becomes a regency's: the demo village takes cards on its own account, Sukamaju on the platform's.
    await saveSettings(payload, { stripe: { accountId: ` ${own} ` } })
    const sukamaju = await payload.create({
      collection: 'villages',
      data: { name: 'Sukamaju', slug: 'sukamaju', status: 'active', domains: [{ host: SECOND_HOST }] },
      overrideAccess: true,
    })
    second = (await activeVillage(payload, sukamaju.id))!
  })
  afterAll(() => setEnvironment({ STRIPE_CONNECT_WEBHOOK_SECRET: undefined }))

  it('keep a connected account id only in the shape Stripe writes it', async () => {
    const settings = await payload.find({ collection: 'settings', where: { village: { equals: first.id } }, overrideAccess: true })
    expect(settings.docs[0].stripe?.accountId).toBe(own)
    for (const accountId of ['1DesaUjiBumdes01', 'acct_', 'acct_1Desa Uji', 'sk_live_123']) {
      const errors = await refusalOf(() => inVillage(first, () => saveSettings(payload, { stripe: { accountId } })))
      expect(errors, accountId).toEqual([
        expect.objectContaining({ path: 'stripe.accountId', message: expect.stringMatching(/^Tulis ID akun Stripe terhubung/) }),
      ])
    }
  })

  it("create the village's Checkout Session on its connected account, another village's on the platform's", async () => {
    const { order } = await inVillage(first, () => stripeOrder())
    const call = fake.calls.at(-1)!
    expect(call).toMatchObject({ path: '/v1/checkout/sessions', account: own, idempotencyKey: `checkout-${order.number}` })
    expect(call.auth).toBe('Bearer sk_test_fake')
    expect(fake.sessionsOn(own)).toContain(order.stripeSessionId)

    const { order: other } = await inVillage(second, () => stripeOrder())
    expect(other.village).toMatchObject({ id: second.id })
    expect(fake.calls.at(-1)!.account).toBeUndefined()
    expect(fake.sessionsOn()).toContain(other.stripeSessionId)
    expect(fake.sessionsOn(own)).not.toContain(other.stripeSessionId)
  })

  it("pay the order on the connected account's event, and the platform village's order on the platform's", async () => {
    const { order } = await inVillage(first, () => stripeOrder())
    const paid = sessionEvent('evt_connect_paid', 'checkout.session.completed', order, { payment_status: 'paid' })
    expect(await fromAccount(own, paid)).toEqual({ status: 200, body: { received: true } })
    expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', attention: null, reservation: { state: 'sold' } })

    const { order: other } = await inVillage(second, () => stripeOrder())
    await deliver(sessionEvent('evt_platform_paid', 'checkout.session.completed', other, { payment_status: 'paid' }))
    expect((await reload(other.id)).paymentStatus).toBe('paid')
  })

  it('refuse as a mismatch an event from another account than the village takes cards on, leaving the order unpaid', async () => {
    const cases = [
      { village: () => first, account: 'acct_1SomeoneElse0001', note: `akun Stripe acct_1SomeoneElse0001 bukan ${own}` },
      { village: () => first, account: null, note: `akun Stripe (akun platform) bukan ${own}` },
      { village: () => second, account: own, note: `akun Stripe ${own} bukan (akun platform)` },
    ]
    for (const [i, { village, account, note }] of cases.entries()) {
      const { product, order } = await inVillage(village(), () => stripeOrder())
      const event = sessionEvent(`evt_other_account_${i}`, 'checkout.session.completed', order, { payment_status: 'paid' })
      const result = account ? await fromAccount(account, event) : await deliver(event)
      expect(result).toEqual({ status: 200, body: { received: true, flagged: true } })
      const after = await reload(order.id)
      expect(after, note).toMatchObject({ paymentStatus: 'pending', attention: 'mismatch', reservation: { state: 'reserved' } })
      expect(after.timeline?.at(-1)?.note).toContain(note)
      expect(await stockOf(product.id)).toBe(4)
      const [recorded] = (
        await payload.find({ collection: 'payment-events', where: { eventId: { equals: event.id } }, overrideAccess: true, depth: 0 })
      ).docs
      expect(recorded).toMatchObject({ outcome: 'flagged', applied: false, order: order.id })
    }
  })

  it("refund from the village's connected account, and ignore another account's refund of its payment", async () => {
    const staff = await inVillage(first, () => createUser(payload, 'admin'))
    const { order } = await inVillage(first, () => stripeOrder())
    await fromAccount(own, sessionEvent('evt_connect_paid_2', 'checkout.session.completed', order, { payment_status: 'paid' }))
    const refundedElsewhere = {
      id: 'evt_connect_refund_elsewhere',
      object: 'event',
      type: 'charge.refunded',
      data: { object: { object: 'charge', id: 'ch_c1', refunded: true, payment_intent: `pi_${order.id}` } },
    }
    expect((await fromAccount('acct_1SomeoneElse0001', refundedElsewhere)).body).toMatchObject({ ignored: true })
    expect((await reload(order.id)).paymentStatus).toBe('paid')

    await inVillage(first, () =>
      payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'refunded' }, user: staff, overrideAccess: false }),
    )
    const refund = fake.calls.at(-1)!
    expect(refund).toMatchObject({ path: '/v1/refunds', account: own, idempotencyKey: `refund-${order.number}` })
    expect(refund.params.get('payment_intent')).toBe(`pi_${order.id}`)
    expect((await reload(order.id)).paymentStatus).toBe('refunded')
  })

  it('keep an order on the account it was made on when the village moves to another: its late payment pays it, its refund comes from there', async () => {
    const staff = await inVillage(first, () => createUser(payload, 'admin'))
    const { order } = await inVillage(first, () => stripeOrder())
    const moved = 'acct_1DesaUjiBumdes02'
    await inVillage(first, () => saveSettings(payload, { stripe: { accountId: moved } }))
    try {
      const paid = sessionEvent('evt_connect_paid_moved', 'checkout.session.completed', order, { payment_status: 'paid' })
      expect(await fromAccount(own, paid)).toEqual({ status: 200, body: { received: true } })
      expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', attention: null })
      await inVillage(first, () =>
        payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'refunded' }, user: staff, overrideAccess: false }),
      )
      expect(fake.calls.at(-1)).toMatchObject({ path: '/v1/refunds', account: own })
      const { order: next } = await inVillage(first, () => stripeOrder())
      expect(fake.calls.at(-1)).toMatchObject({ path: '/v1/checkout/sessions', account: moved })
      expect(fake.sessionsOn(moved)).toContain(next.stripeSessionId)
    } finally {
      await inVillage(first, () => saveSettings(payload, { stripe: { accountId: own } }))
    }
  })
})
