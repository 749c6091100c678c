import type { Block, PayloadRequest } from 'payload'
import { L } from '../lib/localize'
import { localize } from '../messages'

/**
 * Outside content (a video, a post, a map) inside an article. The site shows it as a link card:
 * no third-party frames, so pages stay light and the Content-Security-Policy stays strict.
 */
export const EmbedBlock: Block = {
  slug: 'embed',
  labels: { singular: L('Sematan', 'Embed'), plural: L('Sematan', 'Embeds') },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: L('Alamat (URL)', 'Address (URL)'),
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        typeof value === 'string' && /^https:\/\/[^\s/]+\.[^\s]+$/.test(value) ? true : localize(req, { code: 'embed.url' }),
    },
    { name: 'title', type: 'text', label: L('Judul', 'Title') },
  ],
}
