import type { Payload } from 'payload'
import { isMongo, sqliteExecute } from '../lib/rawDb'
import { isUniqueClash } from '../lib/uniqueClash'
import type { VillageRef } from './current'

/** Whether the villages are stored yet: a SQLite database that migrations build gets them from its migration. */
const villagesStored = async (payload: Payload) =>
  isMongo(payload) ||
  (await sqliteExecute(payload, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'villages'", [])).length > 0

/**
 * An install always has a village: a new one gets its first at start, with its settings (cms/villages/settings.ts),
 * which its administrator names (an upgraded one gets it from its migration). Several instances starting at once
 * create it once (the slug is unique).
 */
/** The village a new install starts with, until its administrator names it in its settings. */
export const FIRST_VILLAGE = { name: 'Desa', slug: 'desa' } as const

export const ensureAVillage = async (payload: Payload) => {
  if (!(await villagesStored(payload))) return
  const { totalDocs } = await payload.count({ collection: 'villages', overrideAccess: true })
  if (totalDocs) return
  try {
    await payload.create({ collection: 'villages', data: { ...FIRST_VILLAGE, status: 'active' }, overrideAccess: true })
  } catch (err) {
    if (!isUniqueClash(err, 'slug')) throw err
  }
}

/** The install's first village: the one it had before it served several, where its demo content lives. */
export const oldestVillage = async (payload: Payload): Promise<VillageRef> => {
  const { docs } = await payload.find({
    collection: 'villages',
    sort: 'id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { slug: true },
  })
  if (!docs[0]) throw new Error('The install has no village yet: it gets one when Payload starts.')
  return { id: docs[0].id, slug: docs[0].slug }
}
