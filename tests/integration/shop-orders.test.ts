import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expireReservations, placeOrder } from '../../cms/shop/orders'
import { createUser, startPayload } from '../support/payload'
import { checkoutFor, createProduct } from '../support/shop'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
})

const producerId = (p: { producer: number | { id: number } }) => (typeof p.producer === 'object' ? p.producer.id : p.producer)
const stockOf = async (productId: number) =>
  (await payload.findByID({ collection: 'products', id: productId, overrideAccess: true })).variants.map((v) => v.stock)

describe('checkout', () => {
  it('charges database prices whatever the cart remembered, and snapshots the lines', async () => {
    const product = await createProduct(payload, [{ price: 40_000, stock: 5, label: '250 g' }])
    const input = checkoutFor(product, 2)
    input.cart[0].seenPrice = 1
    const order = await placeOrder(payload, input)
    expect(order).toMatchObject({
      subtotal: 80_000,
      shippingFee: 0,
      total: 80_000,
      paymentStatus: 'pending',
      reservation: { state: 'reserved' },
    })
    expect(order.lines[0]).toMatchObject({ title: product.title, variantLabel: '250 g', unitPrice: 40_000, quantity: 2 })
    expect(order.number).toMatch(/^DD-\d{6}-[A-HJ-NP-Z2-9]{5}$/)
    expect(order.accessToken.length).toBeGreaterThanOrEqual(32)
    expect(await stockOf(product.id)).toEqual([3])
  })

  it('refuses a variant of another product and products that are not for sale', async () => {
    const a = await createProduct(payload)
    const b = await createProduct(payload)
    const draft = await createProduct(payload, undefined, { status: 'draft' })
    await expect(
      placeOrder(payload, { ...checkoutFor(a), cart: [{ productId: a.id, variantId: b.variants[0].id!, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'unavailable' })
    await expect(placeOrder(payload, checkoutFor(draft))).rejects.toMatchObject({ code: 'unavailable' })
    await expect(placeOrder(payload, checkoutFor(a, 6))).rejects.toMatchObject({ code: 'outOfStock' })
    expect(await stockOf(a.id)).toEqual([5])
  })

  it('charges courier delivery by zone and weight, and refuses cash unless picked up', async () => {
    await payload.create({
      collection: 'shipping-zones',
      data: { name: 'Bali', provinces: ['Bali'], baseFee: 12_000, perKgFee: 8_000 },
      overrideAccess: true,
    })
    const product = await createProduct(payload, [{ price: 10_000, stock: 10, weight: 600 }])
    const delivery = {
      method: 'courier' as const,
      province: 'Bali',
      city: 'Denpasar',
      district: 'Denpasar Barat',
      postalCode: '80111',
      street: 'Jl. Gunung Agung 1',
    }
    const order = await placeOrder(payload, { ...checkoutFor(product, 2), delivery })
    expect(order).toMatchObject({ shippingFee: 12_000 + 2 * 8_000, total: 20_000 + 28_000 })
    await expect(placeOrder(payload, { ...checkoutFor(product), delivery: { ...delivery, province: 'Papua' } })).rejects.toMatchObject({
      code: 'noZone',
    })
    await expect(placeOrder(payload, { ...checkoutFor(product), delivery, paymentMethod: 'cash' })).rejects.toMatchObject({
      code: 'pickupOnlyCash',
    })
  })
})

describe('stock reservations', () => {
  it('expire with the scheduled job and the stock goes back, once', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 3 }])
    const order = await placeOrder(payload, checkoutFor(product, 2))
    expect(await stockOf(product.id)).toEqual([1])
    expect(await expireReservations(payload)).toBe(0)
    const later = new Date(Date.now() + 25 * 3600_000)
    expect(await expireReservations(payload, later)).toBeGreaterThanOrEqual(1)
    expect(await stockOf(product.id)).toEqual([3])
    const expired = await payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true })
    expect(expired).toMatchObject({ paymentStatus: 'expired', reservation: { state: 'released' } })
    expect(expired.timeline?.map((e) => e.event)).toContain('Pembayaran: Kedaluwarsa')
    await expireReservations(payload, later)
    expect(await stockOf(product.id)).toEqual([3])
  })

  it('the registered job task runs the same release', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 1 }])
    const order = await placeOrder(payload, checkoutFor(product, 1), new Date(Date.now() - 25 * 3600_000))
    await payload.jobs.queue({ task: 'releaseExpiredReservations', input: {}, queue: 'shop' })
    await payload.jobs.run({ queue: 'shop' })
    expect(await stockOf(product.id)).toEqual([1])
    expect((await payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true })).paymentStatus).toBe('expired')
  })

  it('turn into a sale when staff confirm payment; a cancelled order returns its stock', async () => {
    const staff = await createUser(payload, 'editor')
    const product = await createProduct(payload, [{ price: 10_000, stock: 4 }])
    const order = await placeOrder(payload, checkoutFor(product, 3))
    const paid = await payload.update({
      collection: 'orders',
      id: order.id,
      data: { paymentStatus: 'paid' },
      user: staff,
      overrideAccess: false,
    })
    expect(paid.timeline?.at(-1)).toMatchObject({ by: staff.email, event: 'Pembayaran: Lunas' })
    expect((await payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true })).reservation?.state).toBe('sold')
    expect(await expireReservations(payload, new Date(Date.now() + 99 * 3600_000))).toBe(0)
    expect(await stockOf(product.id)).toEqual([1])
    await expect(
      payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'pending' }, user: staff, overrideAccess: false }),
    ).rejects.toThrow(/tidak bisa berubah dari "Lunas"/)
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { fulfilmentStatus: 'cancelled' },
      user: staff,
      overrideAccess: false,
    })
    expect(await stockOf(product.id)).toEqual([4])
  })
})

