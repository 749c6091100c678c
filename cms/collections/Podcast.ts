import type { CollectionConfig, PayloadRequest } from 'payload'
import sharp from 'sharp'
import { anyone, isEditor, nobody } from '../access'
import { httpUrlField } from '../fields/url'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { publicFiles } from '../lib/objectStorage'
import { APPLE_CATEGORIES } from '../podcast/categories'
import { artworkProblem } from '../podcast/artwork'
import { PODCAST_LICENSES } from '../podcast/licenses'

/** Checks the chosen picture against Apple's artwork rules, from the stored file itself. */
const validateArtwork = async (value: unknown, { req }: { req: PayloadRequest }) => {
  if (!value) return localize(req, { code: 'artwork.required' })
  const id = typeof value === 'object' ? (value as { id: number }).id : value
  const media = await req.payload.findByID({ collection: 'media', id: id as number, depth: 0, req, overrideAccess: true }).catch(() => null)
  if (!media?.filename) return localize(req, { code: 'artwork.missing' })
  const bytes = await publicFiles().read(media.filename)
  if (!bytes) return localize(req, { code: 'artwork.missing' })
  const meta = await sharp(bytes).metadata()
  const problem = artworkProblem({ width: meta.width, height: meta.height, format: meta.format, space: meta.space })
  return problem ? localize(req, problem) : true
}

/** The show: what directories (Apple Podcasts, Spotify, Podcast Index) read at the top of the feed. */
export const Podcast: CollectionConfig = {
  slug: 'podcast',
  labels: { singular: L('Acara podcast', 'Podcast show'), plural: L('Acara podcast', 'Podcast show') },
  admin: { group: L('Podcast', 'Podcast'), useAsTitle: 'title' },
  access: { read: anyone, create: isEditor, update: isEditor, delete: nobody },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: L('Judul acara', 'Show title') },
    { name: 'description', type: 'textarea', required: true, localized: true, maxLength: 4000, label: L('Deskripsi', 'Description') },
    {
      name: 'artwork',
      type: 'upload',
      relationTo: 'media',
      required: true,
      label: L('Gambar sampul', 'Artwork'),
      validate: validateArtwork,
      admin: {
        description: L('Persegi, 1400–3000 piksel, JPEG atau PNG, warna RGB.', 'Square, 1400–3000 pixels, JPEG or PNG, RGB colour.'),
      },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'id',
      label: L('Bahasa', 'Language'),
      options: [
        { value: 'id', label: 'Bahasa Indonesia' },
        { value: 'en', label: 'English' },
      ],
    },
    {
      name: 'category',
      type: 'select',
      required: true,
      defaultValue: 'Government',
      label: L('Kategori Apple Podcasts', 'Apple Podcasts category'),
      options: APPLE_CATEGORIES.map((c) => ({ value: c, label: c })),
    },
    { name: 'explicit', type: 'checkbox', defaultValue: false, label: L('Konten eksplisit', 'Explicit content') },
    {
      name: 'type',
      type: 'select',
      required: true,
      defaultValue: 'episodic',
      label: L('Jenis acara', 'Show type'),
      options: [
        { value: 'episodic', label: L('Episodik (terbaru dulu)', 'Episodic (newest first)') },
        {
          value: 'serial',
          label: L('Berseri (urut dari awal; setiap episode wajib bernomor)', 'Serial (in order; every episode needs a number)'),
        },
      ],
    },
    { name: 'author', type: 'text', label: L('Pembuat', 'Author') },
    {
      type: 'row',
      fields: [
        { name: 'ownerName', type: 'text', required: true, label: L('Nama pemilik', 'Owner name') },
        { name: 'ownerEmail', type: 'email', required: true, label: L('Email pemilik', 'Owner email') },
      ],
    },
    {
      name: 'hosts',
      type: 'array',
      label: L('Pembawa acara', 'Hosts'),
      labels: { singular: L('Pembawa acara', 'Host'), plural: L('Pembawa acara', 'Hosts') },
      admin: { description: L('Disebut di feed sebagai podcast:person (host).', 'Named in the feed as podcast:person (host).') },
      fields: [{ name: 'name', type: 'text', required: true, label: L('Nama', 'Name') }],
    },
    { name: 'copyright', type: 'text', label: L('Hak cipta', 'Copyright') },
    {
      name: 'license',
      type: 'select',
      label: L('Lisensi', 'Licence'),
      admin: { description: L('Lisensi isi acara (podcast:license).', "The show's content licence (podcast:license).") },
      options: Object.keys(PODCAST_LICENSES).map((value) => ({ value, label: value })),
    },
    {
      name: 'locked',
      type: 'checkbox',
      defaultValue: true,
      label: L('Kunci feed (cegah pemindahan tanpa izin)', 'Lock the feed (prevents unauthorised moves)'),
    },
    {
      name: 'links',
      type: 'group',
      label: L('Tautan langganan', 'Subscribe links'),
      fields: [
        httpUrlField({ name: 'apple', label: L('Apple Podcasts', 'Apple Podcasts') }),
        httpUrlField({ name: 'spotify', label: L('Spotify', 'Spotify') }),
        httpUrlField({ name: 'youtube', label: L('YouTube', 'YouTube') }),
      ],
    },
  ],
}
