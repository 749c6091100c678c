import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Village } from '../../cms/payload-types'
import { idOf } from '../../cms/lib/relation'
import { translate } from '../../cms/messages'
import { commonPaymentMethods, placeMarketplaceOrder, type MarketplaceInput } from '../../cms/shop/marketplace'
import { CheckoutError } from '../../cms/shop/orders'
import { groupTokenMatches } from '../../cms/shop/orderToken'
import { inVillage } from '../../cms/villages/current'
import { startPayload } from '../support/payload'
import { buyer, createProduct } from '../support/shop'

let payload: Payload
let sukamaju: Village
let batuAmpar: Village

const ref = (village: Village) => ({ id: village.id, slug: village.slug })
const village = (name: string, slug: string, host: string) =>
  payload.create({ collection: 'villages', data: { name, slug, status: 'active', domains: [{ host }] }, overrideAccess: true })

/** A product of `owner` with one variant of `stock` units of 500 g at `price`. */
const productOf = (owner: Village, price: number, stock: number) =>
  inVillage(ref(owner), () => createProduct(payload, [{ price, stock, weight: 500 }]))

const stockOf = async (productId: number) =>
  (await payload.findByID({ collection: 'products', id: productId, overrideAccess: true })).variants.map((v) => v.stock)

const line = (product: Awaited<ReturnType<typeof productOf>>, quantity: number) => ({
  productId: product.id,
  variantId: product.variants[0].id!,
  quantity,
})

const courier = {
  method: 'courier' as const,
  province: 'Kalimantan Timur',
  city: 'Samarinda',
  district: 'Sungai Kunjang',
  postalCode: '75125',
  street: 'Jl. Slamet Riyadi 4',
}

const checkout = (parts: MarketplaceInput['parts'], changes: Partial<MarketplaceInput> = {}): MarketplaceInput => ({
  locale: 'id',
  parts,
  buyer,
  delivery: courier,
  paymentMethod: 'bank-transfer',
  ...changes,
})

const refusal = async (work: Promise<unknown>) => {
  const err = await work.catch((e: unknown) => e)
  expect(err).toBeInstanceOf(CheckoutError)
  return translate('id', (err as CheckoutError).reason)
}

const ordersOfVillage = async (owner: Village) =>
  (await payload.find({ collection: 'orders', where: { village: { equals: owner.id } }, overrideAccess: true, depth: 0 })).docs

beforeAll(async () => {
  payload = await startPayload()
  sukamaju = await village('Desa Sukamaju', 'sukamaju', 'sukamaju.localhost')
  batuAmpar = await village('Desa Batu Ampar', 'batu-ampar', 'batu-ampar.localhost')
  // Each village delivers to the province at its own rates.
  await payload.create({
    collection: 'shipping-zones',
    data: { name: 'Kaltim Sukamaju', provinces: ['Kalimantan Timur'], baseFee: 10_000, perKgFee: 2_000, village: sukamaju.id },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'shipping-zones',
    data: { name: 'Kaltim Batu Ampar', provinces: ['Kalimantan Timur'], baseFee: 15_000, perKgFee: 5_000, village: batuAmpar.id },
    overrideAccess: true,
  })
})

