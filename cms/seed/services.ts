import type { RequiredDataFromCollectionSlug } from 'payload'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { readJson, type SeedContext } from './context'
import { localizeTree } from './localizeTree'
import { inRequestVillage } from '../villages/scope'

/** A file of content/services/: the service as the CMS stores it, its letter template in Markdown. */
type ServiceContent = { slug: string; letterTemplate: string; [field: string]: unknown }

/** The service catalog from `contentDir/services/*.json`, matched by slug and updated in place. */
export const seedServices = async ({ payload, contentDir, log, markdown }: SeedContext) => {
  const dir = path.join(contentDir, 'services')
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  for (const [i, file] of files.entries()) {
    const source = readJson<ServiceContent>(path.join(dir, file))
    const inLocale = (locale: 'id' | 'en', existing?: unknown) => ({
      ...localizeTree(source, locale, existing),
      letterTemplate: markdown(source.letterTemplate),
    })
    const found = await payload.find({
      collection: 'services',
      where: await inRequestVillage(payload, { slug: { equals: source.slug } }),
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const stored = found.docs[0]
      ? await payload.update({
          collection: 'services',
          id: found.docs[0].id,
          data: inLocale('id', found.docs[0]),
          locale: 'id',
          overrideAccess: true,
        })
      : await payload.create({
          collection: 'services',
          data: inLocale('id') as RequiredDataFromCollectionSlug<'services'>,
          locale: 'id',
          overrideAccess: true,
        })
    await payload.update({ collection: 'services', id: stored.id, data: inLocale('en', stored), locale: 'en', overrideAccess: true })
    log(`services ${i + 1}/${files.length}: ${source.slug}`)
  }
}
