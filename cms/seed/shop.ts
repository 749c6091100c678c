import path from 'node:path'
import type { Payload, Where } from 'payload'
import { storedNameOf } from '../hooks/contentHashedName'
import { demoPhoto, type PhotoKind } from './demoPhoto'
import { localizeTree, type Bilingual } from './localizeTree'
import { readJson, type SeedContext } from './context'
import { inRequestVillage } from '../villages/scope'

/** content/shop/shop.json: what the seeder reads by name; the rest goes to the CMS as it is. */
type ShopContent = {
  categories: { slug: string; title: Bilingual }[]
  shippingZones: { name: Bilingual; [field: string]: unknown }[]
  producers: { slug: string; name: string; color: string; story: Bilingual; [field: string]: unknown }[]
  products: {
    slug: string
    title: Bilingual
    color: string
    category: string
    producer: string
    summary: Bilingual
    [field: string]: unknown
  }[]
}
const LOCALES = ['id', 'en'] as const

/** What a demo picture shows, by product category: a bowl of grains, a snack pouch, a jar, a basket, fish. */
const PHOTO_KINDS: Record<string, PhotoKind> = {
  pertanian: 'grains',
  makanan: 'pouch',
  minuman: 'jar',
  kerajinan: 'basket',
  perikanan: 'fish',
}

/** Upserts a generated photo by its stored (content-hashed) name; the alt text is the label in both languages. */
const image = async (payload: Payload, file: string, alt: Bilingual, kind: PhotoKind, color: string) => {
  const data = await demoPhoto(file, kind, color)
  const found = await payload.find({
    collection: 'media',
    where: await inRequestVillage(payload, { filename: { equals: storedNameOf(file, data) } }),
    limit: 1,
    overrideAccess: true,
  })
  let doc = found.docs[0]
  if (!doc) {
    doc = await payload.create({
      collection: 'media',
      data: { alt: alt.id },
      file: { data, mimetype: 'image/jpeg', name: file, size: data.length },
      locale: 'id',
      overrideAccess: true,
    })
  }
  await payload.update({ collection: 'media', id: doc.id, data: { alt: alt.en }, locale: 'en', overrideAccess: true })
  return doc.id
}

/** Creates or updates a document matched by `where`, in Indonesian first and then English. */
const upsert = async (
  payload: Payload,
  collection: 'product-categories' | 'producers' | 'products' | 'shipping-zones',
  where: Where,
  source: object,
) => {
  const found = await payload.find({ collection, where: await inRequestVillage(payload, where), limit: 1, depth: 0, overrideAccess: true })
  // Seed JSON for one of several collections cannot be typed as any one of them; Payload validates it on save.
  const id = localizeTree(source, 'id') as never
  const stored = found.docs[0]
    ? await payload.update({ collection, id: found.docs[0].id, data: id, locale: 'id', overrideAccess: true })
    : await payload.create({ collection, data: id, locale: 'id', overrideAccess: true })
  await payload.update({ collection, id: stored.id, data: localizeTree(source, 'en', stored), locale: 'en', overrideAccess: true })
  return stored.id
}

/** The demo marketplace from content/shop/shop.json: categories, shipping zones, producers and products. */
export const seedShop = async ({ payload, contentDir, log, markdown }: SeedContext) => {
  const shop = readJson<ShopContent>(path.join(contentDir, 'shop', 'shop.json'))
  const bilingualMarkdown = (text: Bilingual) => Object.fromEntries(LOCALES.map((l) => [l, markdown(text[l])]))

  const categories = new Map<string, number | string>()
  for (const c of shop.categories) categories.set(c.slug, await upsert(payload, 'product-categories', { slug: { equals: c.slug } }, c))
  for (const z of shop.shippingZones) await upsert(payload, 'shipping-zones', { name: { equals: z.name.id } }, z)
  log(`shop: ${categories.size} categories, ${shop.shippingZones.length} shipping zones`)

  const producers = new Map<string, number | string>()
  for (const { color, story, ...p } of shop.producers) {
    const photo = await image(payload, `produsen-${p.slug}.jpg`, { id: p.name, en: p.name }, 'portrait', color)
    producers.set(
      p.slug,
      await upsert(payload, 'producers', { slug: { equals: p.slug } }, { ...p, photo, story: bilingualMarkdown(story) }),
    )
  }
  log(`shop: ${producers.size} producers`)

  for (const [i, { color, category, producer, summary, ...p }] of shop.products.entries()) {
    const photo = await image(payload, `produk-${p.slug}.jpg`, p.title, PHOTO_KINDS[category] ?? 'pouch', color)
    await upsert(
      payload,
      'products',
      { slug: { equals: p.slug } },
      {
        ...p,
        summary,
        description: bilingualMarkdown(summary),
        status: 'active',
        gallery: [photo],
        category: categories.get(category),
        producer: producers.get(producer),
      },
    )
    log(`shop: product ${i + 1}/${shop.products.length}: ${p.slug}`)
  }
}