describe('a checkout of two villages on the regency portal', () => {
  it("splits into one order per village, each with its village, its own zone's fee, its stock reserved, one group", async () => {
    const keripik = await productOf(sukamaju, 20_000, 10)
    const kopi = await productOf(batuAmpar, 35_000, 4)
    const placed = await placeMarketplaceOrder(
      payload,
      checkout([
        { village: ref(sukamaju), name: 'Desa Sukamaju', cart: [line(keripik, 2)] },
        { village: ref(batuAmpar), name: 'Desa Batu Ampar', cart: [line(kopi, 3)] },
      ]),
    )
    expect(placed.orders.map((o) => idOf(o.village))).toEqual([sukamaju.id, batuAmpar.id])
    // 2 × 500 g = 1 kg at Sukamaju's rates; 3 × 500 g = 1.5 kg, charged as 2 kg, at Batu Ampar's.
    expect(placed.orders.map((o) => [o.subtotal, o.shippingFee, o.total, o.delivery.zone])).toEqual([
      [40_000, 12_000, 52_000, 'Kaltim Sukamaju'],
      [105_000, 25_000, 130_000, 'Kaltim Batu Ampar'],
    ])
    expect(new Set(placed.orders.map((o) => o.number)).size).toBe(2)
    expect(placed.orders.every((o) => o.checkoutGroup === placed.group && o.reservation?.state === 'reserved')).toBe(true)
    expect(groupTokenMatches(placed.group, placed.token)).toBe(true)
    expect(groupTokenMatches(placed.group, 'x'.repeat(placed.token.length))).toBe(false)
    expect(await stockOf(keripik.id)).toEqual([8])
    expect(await stockOf(kopi.id)).toEqual([1])
    // Each village's own order list holds its part only.
    expect((await ordersOfVillage(sukamaju)).map((o) => o.number)).toContain(placed.orders[0].number)
    expect((await ordersOfVillage(sukamaju)).map((o) => o.number)).not.toContain(placed.orders[1].number)
  })

  it("cancels the first village's order and gives its stock back when the second village's cannot be placed", async () => {
    const keripik = await productOf(sukamaju, 20_000, 10)
    const kopi = await productOf(batuAmpar, 35_000, 5)
    const before = (await ordersOfVillage(sukamaju)).length
    // Two lines of one variant each fit the shelf when checked, together they do not: the second village's placing fails.
    const message = await refusal(
      placeMarketplaceOrder(
        payload,
        checkout([
          { village: ref(sukamaju), name: 'Desa Sukamaju', cart: [line(keripik, 4)] },
          { village: ref(batuAmpar), name: 'Desa Batu Ampar', cart: [line(kopi, 3), line(kopi, 3)] },
        ]),
      ),
    )
    expect(message).toBe(`Desa Batu Ampar: Stok tidak cukup untuk ${kopi.title}. Kurangi jumlahnya di keranjang.`)
    expect(await stockOf(keripik.id)).toEqual([10])
    expect(await stockOf(kopi.id)).toEqual([5])
    const orders = await ordersOfVillage(sukamaju)
    expect(orders.length).toBe(before + 1)
    expect(orders[0]).toMatchObject({ fulfilmentStatus: 'cancelled', paymentStatus: 'pending', reservation: { state: 'released' } })
    expect(orders[0].timeline?.at(-1)?.note).toMatch(/checkout yang sama/)
    expect(await ordersOfVillage(batuAmpar).then((docs) => docs.every((o) => o.checkoutGroup !== orders[0].checkoutGroup))).toBe(true)
  })

  it('offers only the ways to pay every village of the cart takes, and refuses another, naming the village, placing nothing', async () => {
    const keripik = await productOf(sukamaju, 20_000, 10)
    const kopi = await productOf(batuAmpar, 35_000, 5)
    const [settings] = (await payload.find({ collection: 'settings', where: { village: { equals: batuAmpar.id } }, overrideAccess: true }))
      .docs
    await payload.update({ collection: 'settings', id: settings.id, data: { paymentMethods: { cash: false } }, overrideAccess: true })
    expect(await commonPaymentMethods(payload, [ref(sukamaju)])).toEqual(['bank-transfer', 'cash'])
    expect(await commonPaymentMethods(payload, [ref(sukamaju), ref(batuAmpar)])).toEqual(['bank-transfer'])
    const before = [(await ordersOfVillage(sukamaju)).length, (await ordersOfVillage(batuAmpar)).length]
    const message = await refusal(
      placeMarketplaceOrder(
        payload,
        checkout(
          [
            { village: ref(sukamaju), name: 'Desa Sukamaju', cart: [line(keripik, 1)] },
            { village: ref(batuAmpar), name: 'Desa Batu Ampar', cart: [line(kopi, 1)] },
          ],
          { delivery: { method: 'pickup' }, paymentMethod: 'cash' },
        ),
      ),
    )
    expect(message).toBe('Desa Batu Ampar tidak menerima cara bayar ini: Bayar di tempat (ambil di desa). Pilih cara bayar lain.')
    expect([(await ordersOfVillage(sukamaju)).length, (await ordersOfVillage(batuAmpar)).length]).toEqual(before)
    expect(await stockOf(keripik.id)).toEqual([10])
    // A card sends the buyer to one payment page: not a way to pay several villages at once.
    expect(
      await refusal(
        placeMarketplaceOrder(
          payload,
          checkout([{ village: ref(sukamaju), name: 'Desa Sukamaju', cart: [line(keripik, 1)] }], { paymentMethod: 'stripe' }),
        ),
      ),
    ).toBe('Cara bayar itu tidak tersedia. Pilih yang lain.')
  })

  it('refuses a part a village cannot deliver, naming the village, before anything is placed', async () => {
    const keripik = await productOf(sukamaju, 20_000, 10)
    const kopi = await productOf(batuAmpar, 35_000, 5)
    const message = await refusal(
      placeMarketplaceOrder(
        payload,
        checkout(
          [
            { village: ref(sukamaju), name: 'Desa Sukamaju', cart: [line(keripik, 1)] },
            { village: ref(batuAmpar), name: 'Desa Batu Ampar', cart: [line(kopi, 1)] },
          ],
          { delivery: { ...courier, province: 'Papua' } },
        ),
      ),
    )
    expect(message).toBe('Desa Sukamaju: Belum ada pengiriman ke provinsi itu. Pilih ambil di desa atau hubungi kami.')
    expect(await stockOf(keripik.id)).toEqual([10])
  })
})
