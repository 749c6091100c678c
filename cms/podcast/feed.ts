import { escapeXml, rfc2822 } from '../lib/xml'
import { podcastGuid } from './guid'

/** Everything the feed says about the show, already resolved to absolute URLs. */
export type FeedShow = {
  title: string
  description: string
  siteUrl: string
  feedUrl: string
  imageUrl: string
  language: string
  category: string
  explicit: boolean
  type: 'episodic' | 'serial'
  author?: string | null
  ownerName: string
  ownerEmail: string
  copyright?: string | null
  locked: boolean
  /** Named as `podcast:person role="host"`. */
  hosts?: string[]
  /** The place the show is about (`podcast:location`), with its position when known. */
  location?: { name: string; latitude?: number | null; longitude?: number | null } | null
  /** Where listeners can support the show (`podcast:funding`): the village shop. */
  funding?: { url: string; text: string } | null
  /** An SPDX licence identifier and its text (`podcast:license`). */
  license?: { id: string; url: string } | null
}

export type FeedEpisode = {
  guid: string
  title: string
  link: string
  /** HTML of the show notes; only p, ol, ul, li and a survive into the feed. */
  descriptionHtml: string
  publishedAt: Date
  audio: { url: string; bytes: number; type: string; seconds: number }
  imageUrl?: string | null
  explicit: boolean
  season?: number | null
  episode?: number | null
  episodeType: 'full' | 'trailer' | 'bonus'
  transcriptUrl?: string | null
  chaptersUrl?: string | null
  /** Named as `podcast:person role="guest"`. */
  guests?: string[]
}

const MAX_DESCRIPTION_BYTES = 4000

const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

/** Keeps the tags Apple allows in descriptions (p, ol, ul, li, a with href) and drops every other tag. */
export const feedHtml = (html: string) =>
  html.replace(/<\/?([a-z0-9]+)([^>]*)>/gi, (tag, name: string, attrs: string) => {
    const lower = name.toLowerCase()
    if (!['p', 'ol', 'ul', 'li', 'a'].includes(lower)) return ''
    if (tag.startsWith('</')) return `</${lower}>`
    const href = lower === 'a' ? /href="([^"]*)"/i.exec(attrs)?.[1] : undefined
    return href ? `<a href="${href}">` : `<${lower}>`
  })

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
export const truncateBytes = (text: string, max = MAX_DESCRIPTION_BYTES) => {
  if (Buffer.byteLength(text) <= max) return text
  let out = text
  while (Buffer.byteLength(out + '…') > max) out = out.slice(0, -1)
  return out + '…'
}

const tag = (name: string, value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '' : `<${name}>${escapeXml(String(value))}</${name}>`

const person = (role: 'host' | 'guest') => (name: string) => `<podcast:person role="${role}">${escapeXml(name)}</podcast:person>`

const item = (language: string) => (ep: FeedEpisode) =>
  [
    '<item>',
    tag('title', ep.title),
    tag('itunes:title', ep.title),
    `<description>${cdata(truncateBytes(feedHtml(ep.descriptionHtml)))}</description>`,
    tag('link', ep.link),
    `<guid isPermaLink="false">${escapeXml(ep.guid)}</guid>`,
    tag('pubDate', rfc2822(ep.publishedAt)),
    `<enclosure url="${escapeXml(ep.audio.url)}" length="${ep.audio.bytes}" type="${escapeXml(ep.audio.type)}"/>`,
    tag('itunes:duration', ep.audio.seconds),
    ep.imageUrl ? `<itunes:image href="${escapeXml(ep.imageUrl)}"/>` : '',
    tag('itunes:explicit', ep.explicit ? 'true' : 'false'),
    ep.season ? tag('itunes:season', ep.season) : '',
    ep.episode ? tag('itunes:episode', ep.episode) : '',
    tag('itunes:episodeType', ep.episodeType),
    ep.episode ? tag('podcast:episode', ep.episode) : '',
    ep.transcriptUrl ? `<podcast:transcript url="${escapeXml(ep.transcriptUrl)}" type="text/vtt" language="${escapeXml(language)}"/>` : '',
    ep.chaptersUrl ? `<podcast:chapters url="${escapeXml(ep.chaptersUrl)}" type="application/json+chapters"/>` : '',
    ...(ep.guests ?? []).map(person('guest')),
    '</item>',
  ].join('')

/**
 * The RSS 2.0 podcast feed with the itunes, content and podcast namespaces. Episodic shows list the
 * newest first; serial shows list episodes in order and leave out those without an episode number.
 */
export const buildFeed = (show: FeedShow, episodes: FeedEpisode[]): string => {
  const listed =
    show.type === 'serial'
      ? episodes.filter((e) => e.episode).sort((a, b) => (a.season ?? 0) - (b.season ?? 0) || a.episode! - b.episode!)
      : [...episodes].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
  const newest = episodes.reduce<Date | null>((d, e) => (!d || e.publishedAt > d ? e.publishedAt : d), null)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    tag('title', show.title),
    `<description>${cdata(truncateBytes(show.description))}</description>`,
    tag('link', show.siteUrl),
    `<atom:link href="${escapeXml(show.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    tag('language', show.language),
    show.copyright ? tag('copyright', show.copyright) : '',
    newest ? tag('lastBuildDate', rfc2822(newest)) : '',
    `<itunes:image href="${escapeXml(show.imageUrl)}"/>`,
    `<image>${tag('url', show.imageUrl)}${tag('title', show.title)}${tag('link', show.siteUrl)}</image>`,
    `<itunes:category text="${escapeXml(show.category)}"/>`,
    tag('itunes:explicit', show.explicit ? 'true' : 'false'),
    tag('itunes:author', show.author || show.ownerName),
    `<itunes:owner>${tag('itunes:name', show.ownerName)}${tag('itunes:email', show.ownerEmail)}</itunes:owner>`,
    tag('itunes:type', show.type),
    tag('podcast:guid', podcastGuid(show.feedUrl)),
    `<podcast:locked owner="${escapeXml(show.ownerEmail)}">${show.locked ? 'yes' : 'no'}</podcast:locked>`,
    ...(show.hosts ?? []).map(person('host')),
    show.location
      ? `<podcast:location${typeof show.location.latitude === 'number' && typeof show.location.longitude === 'number' ? ` geo="geo:${show.location.latitude},${show.location.longitude}"` : ''}>${escapeXml(show.location.name.slice(0, 128))}</podcast:location>`
      : '',
    show.funding
      ? `<podcast:funding url="${escapeXml(show.funding.url)}">${escapeXml(show.funding.text.slice(0, 128))}</podcast:funding>`
      : '',
    show.license ? `<podcast:license url="${escapeXml(show.license.url)}">${escapeXml(show.license.id)}</podcast:license>` : '',
    ...listed.map(item(show.language)),
    '</channel>',
    '</rss>\n',
  ].join('')
}
