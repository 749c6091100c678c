import type { Cue } from '../../podcast/webvtt'
import { richTextToPlain } from './plainText'
import { documentId, type SearchSource } from './types'
import { documentPath } from '../../lib/documentPaths'

/** Podcast episodes: title, show notes and what is said in them (the transcript). */
export const episodesSource: SearchSource<'episodes'> = {
  collection: 'episodes',
  index: 'episodes',
  depth: 1,
  toDocument: (episode, locale) => {
    // A JSON field: the cues the transcript's upload hook parsed from its WebVTT file.
    const cues =
      episode.transcript && typeof episode.transcript === 'object' && Array.isArray(episode.transcript.cues)
        ? (episode.transcript.cues as Cue[])
        : []
    return {
      id: documentId(episode.id, locale),
      locale,
      title: episode.title ?? '',
      path: documentPath('episodes', episode.slug),
      summary: episode.summary ?? '',
      notes: [episode.summary, richTextToPlain(episode.notes)].filter(Boolean).join('\n\n'),
      transcript: cues.map((cue) => cue.text).join(' '),
      publishedAt: episode.publishedAt ?? undefined,
    }
  },
}
