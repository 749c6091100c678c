import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { placeOrder, recoverPlacingOrders } from '../../cms/shop/orders'
import { config } from '../../cms/lib/config'
import { savePrivateFile } from '../../cms/resident-services/privateFiles'
import { findTracked, recoverIncompleteRequests, submitRequest } from '../../cms/resident-services/requests'
import { createUser, startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
import { checkoutFor, createProduct, placingOrder } from '../support/shop'
import { atomicStore } from '../../cms/instances/atomicStore'
import { recoverInterruptedWrites } from '../../scripts/lib/recover'

/**
 * What a process killed in the middle of a checkout or a submission leaves behind, and how the next start
 * (or the minute job) undoes it. The states are made with the same writes checkout and submission use.
 */
let payload: Payload
setServiceKeys()

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
})
afterAll(async () => {
  await payload.destroy()
})

const stockOf = async (productId: number) =>
  (await payload.findByID({ collection: 'products', id: productId, overrideAccess: true })).variants.map((v) => v.stock)
const inAMinute = () => new Date(Date.now() + 60_000)

describe('a checkout cut off between taking the stock of its lines', () => {
  it('gives back exactly what its lines recorded, once, and removes the order, which nobody ever saw', async () => {
    const product = await createProduct(payload, [
      { price: 10_000, stock: 5 },
      { price: 10_000, stock: 5 },
    ])
    const order = await placingOrder(payload, product, [2, 3])
    expect(
      await atomicStore(payload).takeLineStock({
        orderId: order.id,
        lineId: order.lines[0].id!,
        variantId: product.variants[0].id!,
        quantity: 2,
      }),
    ).toBe(true)
    expect(await stockOf(product.id)).toEqual([3, 5])

    const admin = await createUser(payload, 'admin')
    const seen = await payload.find({ collection: 'orders', where: { id: { equals: order.id } }, overrideAccess: false, user: admin })
    expect(seen.totalDocs).toBe(0)

    // The minute job leaves a checkout that may still be running alone.
    expect(await recoverPlacingOrders(payload, new Date(Date.now() - 120_000))).toBe(0)
    expect(await recoverPlacingOrders(payload, inAMinute())).toBe(1)
    expect(await stockOf(product.id)).toEqual([5, 5])
    expect((await payload.count({ collection: 'orders', where: { id: { equals: order.id } }, overrideAccess: true })).totalDocs).toBe(0)
    expect(await recoverPlacingOrders(payload, inAMinute())).toBe(0)
    expect(await stockOf(product.id)).toEqual([5, 5])

    // A checkout still running after its order was recovered takes nothing more.
    expect(
      await atomicStore(payload).takeLineStock({
        orderId: order.id,
        lineId: order.lines[1].id!,
        variantId: product.variants[1].id!,
        quantity: 3,
      }),
    ).toBe(false)
    expect(await stockOf(product.id)).toEqual([5, 5])
  })

  it('leaves placed orders and their reservations alone', async () => {
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const order = await placeOrder(payload, checkoutFor(product, 2))
    expect(await recoverPlacingOrders(payload, inAMinute())).toBe(0)
    const stored = await payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true })
    expect(stored.reservation?.state).toBe('reserved')
    expect(stored.lines.map((line) => line.reserved)).toEqual([2])
    expect(await stockOf(product.id)).toEqual([3])
  })
})

