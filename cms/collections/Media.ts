import type { CollectionConfig, ImageSize } from 'payload'
import { anyone, canUpload, isEditorOrUploader } from '../access'
import { validateUpload } from '../hooks/validateUpload'
import { config } from '../lib/config'
import { L } from '../lib/localize'
import { notFoundUnlessStored } from '../hooks/missingFile'
import { nameByContent } from '../hooks/contentHashedName'

/** 96 px is the header logo (40 px wide, sharp on 2× screens); the others are for content pictures. */
export const IMAGE_WIDTHS = [96, 480, 960, 1600] as const
/** The picture shown when a page is shared (Open Graph, X): 1200×630, cropped around the focal point. */
export const SOCIAL_CARD = { name: 'og', width: 1200, height: 630 } as const
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

/** Every width in the original format, WebP and AVIF, for <picture> srcsets. */
const responsiveSizes: ImageSize[] = IMAGE_WIDTHS.flatMap((width) => [
  { name: `w${width}`, width, withoutEnlargement: true },
  { name: `w${width}-webp`, width, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 72 } } },
  { name: `w${width}-avif`, width, withoutEnlargement: true, formatOptions: { format: 'avif', options: { quality: 50, effort: 2 } } },
])

const socialCardSize: ImageSize = {
  ...SOCIAL_CARD,
  // Always this size, even from a smaller original: apps show a card only at its full size.
  withoutEnlargement: false,
  formatOptions: { format: 'jpeg', options: { quality: 80 } },
}

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: L('Media', 'Media'), plural: L('Media', 'Media') },
  admin: { group: L('Konten', 'Content'), defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: { read: anyone, create: canUpload, update: isEditorOrUploader, delete: isEditorOrUploader },
  hooks: {
    beforeOperation: [
      validateUpload({ types: IMAGE_TYPES, maxBytes: IMAGE_MAX_BYTES, typeNames: 'JPEG, PNG, WebP, AVIF' }),
      nameByContent(''),
    ],
    beforeChange: [({ req, operation, data }) => (operation === 'create' && req.user ? { ...data, uploadedBy: req.user.id } : data)],
  },
  upload: {
    staticDir: config().mediaDir,
    handlers: [notFoundUnlessStored(config().mediaDir)],
    mimeTypes: IMAGE_TYPES,
    // Passing the original through sharp re-encodes it without EXIF (GPS included) after auto-rotation.
    resizeOptions: { width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true },
    withMetadata: false,
    imageSizes: [...responsiveSizes, socialCardSize],
    adminThumbnail: 'w480-webp',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: L('Teks alternatif', 'Alt text'),
      admin: {
        description: L(
          'Jelaskan isi gambar untuk pembaca layar dan koneksi lambat.',
          'Describe the picture for screen readers and slow connections.',
        ),
      },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      access: { read: ({ req }) => Boolean(req.user), update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
      label: L('Diunggah oleh', 'Uploaded by'),
    },
  ],
}
