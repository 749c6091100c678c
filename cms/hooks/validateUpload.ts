import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { localize } from '../messages'
import type { UploadMessage } from './messages'

type Rule = {
  /** MIME types accepted, as detected from the file's bytes (never from its name). */
  types: string[]
  maxBytes: number
  /** How the accepted types read to an editor, e.g. "JPEG, PNG, WebP". */
  typeNames: string
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/** Why a file breaks the rule, or null when it is acceptable. */
export const uploadProblem = async (file: { data: Buffer; size: number }, rule: Rule): Promise<UploadMessage | null> => {
  if (!file.size || file.data.length === 0) return { code: 'upload.empty' }
  if (file.size > rule.maxBytes) return { code: 'upload.tooLarge', params: { size: megabytes(file.size), max: megabytes(rule.maxBytes) } }
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !rule.types.includes(detected.mime)) return { code: 'upload.type', params: { types: rule.typeNames } }
  return null
}

/** Refuses an upload whose bytes are not an accepted type or that is too large, before Payload stores it. */
export const validateUpload =
  (rule: Rule): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if ((operation === 'create' || operation === 'update') && req.file) {
      const problem = await uploadProblem(req.file, rule)
      if (problem) throw new APIError(localize(req, problem), 400, undefined, true)
    }
    return args
  }
