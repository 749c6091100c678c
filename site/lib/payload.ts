import { getPayload, type Payload } from 'payload'
import { config as settings } from '../../cms/lib/config'
import config from '../../cms/payload.config'

/**
 * The one Payload instance of this process (shared with the admin through Payload's own cache).
 * Under `npm run dev` the site's process runs the queued jobs (search sync, see scripts/dev.ts); in production
 * the server does (scripts/start.ts).
 */
/** Reads as an anonymous visitor: the collections' access rules apply, drafts and private fields stay hidden. */
export const asAnonymous = { overrideAccess: false } as const

export const payload = (): Promise<Payload> => getPayload({ config, cron: settings().jobs.inSiteProcess })
