import { getPayload, type Payload } from 'payload'
import { config as settings } from '../../cms/lib/config'
import { LIST_TAGS, LOOKUP, type Tag } from '../../cms/page-cache/tags'
import config from '../../cms/payload.config'

/**
 * The one Payload instance of this process (shared with the admin through Payload's own cache).
 * Under `npm run dev` the site's process runs the queued jobs (search sync, see scripts/dev.ts); in production
 * the server does (scripts/start.ts).
 */
/** Reads as an anonymous visitor: the collections' access rules apply, drafts and private fields stay hidden. */
export const asAnonymous = { overrideAccess: false } as const

/**
 * A look-up by a unique key (a slug): the page depends on the document found, not on the collection's lists
 * (and, when none is found, on them: one may be published under that key).
 */
export const byKey = { context: { [LOOKUP]: true } } as const

/** A list that changes only with these tags (e.g. one category's products), not with every save in its collection. */
export const listedAs = (...tags: Tag[]) => ({ context: { [LIST_TAGS]: tags } })

export const payload = (): Promise<Payload> => getPayload({ config, cron: settings().jobs.inSiteProcess })