describe('a submission cut off while its request was being written', () => {
  it('is hidden from staff and tracking, removed at start, and the resident can send it again with the same files', async () => {
    const service = await serviceBySlug(payload, 'keterangan-domisili')
    const file = await savePrivateFile(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 32)]), 'application/pdf')
    const key = crypto.randomUUID()
    // What the first statements of submitRequest's create leave: the row, marked incomplete.
    const cut = await payload.create({
      collection: 'service-requests',
      data: {
        reference: 'ABCDEFGH',
        service: service.id,
        applicantName: applicant.nama,
        nik: applicant.nik,
        phone: applicant.telepon,
        phoneLast4: '7890',
        submissionKey: key,
        incomplete: true,
      } as never,
      overrideAccess: true,
      context: { skipAudit: true },
    })
    const officer = await createUser(payload, 'officer')
    expect(
      (await payload.find({ collection: 'service-requests', where: { id: { equals: cut.id } }, overrideAccess: false, user: officer }))
        .totalDocs,
    ).toBe(0)
    expect(await findTracked(payload, 'ABCDEFGH', '7890', 'id')).toBeNull()

    expect(await recoverIncompleteRequests(payload, inAMinute())).toBe(1)
    expect(
      (await payload.count({ collection: 'service-requests', where: { id: { equals: cut.id } }, overrideAccess: true })).totalDocs,
    ).toBe(0)
    expect(existsSync(path.join(config().privateDir, file))).toBe(true)

    const answers = {
      ...applicant,
      tempat_lahir: 'Tenggarong',
      tanggal_lahir: '1990-08-05',
      sejak_tahun: '2015',
      keperluan: 'Melamar pekerjaan',
      pernyataan: 'on',
    }
    const again = await submitRequest(payload, service, answers, [{ field: 'foto_ktp', token: file }], key)
    const stored = await payload.findByID({ collection: 'service-requests', id: again.id, overrideAccess: false, user: officer })
    expect(stored).toMatchObject({ incomplete: false, attachments: [{ field: 'foto_ktp', file }] })
    expect(stored.timeline).toHaveLength(1)
    expect(await recoverIncompleteRequests(payload, inAMinute())).toBe(0)
  })
})

describe('the start of one app instance among several on the database', () => {
  /** What the first statements of submitRequest's create leave when the instance writing it stops there. */
  const cutRequest = async (reference: string, writtenBy: string) => {
    const service = await serviceBySlug(payload, 'keterangan-domisili')
    return payload.create({
      collection: 'service-requests',
      data: {
        reference,
        service: service.id,
        applicantName: applicant.nama,
        nik: applicant.nik,
        phone: applicant.telepon,
        phoneLast4: '7890',
        incomplete: true,
        writtenBy,
      } as never,
      overrideAccess: true,
      context: { skipAudit: true },
    })
  }
  const exists = async (collection: 'orders' | 'service-requests', id: number) =>
    (await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1

  it('undoes only what instances whose lease ran out left half-written, not what a live instance is writing now', async () => {
    const store = atomicStore(payload)
    await store.renewLease('instance-live', Date.now() + 60_000)
    await store.renewLease('instance-dead', Date.now() - 1_000)
    const product = await createProduct(payload, [{ price: 10_000, stock: 5 }])
    const take = (order: Awaited<ReturnType<typeof placingOrder>>, quantity: number) =>
      atomicStore(payload).takeLineStock({ orderId: order.id, lineId: order.lines[0].id!, variantId: product.variants[0].id!, quantity })
    const live = await placingOrder(payload, product, [2], 'instance-live')
    const dead = await placingOrder(payload, product, [1], 'instance-dead')
    const unknown = await placingOrder(payload, product, [1])
    expect([await take(live, 2), await take(dead, 1), await take(unknown, 1)]).toEqual([true, true, true])
    const liveRequest = await cutRequest('HJKLMNPR', 'instance-live')
    const deadRequest = await cutRequest('STUVWXY2', 'instance-dead')

    await recoverInterruptedWrites(payload)

    expect(await exists('orders', live.id)).toBe(true)
    expect(await exists('orders', dead.id)).toBe(false)
    // An order of no recorded instance was written before instances held leases: its writer is gone.
    expect(await exists('orders', unknown.id)).toBe(false)
    expect(await stockOf(product.id)).toEqual([3])
    expect(await exists('service-requests', liveRequest.id)).toBe(true)
    expect(await exists('service-requests', deadRequest.id)).toBe(false)
    expect(await store.liveInstances(Date.now())).toContain('instance-live')
    expect(await store.liveInstances(Date.now() - 2_000)).not.toContain('instance-dead')
  })
})
