import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Order, User } from '../../cms/payload-types'
import { expireReservations, placeOrder } from '../../cms/shop/orders'
import { createUser, startPayload } from '../support/payload'
import { checkoutFor, createProduct } from '../support/shop'

const courier = {
  method: 'courier' as const,
  province: 'Bali',
  city: 'Denpasar',
  district: 'Denpasar Barat',
  postalCode: '80111',
  street: 'Jl. Gunung Agung 1',
}
let payload: Payload
let staff: User
beforeAll(async () => {
  payload = await startPayload()
  staff = await createUser(payload, 'editor')
  await payload.create({
    collection: 'shipping-zones',
    data: { name: 'Bali', provinces: ['Bali'], baseFee: 12_000, perKgFee: 8_000 },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await payload.destroy()
})

const stockOf = async (productId: number) =>
  (await payload.findByID({ collection: 'products', id: productId, overrideAccess: true })).variants.map((v) => v.stock)
const reload = (id: number) => payload.findByID({ collection: 'orders', id, overrideAccess: true, showHiddenFields: true })
/** A change as staff make it in the admin or through the REST API (access rules apply). */
const asStaff = (order: Pick<Order, 'id'>, data: Partial<Order> & Record<string, unknown>) =>
  payload.update({ collection: 'orders', id: order.id, data, user: staff, overrideAccess: false })

describe('stock follows the order through its life', () => {
  it('cancelling an order that was paid, shipped and received does not put its units back', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const order = await placeOrder(payload, { ...checkoutFor(product, 2), delivery: courier })
    await asStaff(order, { paymentStatus: 'paid' })
    await asStaff(order, { fulfilmentStatus: 'shipped' })
    await asStaff(order, { fulfilmentStatus: 'delivered' })
    await asStaff(order, { fulfilmentStatus: 'cancelled' })
    expect(await stockOf(product.id)).toEqual([3])
    // The goods left: the money may go back, the units never by themselves.
    expect((await reload(order.id)).attention).toBe('refund')
  })

  it('a cancelled order cannot go back to "Dikemas" (it holds no stock)', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 2 }])
    const order = await placeOrder(payload, checkoutFor(product, 2))
    await asStaff(order, { fulfilmentStatus: 'cancelled' })
    expect(await stockOf(product.id)).toEqual([2])
    await expect(asStaff(order, { fulfilmentStatus: 'packed' })).rejects.toMatchObject({ status: 400 })
    await expect(asStaff(order, { paymentStatus: 'paid' })).rejects.toThrow(/dibatalkan/)
    expect(await reload(order.id)).toMatchObject({ fulfilmentStatus: 'cancelled', paymentStatus: 'pending' })
    expect(await stockOf(product.id)).toEqual([2])
  })

  it('a return puts the units back once, as an explicit step recorded with who and why', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const order = await placeOrder(payload, { ...checkoutFor(product, 2), delivery: courier })
    await asStaff(order, { paymentStatus: 'paid' })
    await asStaff(order, { fulfilmentStatus: 'shipped' })
    await asStaff(order, { fulfilmentStatus: 'returned', statusNote: 'Paket kembali, alamat tidak ditemukan' })
    expect(await stockOf(product.id)).toEqual([5])
    await expect(asStaff(order, { fulfilmentStatus: 'shipped' })).rejects.toMatchObject({ status: 400 })
    const returned = await reload(order.id)
    expect(returned.timeline?.find((row) => row.code === 'fulfilment.returned')).toMatchObject({
      by: staff.email,
      note: 'Paket kembali, alamat tidak ditemukan',
    })
    expect(returned.timeline?.filter((row) => row.code === 'stock.restocked')).toMatchObject([{ by: staff.email }])
    expect(returned.statusNote ?? null).toBeNull()
  })

  it('an order paid after its hold expired takes its stock again when it is there', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 3 }])
    const order = await placeOrder(payload, checkoutFor(product, 2))
    await expireReservations(payload, new Date(Date.now() + 49 * 3600_000))
    expect(await stockOf(product.id)).toEqual([3])
    await asStaff(order, { paymentStatus: 'paid', statusNote: 'Transfer masuk terlambat' })
    expect(await stockOf(product.id)).toEqual([1])
    expect(await reload(order.id)).toMatchObject({ paymentStatus: 'paid', reservation: { state: 'sold' } })
  })

  it('an order paid after its stock was sold to someone else is flagged for a refund, never oversold', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 2 }])
    const late = await placeOrder(payload, checkoutFor(product, 2))
    await expireReservations(payload, new Date(Date.now() + 49 * 3600_000))
    await placeOrder(payload, checkoutFor(product, 2))
    await asStaff(late, { paymentStatus: 'paid' })
    expect(await stockOf(product.id)).toEqual([0])
    expect(await reload(late.id)).toMatchObject({ paymentStatus: 'paid', attention: 'noStock', reservation: { state: 'released' } })
    // Nothing can be packed for it until stock is there again.
    await expect(asStaff(late, { fulfilmentStatus: 'packed' })).rejects.toMatchObject({ status: 400 })
  })
})

describe('the API keeps what checkout recorded', () => {
  it('ignores changes to totals, buyer, lines, token and hidden reservations, and audits what it applies', async () => {
    const product = await createProduct(payload, [{ price: 300_000, stock: 19 }])
    const order = await placeOrder(payload, checkoutFor(product, 1))
    const before = await reload(order.id)
    await asStaff(order, {
      total: 1,
      subtotal: 1,
      buyer: { name: 'Orang lain', email: 'lain@example.com', phone: '+6281111111111' },
      lines: before.lines.map((line) => ({ ...line, reserved: 500, quantity: 99, unitPrice: 1 })),
      accessToken: 'ditebak',
      number: 'DD-000000-XXXXX',
      reservation: { state: 'reserved', expiresAt: '2099-01-01T00:00:00.000Z' },
      trackingNumber: 'JNE-1',
    })
    const after = await reload(order.id)
    expect(after).toMatchObject({ total: 300_000, subtotal: 300_000, buyer: before.buyer, number: before.number })
    expect(after.accessToken).toBe(before.accessToken)
    expect(after.reservation?.expiresAt).toBe(before.reservation?.expiresAt)
    expect(after.lines.map(({ reserved, quantity, unitPrice }) => ({ reserved, quantity, unitPrice }))).toEqual([
      { reserved: 1, quantity: 1, unitPrice: 300_000 },
    ])
    expect(after.timeline?.at(-1)).toMatchObject({ by: staff.email, code: 'tracking' })
    await asStaff(order, { fulfilmentStatus: 'cancelled' })
    expect(await stockOf(product.id)).toEqual([19])
  })
})
