import type { Episode, Media, Podcast, PodcastAudio, Transcript } from '../../cms/payload-types'
import { AUDIO_TYPES } from '../../cms/podcast/audio'
import { buildFeed, type FeedEpisode } from '../../cms/podcast/feed'
import { PODCAST_LICENSES } from '../../cms/podcast/licenses'
import { translate } from '../i18n/ui'
import type { Cue } from '../../cms/podcast/webvtt'
import { DEFAULT_LOCALE, localePath, type Locale } from '../i18n/locales'
import { mediaUrl } from './images'
import { cachedRead } from '../../cms/page-cache/cachedRead'
import { asAnonymous, byKey, payload } from './payload'
import { readAs, type Reader } from './preview'
import { richTextToHtml } from './richtext'
import { populated } from '../../cms/lib/relation'
import { podcastOf, settingsOf } from '../../cms/villages/settings'

export type Show = Podcast
type EpisodeDoc = Episode
export type EpisodeCard = Pick<
  Episode,
  'id' | 'slug' | 'title' | 'summary' | 'publishedAt' | 'season' | 'episodeNumber' | 'episodeType' | 'audio'
>

/** Public URL of an episode's audio or transcript (stored under MEDIA_DIR/audio, MEDIA_DIR/transcripts). */
export const audioUrl = (audio: PodcastAudio) => `/media/audio/${encodeURIComponent(audio.filename!)}`
export const transcriptUrl = (transcript: Transcript) => `/media/transcripts/${encodeURIComponent(transcript.filename!)}`

export const asAudio = (value: Episode['audio'] | null | undefined): PodcastAudio | null => populated(value)
export const asTranscript = (value: Episode['transcript']): Transcript | null => populated(value)
export const transcriptCues = (transcript: Transcript | null): Cue[] => (Array.isArray(transcript?.cues) ? (transcript.cues as Cue[]) : [])

/** The village's show, or null until its media team describes one. */
export const getShow = (locale: Locale): Promise<Show | null> =>
  cachedRead(`podcast:${locale}`, async () => podcastOf(await payload(), null, { locale, ...asAnonymous }))

export const listEpisodes = (locale: Locale, limit = 50): Promise<EpisodeCard[]> =>
  cachedRead(
    `episodes:${locale}:${limit}`,
    async () =>
      (
        await (
          await payload()
        ).find({
          collection: 'episodes',
          locale,
          sort: '-publishedAt',
          limit,
          depth: 1,
          select: {
            slug: true,
            title: true,
            summary: true,
            publishedAt: true,
            season: true,
            episodeNumber: true,
            episodeType: true,
            audio: true,
          },
          ...asAnonymous,
        })
      ).docs,
  )

export const getEpisode = (slug: string, locale: Locale, reader: Reader = null): Promise<EpisodeDoc | null> => {
  const read = async () => {
    const { docs } = await (
      await payload()
    ).find({ collection: 'episodes', locale, where: { slug: { equals: slug } }, limit: 1, depth: 1, ...readAs(reader), ...byKey })
    return docs[0] ?? null
  }
  // An editor's preview reads drafts as that editor: never kept for anyone else.
  return reader ? read() : cachedRead(`episode:${locale}:${slug}`, read)
}

const imageUrl = (origin: string, media: Media | number | null | undefined) =>
  media && typeof media === 'object' && media.filename ? origin + mediaUrl(media.filename) : null

/**
 * /podcast/feed.xml in the show's language, with absolute URLs on `origin`, and when it last changed (the show,
 * an episode or the village it is about).
 */
export const podcastFeed = async (origin: string): Promise<{ xml: string; lastModified: Date } | null> => {
  const p = await payload()
  const [show, settings] = await Promise.all([podcastOf(p, null, asAnonymous), settingsOf(p, null, { depth: 0, ...asAnonymous })])
  const showImage = imageUrl(origin, show?.artwork)
  if (!show || !showImage) return null
  const locale = show.language ?? 'id'
  const { docs } = await p.find({ collection: 'episodes', locale, sort: '-publishedAt', pagination: false, depth: 1, ...asAnonymous })
  const episodes: FeedEpisode[] = []
  for (const episode of docs) {
    const audio = asAudio(episode.audio)
    if (!audio?.filename || !audio.filesize || !episode.guid) continue
    const transcript = asTranscript(episode.transcript)
    const link = origin + localePath(locale, `/podcast/${episode.slug}`)
    episodes.push({
      guid: episode.guid,
      title: episode.title,
      link,
      descriptionHtml: richTextToHtml(episode.notes, locale) || `<p>${episode.summary ?? ''}</p>`,
      publishedAt: new Date(episode.publishedAt ?? episode.createdAt),
      audio: {
        url: origin + audioUrl(audio),
        bytes: audio.filesize,
        type: AUDIO_TYPES[audio.mimeType ?? ''] ?? 'audio/mpeg',
        seconds: audio.duration ?? 0,
      },
      imageUrl: imageUrl(origin, episode.artwork),
      explicit: Boolean(episode.explicit),
      season: episode.season,
      episode: episode.episodeNumber,
      episodeType: episode.episodeType,
      transcriptUrl: transcript?.filename ? origin + transcriptUrl(transcript) : null,
      chaptersUrl: episode.chapters?.length ? `${link}/chapters.json` : null,
      guests: (episode.guests ?? []).map((g) => g.name),
    })
  }
  const changes = [show.updatedAt, settings.updatedAt, ...docs.map((d) => d.updatedAt)].filter((d): d is string => Boolean(d))
  const lastModified = new Date(Math.max(...changes.map((d) => Date.parse(d))))
  const xml = buildFeed(
    {
      title: show.title,
      description: show.description,
      siteUrl: origin + localePath(locale, '/podcast'),
      feedUrl: origin + localePath(DEFAULT_LOCALE, '/podcast/feed.xml'),
      imageUrl: showImage,
      language: locale,
      category: show.category,
      explicit: Boolean(show.explicit),
      type: show.type,
      author: show.author,
      ownerName: show.ownerName,
      ownerEmail: show.ownerEmail,
      copyright: show.copyright,
      locked: Boolean(show.locked),
      hosts: (show.hosts ?? []).map((h) => h.name),
      location: {
        name: [settings.name, settings.kabupaten, settings.provinsi].filter(Boolean).join(', '),
        latitude: settings.latitude,
        longitude: settings.longitude,
      },
      funding: { url: origin + localePath(locale, '/produk'), text: translate(locale, 'podcast.funding') },
      license: show.license ? { id: show.license, url: PODCAST_LICENSES[show.license] } : null,
    },
    episodes,
  )
  return { xml, lastModified }
}
