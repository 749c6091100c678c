import { access } from 'node:fs/promises'
import path from 'node:path'
import type { UploadConfig } from 'payload'
import { config } from '../lib/config'

type Handler = NonNullable<UploadConfig['handlers']>[number]

/**
 * Answers 404 when the requested file is not in `staticDir` (a made-up or encoded name): Payload itself
 * would report a missing file as a server error. Otherwise Payload serves the file. With object storage the
 * storage adapter's handler that follows reads the bucket and answers 404 itself.
 */
export const notFoundUnlessStored = (staticDir: string): Handler =>
  // Payload's type has no "fall through" result, but returning nothing is how a handler lets Payload serve.
  (async (_req: unknown, { params }: { params: { filename: string } }) => {
    if (config().objectStorage) return undefined
    const root = path.resolve(staticDir)
    const file = path.resolve(root, params.filename)
    const stored =
      file.startsWith(root + path.sep) &&
      (await access(file).then(
        () => true,
        () => false,
      ))
    return stored ? undefined : Response.json({ errors: [{ message: 'Not found' }] }, { status: 404 })
  }) as Handler
