import type { Payload } from 'payload'
import { newOrderNumber, type CheckoutInput } from '../../cms/shop/orders'
import { hashToken, orderLinkToken } from '../../cms/shop/orderToken'

let counter = 0

/** A producer, a category and an active product with one variant per entry of `variants`. */
export const createProduct = async (
  payload: Payload,
  variants: { price: number; stock: number; weight?: number; label?: string }[] = [{ price: 25_000, stock: 5 }],
  extra: { producer?: number; status?: 'active' | 'draft' } = {},
) => {
  counter += 1
  const producer =
    extra.producer ??
    (
      await payload.create({
        collection: 'producers',
        data: { name: `Produsen ${counter}`, slug: `produsen-${counter}`, kind: 'umkm' },
        overrideAccess: true,
      })
    ).id
  const category = await payload.create({
    collection: 'product-categories',
    data: { title: `Kategori ${counter}`, slug: `kategori-${counter}` },
    overrideAccess: true,
  })
  return payload.create({
    collection: 'products',
    overrideAccess: true,
    data: {
      title: `Kopi ${counter}`,
      slug: `kopi-${counter}`,
      status: extra.status ?? 'active',
      producer,
      category: category.id,
      variants: variants.map((v, i) => ({
        sku: `SKU-${counter}-${i}`,
        label: v.label,
        price: v.price,
        stock: v.stock,
        weight: v.weight ?? 250,
      })),
    },
  })
}

export const buyer = { name: 'Ayu Lestari', email: 'ayu@example.com', phone: '+6281234567890' }

/** A pickup order paid by bank transfer for `quantity` of the product's first variant. */
export const checkoutFor = (product: { id: number; variants: { id?: string | null }[] }, quantity = 1): CheckoutInput => ({
  locale: 'id',
  cart: [{ productId: product.id, variantId: product.variants[0].id!, quantity }],
  buyer,
  delivery: { method: 'pickup' },
  paymentMethod: 'bank-transfer',
})

/** Checkout's first write: the order in the 'placing' state, its lines holding nothing yet. */
export const placingOrder = (
  payload: Payload,
  product: Awaited<ReturnType<typeof createProduct>>,
  quantities: number[],
  instance?: string,
) =>
  payload.create({
    collection: 'orders',
    overrideAccess: true,
    data: {
      number: newOrderNumber(),
      accessToken: hashToken(orderLinkToken('DD-000000-TEST')),
      paymentMethod: 'bank-transfer',
      paymentStatus: 'pending',
      fulfilmentStatus: 'unfulfilled',
      lines: quantities.map((quantity, i) => ({
        title: product.title,
        unitPrice: 10_000,
        quantity,
        product: product.id,
        variantId: product.variants[i].id!,
        reserved: 0,
      })),
      subtotal: 0,
      shippingFee: 0,
      total: 0,
      buyer,
      delivery: { method: 'pickup' },
      reservation: { state: 'placing', instance },
    },
  })
