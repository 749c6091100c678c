import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, TaskConfig } from 'payload'
import { config } from '../lib/config'
import { FINAL_STATUSES } from './status'
import { removePrivateFile } from './privateFiles'

/**
 * Deletes the uploaded documents of requests finished (done, rejected or cancelled) more than `days` ago;
 * the request keeps a note of what was attached and when it was purged. Returns how many files went.
 */
export const purgeAttachments = async (payload: Payload, now = new Date(), days = config().retentionDays): Promise<number> => {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString()
  const { docs } = await payload.find({
    collection: 'service-requests',
    where: { and: [{ status: { in: FINAL_STATUSES } }, { completedAt: { less_than: before } }] },
    limit: 500,
    depth: 0,
    overrideAccess: true,
    context: { skipAudit: true },
  })
  let purged = 0
  for (const request of docs) {
    const waiting = (request.attachments ?? []).filter((a) => a.file && !a.purgedAt)
    if (!waiting.length) continue
    for (const attachment of waiting) await removePrivateFile(attachment.file!)
    purged += waiting.length
    await payload.update({
      collection: 'service-requests',
      id: request.id,
      data: {
        attachments: (request.attachments ?? []).map((a) =>
          a.file && !a.purgedAt ? { ...a, file: null, purgedAt: now.toISOString() } : a,
        ),
      },
      overrideAccess: true,
      context: { skipAudit: true },
    })
  }
  return purged
}

/**
 * Files nobody references after a day: uploads of forms that were never confirmed (the resident left
 * the check-your-answers page). Returns how many were deleted.
 */
export const purgeOrphanFiles = async (payload: Payload, now = new Date()): Promise<number> => {
  // Only the files of this folder itself: other features keep their private files in subfolders.
  const entries = await readdir(config().privateDir, { withFileTypes: true }).catch(() => [])
  let purged = 0
  for (const name of entries.filter((entry) => entry.isFile()).map((entry) => entry.name)) {
    const { mtime } = await stat(path.join(config().privateDir, name))
    if (now.getTime() - mtime.getTime() < 86_400_000) continue
    const [requests, letters] = await Promise.all([
      payload.count({ collection: 'service-requests', where: { 'attachments.file': { equals: name } }, overrideAccess: true }),
      payload.count({ collection: 'letters', where: { pdfFile: { equals: name } }, overrideAccess: true }),
    ])
    if (requests.totalDocs + letters.totalDocs > 0) continue
    await removePrivateFile(name)
    purged += 1
  }
  return purged
}

/** The Payload job that purges old attachments every night (03:30 server time). */
export const purgeAttachmentsTask: TaskConfig<{ input: object; output: { purged: number } }> = {
  slug: 'purgeAttachments',
  label: 'Hapus lampiran lama / Purge old attachments',
  outputSchema: [{ name: 'purged', type: 'number', required: true }],
  schedule: [{ cron: '0 30 3 * * *', queue: 'services' }],
  handler: async ({ req }) => ({ output: { purged: (await purgeAttachments(req.payload)) + (await purgeOrphanFiles(req.payload)) } }),
}
