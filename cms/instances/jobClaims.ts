import type { Payload, Where } from 'payload'
import { atomicStore } from './atomicStore'

type UpdateJobsArgs = {
  id?: number | string
  data: Record<string, unknown>
  limit?: number
  req?: unknown
  returning?: boolean
  sort?: string | string[]
  where?: Where
}
type UpdateJobs = (args: UpdateJobsArgs) => Promise<Record<string, unknown>[] | null>

/** The write of runJobs that takes jobs: `processing: true` and nothing else but the time. */
const isClaim = (data: Record<string, unknown>) =>
  data.processing === true && Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt')

/**
 * Makes Payload's claim of a job atomic, so that with jobs on every app instance each job runs once.
 *
 * Payload's runJobs (payload/dist/queues/operations/runJobs) takes jobs with `updateJobs({ where: processing = false…,
 * data: { processing: true } })`; both database adapters implement that as a read of the waiting jobs followed by a
 * write of `processing` on each one found (drizzle: findMany, then upsertRow per job without the condition;
 * MongoDB: find, then updateMany by the ids only). Two instances polling the same queue can both read a job before
 * either writes it, and both run it. Here each found job is taken with a conditional update (processing = false →
 * true, AtomicStore.claimJob) and only the jobs this caller moved are returned to run.
 */
export const claimJobsAtomically = (payload: Payload) => {
  const db = payload.db as unknown as { updateJobs: UpdateJobs }
  const original = db.updateJobs.bind(payload.db)
  db.updateJobs = async (args) => {
    if (!isClaim(args.data)) return original(args)
    const store = atomicStore(payload)
    const found = args.id
      ? [{ id: args.id }]
      : (
          await payload.db.find({
            collection: 'payload-jobs',
            where: args.where ?? {},
            limit: args.limit,
            sort: args.sort,
            pagination: false,
          })
        ).docs
    const claimed = []
    for (const job of found) if (await store.claimJob(job.id)) claimed.push(job.id)
    if (!claimed.length || args.returning === false) return args.returning === false ? null : []
    const { docs } = await payload.db.find({
      collection: 'payload-jobs',
      where: { id: { in: claimed } },
      limit: claimed.length,
      sort: args.sort,
      pagination: false,
    })
    return docs
  }
}