describe('who sees orders', () => {
  it('a producer reads only orders containing their products, and cannot change them', async () => {
    const a = await createProduct(payload)
    const b = await createProduct(payload)
    const orderA = await placeOrder(payload, checkoutFor(a))
    const orderB = await placeOrder(payload, checkoutFor(b))
    const producerA = await payload.create({
      collection: 'users',
      data: {
        email: 'penjual-a@desa.test',
        password: 'kata-sandi-rahasia-123',
        name: 'Penjual A',
        role: 'producer',
        producer: producerId(a),
      },
      overrideAccess: true,
    })
    const seen = await payload.find({ collection: 'orders', user: producerA, overrideAccess: false, limit: 100 })
    expect(seen.docs.map((o) => o.id)).toContain(orderA.id)
    expect(seen.docs.map((o) => o.id)).not.toContain(orderB.id)
    await expect(payload.findByID({ collection: 'orders', id: orderB.id, user: producerA, overrideAccess: false })).rejects.toThrow()
    await expect(
      payload.update({ collection: 'orders', id: orderA.id, data: { paymentStatus: 'paid' }, user: producerA, overrideAccess: false }),
    ).rejects.toThrow()
    expect(seen.docs.find((o) => o.id === orderA.id)?.buyer).toBeUndefined()
  })

  it('in an order mixing two producers, each producer sees only their own lines and none of the sums or buyer contacts', async () => {
    const a = await createProduct(payload)
    const b = await createProduct(payload)
    const mixed = await placeOrder(payload, { ...checkoutFor(a), cart: [...checkoutFor(a).cart, ...checkoutFor(b).cart] })
    const producerA = await payload.create({
      collection: 'users',
      data: {
        email: 'penjual-campur@desa.test',
        password: 'kata-sandi-rahasia-123',
        name: 'Penjual A',
        role: 'producer',
        producer: producerId(a),
      },
      overrideAccess: true,
    })
    const seen = await payload.findByID({ collection: 'orders', id: mixed.id, user: producerA, overrideAccess: false, depth: 0 })
    expect(seen.lines.map((line) => line.product)).toEqual([a.id])
    expect(seen.producers).toEqual([producerId(a)])
    for (const field of ['subtotal', 'shippingFee', 'total', 'buyer', 'paymentProof', 'stripeSessionId'] as const)
      expect(seen[field]).toBeUndefined()
    expect(seen.delivery?.street).toBeUndefined()
    const listed = await payload.find({
      collection: 'orders',
      where: { id: { equals: mixed.id } },
      user: producerA,
      overrideAccess: false,
      depth: 0,
    })
    expect(listed.docs[0].lines).toHaveLength(1)
    const asStaff = await payload.findByID({ collection: 'orders', id: mixed.id, depth: 0, overrideAccess: true })
    expect(asStaff.lines).toHaveLength(2)
  })

  it('a producer edits only their own products and profile', async () => {
    const a = await createProduct(payload)
    const b = await createProduct(payload)
    const producerA = await payload.create({
      collection: 'users',
      data: {
        email: 'penjual-a2@desa.test',
        password: 'kata-sandi-rahasia-123',
        name: 'Penjual A',
        role: 'producer',
        producer: producerId(a),
      },
      overrideAccess: true,
    })
    await payload.update({ collection: 'products', id: a.id, data: { summary: 'Baru' }, user: producerA, overrideAccess: false })
    await expect(
      payload.update({ collection: 'products', id: b.id, data: { summary: 'Bukan milik saya' }, user: producerA, overrideAccess: false }),
    ).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'producers',
        id: producerId(b),
        data: { name: 'Diambil alih' },
        user: producerA,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    const moved = await payload.update({
      collection: 'products',
      id: a.id,
      data: { producer: producerId(b) },
      user: producerA,
      overrideAccess: false,
    })
    expect(moved.producer).toMatchObject({ id: producerId(a) })
  })

  it('anonymous visitors cannot read orders or draft products', async () => {
    const draft = await createProduct(payload, undefined, { status: 'draft' })
    await expect(payload.find({ collection: 'orders', overrideAccess: false })).rejects.toThrow(/tidak diizinkan/)
    expect((await payload.find({ collection: 'products', where: { id: { equals: draft.id } }, overrideAccess: false })).docs).toEqual([])
  })
})
