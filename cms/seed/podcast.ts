import path from 'node:path'
import { readJson, type Json, type SeedContext } from './context'
import { localizeTree } from './localizeTree'
import { ensureUpload, upsertPublished } from './upsert'

/** The podcast show and its episodes from content/podcast/: real audio, WebVTT transcripts, chapters. */
export const seedPodcast = async ({ payload, contentDir, log, markdown }: SeedContext) => {
  const dir = path.join(contentDir, 'podcast')
  const show = readJson(path.join(dir, 'show.json'))
  const artwork = await ensureUpload(payload, {
    collection: 'media',
    file: path.join(dir, show.artwork),
    filename: show.artwork,
    alt: show.artworkAlt,
  })
  for (const locale of ['id', 'en'] as const) {
    const { artworkAlt: _alt, ...data } = localizeTree(show, locale) as Json
    await payload.updateGlobal({ slug: 'podcast', data: { ...data, artwork }, locale, overrideAccess: true })
  }
  log('podcast: show')

  const episodes = readJson(path.join(dir, 'episodes.json')) as unknown as Json[]
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
      where: { slug: { in: episode.relatedArticles } },
      overrideAccess: true,
      depth: 0,
    })
    await upsertPublished(payload, 'episodes', episode.slug, (locale, stored) => {
      const text = localizeTree(episode, locale, stored) as Json
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
