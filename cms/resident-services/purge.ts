import type { Payload, TaskConfig } from 'payload'
import { config } from '../lib/config'
import { privateFiles } from '../lib/objectStorage'
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

/** How long an upload waits for its form to be confirmed. */
const UNSUBMITTED_MS = 60 * 60 * 1000

/**
 * Files nobody references after an hour: uploads of forms that were never confirmed (the resident left
 * the check-your-answers page, or someone posted files to fill the disk). Returns how many were deleted.
 */
export const purgeOrphanFiles = async (payload: Payload, now = new Date()): Promise<number> => {
  // Only the files at the top: other features keep their private files in subfolders (payment-proofs/).
  const files = await privateFiles().list('')
  let purged = 0
  for (const { key: name, modified } of files) {
    if (now.getTime() - modified.getTime() < UNSUBMITTED_MS) continue
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
  handler: async ({ req }) => ({ output: { purged: await purgeAttachments(req.payload) } }),
}

/** The Payload job that removes uploads of forms never sent, every 10 minutes (so within the hour). */
export const purgeUnsubmittedFilesTask: TaskConfig<{ input: object; output: { purged: number } }> = {
  slug: 'purgeUnsubmittedFiles',
  label: 'Hapus unggahan yang tidak dikirim / Purge unsubmitted uploads',
  outputSchema: [{ name: 'purged', type: 'number', required: true }],
  schedule: [{ cron: '0 */10 * * * *', queue: 'services' }],
  handler: async ({ req }) => ({ output: { purged: await purgeOrphanFiles(req.payload) } }),
}
