import path from 'node:path'
import { readJson, type SeedContext } from './context'

/** Starter synonym groups for search from content/search/synonyms.json; matched by their first word. */
export const seedSearch = async ({ payload, contentDir, log }: SeedContext) => {
  const groups = readJson<string[][]>(path.join(contentDir, 'search', 'synonyms.json'))
  for (const terms of groups) {
    const { docs } = await payload.find({
      collection: 'search-synonyms',
      where: { terms: { in: [terms[0]] } },
      limit: 1,
      overrideAccess: true,
    })
    if (docs[0]) await payload.update({ collection: 'search-synonyms', id: docs[0].id, data: { terms }, overrideAccess: true })
    else await payload.create({ collection: 'search-synonyms', data: { terms }, overrideAccess: true })
  }
  log(`search: ${groups.length} synonym groups`)
}
