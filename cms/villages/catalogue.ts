import type { DataFromCollectionSlug, PayloadRequest } from 'payload'
import { DEFAULT_LOCALE } from '../lib/messages'
import type { VillageCopies } from './copies'
import { richTextInVillage } from './relations'

/** What a regency's villages share at the start: the service catalogue and the shop's categories and shipping zones. */
export const CATALOGUE = ['product-categories', 'shipping-zones', 'services'] as const
export type CatalogueCollection = (typeof CATALOGUE)[number]

/** From which village into which. */
export type Route = { from: number; to: number }

/** How a copy is recognised in the new village (a second onboarding copies nothing twice): its slug, a zone its name. */
const keyOf = (doc: DataFromCollectionSlug<CatalogueCollection>) => ('slug' in doc ? doc.slug : doc.name)

/**
 * What a copy changes in the original besides its village: a service's letter template is its only rich text, and
 * the only place it can refer to other documents (a picture, a linked page); the references follow the copies.
 */
const changesOf = (doc: DataFromCollectionSlug<CatalogueCollection>, copies: VillageCopies) =>
  'letterTemplate' in doc && doc.letterTemplate ? { letterTemplate: richTextInVillage(doc.letterTemplate, copies.copyOf) } : {}

const allOf = (req: PayloadRequest, collection: CatalogueCollection, village: number) =>
  req.payload.find({
    collection,
    where: { village: { equals: village } },
    sort: 'id',
    pagination: false,
    depth: 0,
    locale: DEFAULT_LOCALE,
    overrideAccess: true,
    req,
  })

/**
 * Copies a collection of the catalogue from one village into another, every language of it (Payload's duplicate,
 * which gives array rows new ids), keeping slugs; each copy is adopted from its original and follows it
 * (cms/villages/adoption.ts). Documents the new village already has (by slug, a zone by name) are not copied again.
 * Returns how many were copied.
 */
export const copyCatalogue = async (req: PayloadRequest, collection: CatalogueCollection, { from, to }: Route, copies: VillageCopies) => {
  const existing = new Map((await allOf(req, collection, to)).docs.map((doc) => [keyOf(doc), doc.id]))
  let copied = 0
  for (const doc of (await allOf(req, collection, from)).docs) {
    const already = existing.get(keyOf(doc))
    if (already !== undefined) {
      copies.record(collection, doc.id, already)
      continue
    }
    const copy = await req.payload.duplicate({
      collection,
      id: doc.id,
      data: { village: to, adoptedFrom: doc.id, followsTemplate: true, ...changesOf(doc, copies) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    copies.record(collection, doc.id, copy.id)
    copied += 1
  }
  return copied
}
