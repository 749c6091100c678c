import type { PayloadRequest } from 'payload'
import type { Village } from '../payload-types'

/** A village to copy from that does not exist (`from` names no village). */
export class UnknownTemplate extends Error {
  constructor(readonly slug: string) {
    super(`No village has the slug ${slug}`)
  }
}

/** The village whose slug is `slug`, the template a new village is to be copied from; UnknownTemplate if there is none. */
export const templateNamed = async (req: PayloadRequest, slug: string): Promise<Village> => {
  const { docs } = await req.payload.find({
    collection: 'villages',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!docs[0]) throw new UnknownTemplate(slug)
  return docs[0]
}

/**
 * The village a new village's catalogue and pages are copied from: the one whose slug `from` names, else the
 * install's oldest active village other than the new one (none for the install's first village).
 */
export const templateVillage = async (req: PayloadRequest, village: Pick<Village, 'id'>, from?: string): Promise<Village | null> => {
  if (from) return templateNamed(req, from)
  const { docs } = await req.payload.find({
    collection: 'villages',
    where: { and: [{ status: { equals: 'active' } }, { id: { not_equals: village.id } }] },
    sort: ['createdAt', 'id'],
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}
