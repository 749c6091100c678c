import { randomUUID } from 'node:crypto'
import type { CollectionConfig, PayloadRequest } from 'payload'
import { isEditor, publishedOrEditor } from '../access'
import { publishedAtField, schedulePublishButton, scheduledDrafts } from '../fields/publishing'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { sitePreviewUrl } from '../lib/preview'
import { requireDefaultLocaleToPublish } from '../hooks/defaultLocaleToPublish'
import { chaptersProblem, type ChapterRow } from '../podcast/chapters'
import type { Episode } from '../payload-types'
import { podcastOf } from '../villages/settings'
import { documentPath } from '../lib/documentPaths'
import { countVillageOnChange } from '../regency/statistics'

/** Apple asks for titles without numbering: numbers belong in the episode and season fields. */
const NUMBERED_TITLE = /^\s*(?:episode|episod|eps?\.?|ep\.|#)\s*\d+/i

/** Podcast episodes on /podcast and in /podcast/feed.xml. */
export const Episodes: CollectionConfig = {
  slug: 'episodes',
  labels: { singular: L('Episode', 'Episode'), plural: L('Episode', 'Episodes') },
  admin: {
    useAsTitle: 'title',
    group: L('Podcast', 'Podcast'),
    defaultColumns: ['title', 'episodeNumber', 'publishedAt', '_status'],
    components: { edit: schedulePublishButton },
    preview: (doc, { locale, req }) => sitePreviewUrl(req.payload, doc.village, documentPath('episodes', String(doc.slug)), locale),
  },
  defaultSort: '-publishedAt',
  versions: scheduledDrafts,
  access: { read: publishedOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeChange: [requireDefaultLocaleToPublish('episodes', [{ name: 'title', label: L('Judul', 'The title') }])],
    afterChange: [countVillageOnChange.afterChange],
    afterDelete: [countVillageOnChange.afterDelete],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      label: L('Judul', 'Title'),
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        !value
          ? localize(req, { code: 'episode.titleRequired' })
          : NUMBERED_TITLE.test(String(value))
            ? localize(req, { code: 'episode.numberedTitle' })
            : true,
    },
    slugField('title'),
    {
      type: 'row',
      fields: [
        { name: 'season', type: 'number', min: 1, label: L('Musim', 'Season') },
        {
          name: 'episodeNumber',
          type: 'number',
          min: 1,
          label: L('Nomor episode', 'Episode number'),
          // Serial shows are listed in order, so Apple needs a number on every episode.
          validate: async (value: unknown, { req, data }: { req: PayloadRequest; data: Partial<Episode> }) => {
            if (value) return true
            const show = await podcastOf(req.payload, data.village, { depth: 0, req })
            return show?.type === 'serial' ? localize(req, { code: 'episode.numberRequired' }) : true
          },
        },
        {
          name: 'episodeType',
          type: 'select',
          required: true,
          defaultValue: 'full',
          label: L('Jenis episode', 'Episode type'),
          options: [
            { value: 'full', label: L('Lengkap', 'Full') },
            { value: 'trailer', label: L('Cuplikan (trailer)', 'Trailer') },
            { value: 'bonus', label: L('Bonus', 'Bonus') },
          ],
        },
      ],
    },
    {
      name: 'audio',
      type: 'upload',
      relationTo: 'podcast-audio',
      required: true,
      label: L('Audio (MP3 atau M4A)', 'Audio (MP3 or M4A)'),
    },
    { name: 'summary', type: 'textarea', localized: true, maxLength: 400, label: L('Ringkasan singkat', 'Short summary') },
    { name: 'notes', type: 'richText', localized: true, label: L('Catatan episode', 'Show notes') },
    { name: 'artwork', type: 'upload', relationTo: 'media', label: L('Gambar episode', 'Episode artwork') },
    {
      name: 'guests',
      type: 'array',
      label: L('Tamu', 'Guests'),
      labels: { singular: L('Tamu', 'Guest'), plural: L('Tamu', 'Guests') },
      fields: [
        { name: 'name', type: 'text', required: true, label: L('Nama', 'Name') },
        { name: 'role', type: 'text', localized: true, label: L('Peran', 'Role') },
      ],
    },
    { name: 'transcript', type: 'upload', relationTo: 'transcripts', label: L('Transkrip (WebVTT)', 'Transcript (WebVTT)') },
    {
      name: 'chapters',
      type: 'array',
      label: L('Bab', 'Chapters'),
      labels: { singular: L('Bab', 'Chapter'), plural: L('Bab', 'Chapters') },
      validate: (rows: unknown, { req }: { req: PayloadRequest }) => {
        const problem = chaptersProblem(rows as ChapterRow[])
        return problem ? localize(req, problem) : true
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'start', type: 'text', required: true, label: L('Mulai (m:dd)', 'Start (m:ss)'), admin: { width: '25%' } },
            { name: 'title', type: 'text', required: true, localized: true, label: L('Judul bab', 'Chapter title') },
          ],
        },
      ],
    },
    { name: 'relatedArticles', type: 'relationship', relationTo: 'news', hasMany: true, label: L('Berita terkait', 'Related articles') },
    {
      name: 'relatedProducts',
      type: 'relationship',
      relationTo: 'products',
      hasMany: true,
      label: L('Produk terkait', 'Related products'),
    },
    {
      name: 'explicit',
      type: 'checkbox',
      defaultValue: false,
      label: L('Konten eksplisit', 'Explicit content'),
      admin: { position: 'sidebar' },
    },
    publishedAtField,
    {
      name: 'guid',
      type: 'text',
      index: true,
      label: L('GUID', 'GUID'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: L('Ditetapkan saat pertama terbit dan tidak pernah berubah.', 'Set at first publication and never changed.'),
      },
      hooks: {
        // Whatever is sent, the stored GUID wins; a first publication creates it.
        beforeChange: [
          ({ originalDoc, data, siblingData }) =>
            originalDoc?.guid || ((data?._status ?? siblingData?._status) === 'published' ? randomUUID() : null),
        ],
      },
    },
  ],
}
