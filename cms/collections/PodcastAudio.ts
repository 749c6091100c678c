import path from 'node:path'
import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'
import { anyone, isEditor } from '../access'
import { validateUpload } from '../hooks/validateUpload'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { config } from '../lib/config'
import { AUDIO_TYPES, audioDuration } from '../podcast/audio'
import { notFoundUnlessStored } from '../hooks/missingFile'
import { nameByContent } from '../hooks/contentHashedName'
import { PUBLIC_PREFIXES } from '../plugins/objectStorage'

const AUDIO_DIR = path.join(config().mediaDir, 'audio')

/** Reads the duration from the uploaded bytes; the editor never types it. */
const readDuration: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const duration = await audioDuration(req.file.data, req.file.mimetype)
  if (!duration) throw new APIError(localize(req, { code: 'audio.duration' }), 400, undefined, true)
  return { ...args, data: { ...args.data, duration } }
}

/** Episode audio files (MP3 or M4A), served from /media/audio/ with byte ranges. */
export const PodcastAudio: CollectionConfig = {
  slug: 'podcast-audio',
  labels: { singular: L('Audio podcast', 'Podcast audio'), plural: L('Audio podcast', 'Podcast audio') },
  admin: { group: L('Podcast', 'Podcast'), defaultColumns: ['filename', 'duration', 'filesize'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeOperation: [
      validateUpload({ types: Object.keys(AUDIO_TYPES), maxBytes: 200 * 1024 * 1024, typeNames: 'MP3, M4A' }),
      readDuration,
      nameByContent(PUBLIC_PREFIXES['podcast-audio']),
    ],
  },
  upload: {
    staticDir: AUDIO_DIR,
    handlers: [notFoundUnlessStored(AUDIO_DIR)],
    mimeTypes: Object.keys(AUDIO_TYPES),
  },
  fields: [
    {
      name: 'duration',
      type: 'number',
      label: L('Durasi (detik)', 'Duration (seconds)'),
      admin: { readOnly: true, description: L('Dibaca dari berkas audio.', 'Read from the audio file.') },
    },
  ],
}
