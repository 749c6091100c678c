import path from 'node:path'
import { getFileByPath, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { contentHashedName } from '../lib/hashedName'

type Stored = { filename?: string | null; focalX?: number | null; focalY?: number | null }

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
 * in place under the old ones (and browsers would keep showing the old cut).
 */
export const nameByContent =
  (staticDir: string): CollectionBeforeOperationHook =>
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
    const file = await getFileByPath(path.join(staticDir, stored.filename))
    if (file) req.file = { ...file, name: contentHashedName(stored.filename, [file.data, focalOf(next), cropOf(req)]) }
    return args
  }
