import path from 'node:path'
import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'
import { anyone, isEditor } from '../access'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { config } from '../lib/config'
import { parseVtt, VttError } from '../podcast/webvtt'
import { notFoundUnlessStored } from '../hooks/missingFile'
import { nameByContent } from '../hooks/contentHashedName'
import { PUBLIC_PREFIXES } from '../plugins/objectStorage'

/** Refuses anything that is not a well-formed WebVTT file and keeps its captions for the episode page. */
const readCaptions: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  // The file is served under its own name, so a name like "x.svg" or "x.html" would change how browsers read it.
  if (!/\.vtt$/i.test(req.file.name)) {
    throw new APIError(localize(req, { code: 'transcript.name' }), 400, undefined, true)
  }
  const text = req.file.data.toString('utf8')
  try {
    if (!req.file.size || text.includes('\u0000')) throw new VttError(1, { code: 'vtt.notText' })
    const cues = parseVtt(text)
    return { ...args, data: { ...args.data, cues } }
  } catch (err) {
    if (!(err instanceof VttError)) throw err
    throw new APIError(localize(req, { code: 'transcript.invalid', params: { line: err.line, reason: err.reason } }), 400, undefined, true)
  }
}

const TRANSCRIPTS_DIR = path.join(config().mediaDir, 'transcripts')

/** WebVTT transcripts of episodes, served from /media/transcripts/ and shown as text on the episode page. */
export const Transcripts: CollectionConfig = {
  slug: 'transcripts',
  labels: { singular: L('Transkrip', 'Transcript'), plural: L('Transkrip', 'Transcripts') },
  admin: { group: L('Podcast', 'Podcast') },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeOperation: [readCaptions, nameByContent(PUBLIC_PREFIXES.transcripts)] },
  upload: {
    staticDir: TRANSCRIPTS_DIR,
    handlers: [notFoundUnlessStored(TRANSCRIPTS_DIR)],
  },
  fields: [{ name: 'cues', type: 'json', admin: { hidden: true } }],
}
