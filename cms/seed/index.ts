import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { reindexAll } from '../search/sync'
import { config } from '../lib/config'
import { inVillage } from '../villages/current'
import { FIRST_VILLAGE, oldestVillage } from '../villages/firstVillage'
import { settingsOf } from '../villages/settings'
import { seedRegency } from './regency'
import type { SeedContext } from './context'
import { seedSearch } from './search'
import { seedNews } from './news'
import { seedPodcast } from './podcast'
import { seedShop } from './shop'
import { seedServices } from './services'
import { seedVillage } from './village'

// Each feature seeds its demo content from content/; they run in this order.
const seeders: ((context: SeedContext) => Promise<void>)[] = [seedVillage, seedSearch, seedNews, seedPodcast, seedShop, seedServices]

/**
 * The install is empty when it has its one village, still named as a new install names it, and no profile page (a
 * regency that added villages has begun, even before any content).
 */
export const isEmpty = async (payload: Payload) => {
  const [villages, pages] = await Promise.all([
    payload.count({ collection: 'villages', overrideAccess: true }),
    payload.count({ collection: 'pages', overrideAccess: true }),
  ])
  if (villages.totalDocs !== 1 || pages.totalDocs) return false
  return (await settingsOf(payload, null, { depth: 0 })).name === FIRST_VILLAGE.name
}

/** Loads the demo village (and with DEMO_REGENCY=1 its regency) from `contentDir`. Idempotent: running it again updates in place. */
export const seed = async (payload: Payload, { contentDir, log = console.log }: { contentDir: string; log?: (m: string) => void }) => {
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const markdown = (text: string) => convertMarkdownToLexical({ editorConfig, markdown: text })
  const context = { payload, contentDir, log, markdown }
  // The demo village's documents are matched within it, also once the regency's villages exist.
  await inVillage(await oldestVillage(payload), async () => {
    for (const seeder of seeders) await seeder(context)
  })
  if (config().demoRegency) await seedRegency(context)
  // Searchable (and the catalog browsable) at once, without waiting for the queued sync jobs.
  const { total } = await reindexAll(payload)
  log(`search: ${total} documents indexed`)
}
