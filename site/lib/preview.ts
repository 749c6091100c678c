import { hasRoleSomewhere } from '../../cms/access/roles'
import type { User } from '../../cms/payload-types'
import { payload } from './payload'

/**
 * The signed-in media-team member asking for a draft preview (`?preview=1` with their admin cookie),
 * or null. Reads then go through the same access rules as that user, never with access overridden.
 */
export const previewUser = async (url: URL, headers: Headers): Promise<(User & { collection: 'users' }) | null> => {
  if (url.searchParams.get('preview') !== '1') return null
  const { user } = await (await payload()).auth({ headers })
  return user && hasRoleSomewhere(user, 'admin', 'editor') ? { ...user, collection: 'users' } : null
}

export type Reader = Awaited<ReturnType<typeof previewUser>>

/** Options for a read as the public (published only) or, in a preview, as the editor with drafts. */
export const readAs = (reader: Reader) => (reader ? { overrideAccess: false, user: reader, draft: true } : { overrideAccess: false })
