import type { CollectionConfig, ImageSize } from 'payload'
import { anyone, canUpload, isEditorOrUploader } from '../access'
import { validateUpload } from '../hooks/validateUpload'
import { L } from '../lib/localize'
import { mediaDir } from '../lib/paths'
import { notFoundUnlessStored } from '../hooks/missingFile'

export const IMAGE_WIDTHS = [480, 960, 1600] as const
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

/** Every width in the original format, WebP and AVIF, for <picture> srcsets. */
const responsiveSizes: ImageSize[] = IMAGE_WIDTHS.flatMap((width) => [
  { name: `w${width}`, width, withoutEnlargement: true },
  { name: `w${width}-webp`, width, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 72 } } },
  { name: `w${width}-avif`, width, withoutEnlargement: true, formatOptions: { format: 'avif', options: { quality: 50, effort: 2 } } },
])

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: L('Media', 'Media'), plural: L('Media', 'Media') },
  admin: { group: L('Konten', 'Content'), defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: { read: anyone, create: canUpload, update: isEditorOrUploader, delete: isEditorOrUploader },
  hooks: {
    beforeOperation: [validateUpload({ types: IMAGE_TYPES, maxBytes: IMAGE_MAX_BYTES, typeNames: 'JPEG, PNG, WebP, AVIF' })],
    beforeChange: [({ req, operation, data }) => (operation === 'create' && req.user ? { ...data, uploadedBy: req.user.id } : data)],
  },
  upload: {
    staticDir: mediaDir(),
    handlers: [notFoundUnlessStored(mediaDir())],
    mimeTypes: IMAGE_TYPES,
    // Passing the original through sharp re-encodes it without EXIF (GPS included) after auto-rotation.
    resizeOptions: { width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true },
    withMetadata: false,
    imageSizes: responsiveSizes,
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
