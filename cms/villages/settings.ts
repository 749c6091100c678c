import type { CollectionAfterChangeHook, Payload, PayloadRequest } from 'payload'
import type { Podcast, Setting, Village } from '../payload-types'
import { idOf } from '../lib/relation'
import type { VillageId } from './current'
import { villageInScope } from './resolve'

/** How a village's document is read: in which language, how deep, with whose rights (full access unless told). */
export type VillageDocumentRead = { locale?: 'id' | 'en' | 'all'; depth?: number; overrideAccess?: boolean; req?: PayloadRequest }

/** The village `village` names (an id or a populated village), else the village of the request or the install's only one. */
const villageOf = async (payload: Payload, village: VillageId) => {
  const id = idOf(village) ?? (await villageInScope(payload))?.id
  if (id === undefined || id === null) throw new Error('A village document was read with no village: with several villages, say which.')
  return id
}

/** The one document of `collection` that belongs to the village. */
const ofVillage = async <C extends 'settings' | 'podcast'>(
  payload: Payload,
  collection: C,
  village: VillageId,
  read: VillageDocumentRead,
) => {
  const id = await villageOf(payload, village)
  const { docs } = await payload.find({
    collection,
    where: { village: { equals: id } },
    limit: 1,
    pagination: false,
    depth: 1,
    overrideAccess: true,
    ...read,
  })
  return { id, doc: docs[0] ?? null }
}

/** A village's settings (its name, contacts, payment details, templates): every village has one from its creation. */
export const settingsOf = async (payload: Payload, village?: VillageId, read: VillageDocumentRead = {}): Promise<Setting> => {
  const { id, doc } = await ofVillage(payload, 'settings', village, read)
  if (!doc) throw new Error(`Village ${id} has no settings.`)
  return doc
}

/** A village's podcast show, or null until its media team describes one. */
export const podcastOf = async (payload: Payload, village?: VillageId, read: VillageDocumentRead = {}): Promise<Podcast | null> =>
  (await ofVillage(payload, 'podcast', village, read)).doc

/** What a village's record and its settings both name: the regency lists the one, the village edits the other. */
const IDENTITY = [
  ['name', 'name'],
  ['code', 'villageCode'],
  ['kecamatan', 'kecamatan'],
  ['kabupaten', 'kabupaten'],
] as const satisfies readonly (readonly [keyof Village, keyof Setting])[]

/** A new village gets its settings at once, named as its record is (cms/collections/Villages.ts). */
export const giveSettings: CollectionAfterChangeHook<Village> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const identity = Object.fromEntries(IDENTITY.map(([own, setting]) => [setting, doc[own] ?? undefined]))
  await req.payload.create({ collection: 'settings', data: { ...identity, name: doc.name, village: doc.id }, overrideAccess: true, req })
  return doc
}

/**
 * Saved settings carry the village's name, code and district to its record, which the villages list and the regency
 * read: a village's identity is edited in one place, its settings.
 */
export const mirrorIdentity: CollectionAfterChangeHook<Setting> = async ({ doc, operation, previousDoc, req }) => {
  const village = idOf(doc.village)
  const changed = IDENTITY.filter(([, setting]) => doc[setting] !== previousDoc?.[setting])
  if (operation === 'create' || village === null || !changed.length) return doc
  const data = Object.fromEntries(changed.map(([own, setting]) => [own, doc[setting] || null]))
  await req.payload.update({ collection: 'villages', id: village, data, overrideAccess: true, req })
  return doc
}
