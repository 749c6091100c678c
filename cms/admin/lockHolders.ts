import type { CollectionAfterReadHook, SanitizedConfig } from 'payload'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { hasRoleIn, villagesWithRole } from '../access'

type Relation = { relationTo: string; value: number | string | Record<string, unknown> }
type Lock = { id: number | string; user?: Relation | null; document?: Relation | null }

type Holder = { name?: string | null; email?: string }

/** Payload's lock notice prints the holder's `email` ("… sedang menyunting"): give it the name with the address. */
const named = (account: Holder) => ({ ...account, email: account.name ? `${account.name} (${account.email})` : account.email })

/** Whether the reader is a producer where the locked document is (in its village, when their roles differ by village). */
const isProducerThere = async (req: PayloadRequest, locked: Relation | null | undefined) => {
  const producer = villagesWithRole(req.user, 'producer')
  if (!Array.isArray(producer)) return producer
  if (!locked) return true
  const document = await req.payload.findByID({
    collection: locked.relationTo as CollectionSlug,
    id: typeof locked.value === 'object' ? String(locked.value.id) : locked.value,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  const village = document && 'village' in document ? document.village : null
  return !village || hasRoleIn(req.user, village, 'producer')
}

/**
 * A document being edited shows who holds its lock, taken from the lock's `user` — but staff may read only
 * their own account, so Payload could show nothing but an id ("Pengguna: 3"). For staff the holder is read
 * here, name and email only, so the notice names a colleague. Producers (outside sellers) are not told.
 */
const showHolder: CollectionAfterReadHook<Lock> = async ({ doc, req }) => {
  const holder = doc.user
  if (!holder || !req.user || (await isProducerThere(req, doc.document))) return doc
  // An administrator reads every account: Payload has filled in the holder already.
  if (typeof holder.value === 'object') return { ...doc, user: { ...holder, value: named(holder.value) } }
  const account = await req.payload.findByID({
    collection: 'users',
    id: holder.value,
    depth: 0,
    overrideAccess: true,
    select: { name: true, email: true },
    disableErrors: true,
    req,
  })
  return account ? { ...doc, user: { ...holder, value: named(account) } } : doc
}

/** Adds showHolder to Payload's own collection of document locks. */
export const nameLockHolders = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((c) => c.slug === 'payload-locked-documents')
  if (locks) locks.hooks.afterRead = [...(locks.hooks.afterRead ?? []), showHolder]
  return config
}
