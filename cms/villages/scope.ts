import type { Payload, Where } from 'payload'
import { villageInScope } from './resolve'

/**
 * `where` narrowed to the request's village, for the reads the site makes with full access on a visitor's behalf
 * (an order or a request found by its reference and checked by its token): the reference of another village's
 * order or request finds nothing on this village's host. With several villages and no request for one, nothing
 * matches (every document has a village).
 */
export const inRequestVillage = async (payload: Payload, where: Where): Promise<Where> => {
  const village = await villageInScope(payload)
  return { and: [where, village ? { village: { equals: village.id } } : { village: { exists: false } }] }
}
