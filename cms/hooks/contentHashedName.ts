import path from 'node:path'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { contentHashedName } from '../lib/hashedName'
import { publicFiles } from '../lib/objectStorage'

type Stored = { filename?: string | null; mimeType?: string | null; focalX?: number | null; focalY?: number | null }

const focalOf = (point: Stored) => `${point.focalX ?? ''},${point.focalY ?? ''}`

const cropOf = (req: PayloadRequest) => {
  const edits = req.query?.uploadEdits
  return edits && typeof edits === 'object' && 'crop' in edits ? JSON.stringify(edits.crop) : ''
}

/** The name a new upload of these bytes is stored under (no focal point or crop given): how the seed finds its files again. */
export const storedNameOf = (name: string, data: Buffer) => contentHashedName(name, [data, focalOf({}), ''])

/**
 * Names a new or replaced file by its bytes, with the focal point and crop its sizes are cut by. A new focal
 * point or crop on a stored picture re-reads its file under a new name, where Payload would rewrite the sizes
 * in place under the old ones (and browsers would keep showing the old cut). `folder` is where the collection's files
 * are among the public files (`audio` for /media/audio/…), on disk or in the bucket.
 */
export const nameByContent =
  (folder: string): CollectionBeforeOperationHook =>
  async ({ args, operation, req, collection }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data = (args.data ?? {}) as Stored
    if (req.file) {
      req.file = { ...req.file, name: contentHashedName(req.file.name, [req.file.data, focalOf(data), cropOf(req)]) }
      return args
    }
    const id = 'id' in args ? (args.id as number | string | undefined) : undefined
    if (operation !== 'update' || id === undefined) return args
    const stored = (await req.payload.findByID({ collection: collection.slug, id, depth: 0, overrideAccess: true, req })) as Stored
    const next = { ...stored, ...data }
    const refocused = ('focalX' in data || 'focalY' in data) && focalOf(next) !== focalOf(stored)
    if (!stored.filename || !(refocused || cropOf(req))) return args
    const bytes = await publicFiles().read(path.posix.join(folder, stored.filename))
    if (bytes)
      req.file = {
        data: bytes,
        mimetype: stored.mimeType ?? 'application/octet-stream',
        size: bytes.length,
        name: contentHashedName(stored.filename, [bytes, focalOf(next), cropOf(req)]),
      }
    return args
  }
