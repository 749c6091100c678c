import type { Payload } from 'payload'
import type { CheckoutInput } from '../../cms/shop/orders'

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
