import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'
import { storedNameOf } from '../hooks/contentHashedName'
import { inRequestVillage } from '../villages/scope'

type Upload = { collection: 'media' | 'podcast-audio' | 'transcripts'; file: string; filename: string; alt?: { id: string; en: string } }

/** An uploaded file matched by its stored (content-hashed) name: created once, its alt text updated in both languages. */
export const ensureUpload = async (payload: Payload, { collection, file, filename, alt }: Upload): Promise<number> => {
  const stored = storedNameOf(filename, readFileSync(file))
  const found = await payload.find({
    collection,
    where: await inRequestVillage(payload, { filename: { equals: stored } }),
    limit: 1,
    overrideAccess: true,
    depth: 0,
  })
  const id =
    found.docs[0]?.id ??
    (await payload.create({ collection, data: alt ? { alt: alt.id } : {}, filePath: file, locale: 'id', overrideAccess: true })).id
  if (alt) await payload.update({ collection: 'media', id, data: { alt: alt.en }, locale: 'en', overrideAccess: true })
  return id
}

type Slugged = 'news' | 'episodes' | 'categories' | 'tags'

/**
 * A published document matched by slug, written in Indonesian then English. `build` gets the stored
 * document (or undefined) so array rows keep their ids across languages.
 */
export const upsertPublished = async (
  payload: Payload,
  collection: Slugged,
  slug: string,
  build: (locale: 'id' | 'en', stored?: unknown) => Record<string, unknown>,
) => {
  const found = await payload.find({
    collection,
    where: await inRequestVillage(payload, { slug: { equals: slug } }),
    limit: 1,
    overrideAccess: true,
    draft: true,
    depth: 0,
  })
  const data = { ...build('id'), ...(collection === 'news' || collection === 'episodes' ? { _status: 'published' } : {}) }
  // Seed data for one of several collections cannot be typed as any one of them; Payload validates it on save.
  const stored = found.docs[0]
    ? await payload.update({
        collection,
        id: found.docs[0].id,
        data: data as never,
        locale: 'id',
        overrideAccess: true,
        draft: false,
        depth: 0,
      })
    : await payload.create({ collection, data: data as never, locale: 'id', overrideAccess: true, draft: false, depth: 0 })
  const en = { ...build('en', stored), ...(collection === 'news' || collection === 'episodes' ? { _status: 'published' } : {}) }
  await payload.update({ collection, id: stored.id, data: en as never, locale: 'en', overrideAccess: true, depth: 0 })
  return stored.id
}
