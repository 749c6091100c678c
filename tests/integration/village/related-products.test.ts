import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'
import { productCards } from '../../../site/lib/shop'
import { startPayload } from '../../support/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

it("shows the products an article links to, in the editor's order, leaving out products that are not on sale", async () => {
  const products = (await payload.find({ collection: 'products', limit: 3, depth: 0, sort: 'id' })).docs
  const [first, second, third] = products as [(typeof products)[0], (typeof products)[0], (typeof products)[0]]
  await payload.update({ collection: 'products', id: second.id, data: { status: 'archived' }, overrideAccess: true })
  const article = (await payload.find({ collection: 'news', limit: 1 })).docs[0]
  const linked = await payload.update({
    collection: 'news',
    id: article.id,
    data: { relatedProducts: [third.id, second.id, first.id] },
    overrideAccess: true,
  })
  const cards = await productCards(linked.relatedProducts, 'id')
  expect(cards.map((c) => c.slug)).toEqual([third.slug, first.slug])
})
