import type { Payload } from 'payload'
import { setEnvironment } from '../../cms/lib/config'
import { REGENCY_QUEUE } from '../../cms/regency/statistics'
import { isAlreadyWaiting } from '../../cms/lib/waitingJob'
import { checkBuckets } from './buckets'
import { checkDatabase } from './database-check'
import { ensureSecret } from './secret'
import { ensureServiceKeys } from './serviceKeys'

/**
 * Starts Payload for the production server and the command-line tools: the secret, a reachable
 * database (and buckets, with S3_BUCKET), and every pending migration applied (production never pushes the schema).
 */
export const bootPayload = async ({ runJobs = false } = {}): Promise<Payload> => {
  // A bad setting or an unusable database is reported before any key is generated into data/.
  await checkDatabase()
  await checkBuckets()
  ensureSecret()
  ensureServiceKeys()
  setEnvironment({ NODE_ENV: 'production' })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const payload = await getPayload({ config })
  await payload.db.migrate()
  // The server runs queued jobs (search sync) on a schedule; command-line tools do not.
  if (runJobs) {
    await getPayload({ config, cron: true })
    // The regency's statistics are counted every quarter of an hour: once at start too, so a new install has them
    // (instances starting together ask once).
    if (!(await isAlreadyWaiting(payload, 'refreshVillageStatistics', {}, REGENCY_QUEUE)))
      await payload.jobs.queue({ task: 'refreshVillageStatistics', input: {}, queue: REGENCY_QUEUE })
  }
  return payload
}
