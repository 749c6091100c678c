import type { Payload } from 'payload'
import { isMongo, sqliteExecute } from '../lib/rawDb'
import { isUniqueClash } from '../lib/uniqueClash'
import { slugify } from '../lib/slugify'

/** Whether the villages are stored yet: a SQLite database that migrations build gets them from its migration. */
const villagesStored = async (payload: Payload) =>
  isMongo(payload) ||
  (await sqliteExecute(payload, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'villages'", [])).length > 0

/**
 * An install always has a village: a new one gets its first at start, named after the settings (an upgraded one
 * gets it from its migration, which takes the one made here if there is one). Several instances starting at once
 * create it once (the slug is unique).
 */
export const ensureAVillage = async (payload: Payload) => {
  if (!(await villagesStored(payload))) return
  const { totalDocs } = await payload.count({ collection: 'villages', overrideAccess: true })
  if (totalDocs) return
  const settings = await payload.findGlobal({ slug: 'settings', depth: 0, overrideAccess: true })
  const name = settings.name || 'Desa'
  try {
    await payload.create({ collection: 'villages', data: { name, slug: slugify(name) || 'desa', status: 'active' }, overrideAccess: true })
  } catch (err) {
    if (!isUniqueClash(err, 'slug')) throw err
  }
}
