import path from 'node:path'
import type { RequiredDataFromCollectionSlug } from 'payload'
import { podcastOf } from '../villages/settings'
import { readJson, type SeedContext } from './context'
import { localizeTree, type Bilingual } from './localizeTree'
import { ensureUpload, upsertPublished } from './upsert'
import { inRequestVillage } from '../villages/scope'

/** content/podcast/show.json: the village's podcast show as the CMS stores it, its artwork by file name. */
type Show = { artwork: string; artworkAlt: Bilingual; [field: string]: unknown }
/** An episode of content/podcast/episodes.json; its audio and transcript are named after its slug. */
type Episode = { slug: string; notes: Bilingual; relatedArticles: string[]; [field: string]: unknown }

/** The podcast show and its episodes from content/podcast/: real audio, WebVTT transcripts, chapters. */
export const seedPodcast = async ({ payload, contentDir, log, markdown }: SeedContext) => {
  const dir = path.join(contentDir, 'podcast')
  const show = readJson<Show>(path.join(dir, 'show.json'))
  const artwork = await ensureUpload(payload, {
    collection: 'media',
    file: path.join(dir, show.artwork),
    filename: show.artwork,
    alt: show.artworkAlt,
  })
  let stored = await podcastOf(payload, null, { depth: 0 })
  for (const locale of ['id', 'en'] as const) {
    const { artworkAlt: _alt, ...localized } = localizeTree(show, locale)
    const data = { ...localized, artwork } as RequiredDataFromCollectionSlug<'podcast'>
    stored = stored
      ? await payload.update({ collection: 'podcast', id: stored.id, data, locale, overrideAccess: true })
      : await payload.create({ collection: 'podcast', data, locale, overrideAccess: true })
  }
  log('podcast: show')

  const episodes = readJson<Episode[]>(path.join(dir, 'episodes.json'))
  for (const [i, episode] of episodes.entries()) {
    const audio = await ensureUpload(payload, {
      collection: 'podcast-audio',
      file: path.join(dir, 'audio', `${episode.slug}.mp3`),
      filename: `${episode.slug}.mp3`,
    })
    const transcript = await ensureUpload(payload, {
      collection: 'transcripts',
      file: path.join(dir, 'transcripts', `${episode.slug}.vtt`),
      filename: `${episode.slug}.vtt`,
    })
    const related = await payload.find({
      collection: 'news',
      where: await inRequestVillage(payload, { slug: { in: episode.relatedArticles } }),
      overrideAccess: true,
      depth: 0,
    })
    await upsertPublished(payload, 'episodes', episode.slug, (locale, stored) => {
      const text = localizeTree(episode, locale, stored)
      return {
        ...text,
        notes: markdown(text.notes),
        audio,
        transcript,
        artwork,
        relatedArticles: related.docs.map((d) => d.id),
      }
    })
    log(`podcast ${i + 1}/${episodes.length}: ${episode.slug}`)
  }
}
