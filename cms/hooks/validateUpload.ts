import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { localize } from '../lib/localize'

type Rule = {
  /** MIME types accepted, as detected from the file's bytes (never from its name). */
  types: string[]
  maxBytes: number
  /** A larger limit for pictures, which are shrunk once accepted (residents' camera photos). */
  maxImageBytes?: number
  /** How the accepted types read to an editor, e.g. "JPEG, PNG, WebP". */
  typeNames: string
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/** The reason a file breaks the rule, in both languages, or null when it is acceptable. */
export const uploadProblem = async (file: { data: Buffer; size: number }, rule: Rule): Promise<{ id: string; en: string } | null> => {
  if (!file.size || file.data.length === 0) {
    return { id: 'Berkas kosong (0 byte). Pilih berkas lain.', en: 'The file is empty (0 bytes). Choose another file.' }
  }
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !rule.types.includes(detected.mime)) {
    return {
      id: `Isi berkas bukan jenis yang diterima (${rule.typeNames}), apa pun nama berkasnya.`,
      en: `The file's content is not an accepted type (${rule.typeNames}), whatever its name says.`,
    }
  }
  const limit = detected.mime.startsWith('image/') && rule.maxImageBytes ? rule.maxImageBytes : rule.maxBytes
  if (file.size > limit) {
    return {
      id: `Berkas terlalu besar (${megabytes(file.size)}). Ukuran maksimal ${megabytes(limit)}.`,
      en: `The file is too large (${megabytes(file.size)}). The limit is ${megabytes(limit)}.`,
    }
  }
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
