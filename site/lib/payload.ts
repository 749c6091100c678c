import config from '../../cms/payload.config'
import { getPayload, type Payload } from 'payload'

/**
 * The one Payload instance of this process (shared with the admin through Payload's own cache).
 * Under `npm run dev` the site's process runs the queued jobs (search sync, see scripts/dev.ts); in production
 * the server does (scripts/start.ts).
 */
export const payload = (): Promise<Payload> => getPayload({ config, cron: process.env.DESA_SITE_RUNS_JOBS === 'true' })
