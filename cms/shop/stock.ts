import type { Payload } from 'payload'
import { enqueueSync } from '../search/sync'
import { invalidations } from '../page-cache/invalidations'
import { documentTag, listChange, listTag } from '../page-cache/tags'
import { currentVillage } from '../villages/current'

/**
 * Stock changes by conditional writes (the stock moves of cms/instances/atomicStore.ts), outside Payload's hooks: the pages that show these products (and the lists
 * that filter by stock) and the search index (in stock or not) hear of it here.
 */
export const stockMoved = async (payload: Payload, lines: { productId?: number | string | null }[]) => {
  const products = new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))
  // The checkout's village's lists; a job's move (an expired hold) names no village and reaches them all.
  const village = currentVillage()
  const lists = listChange(listTag('products'), village ? [village.id] : [])
  await invalidations().invalidate([...lists, ...[...products].map((id) => documentTag('products', id))])
  for (const id of products) await enqueueSync(payload, 'products', id)
}
