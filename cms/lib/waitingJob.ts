import type { Payload, PayloadRequest } from 'payload'

/**
 * Whether the same task with the same input already waits in the queue, so that a burst of saves (a roll-out of
 * thirty villages, an editor saving a template five times) asks for the work once. A job already running does not
 * count: the change may have come after it read.
 */
export const isAlreadyWaiting = async (payload: Payload, task: string, input: object, queue: string, req?: PayloadRequest) => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: task } },
        { queue: { equals: queue } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
        // A job that gave up (its retries spent) waits no more: it is never run again.
        { hasError: { not_equals: true } },
      ],
    },
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.some((job) => JSON.stringify(job.input ?? {}) === JSON.stringify(input))
}
