import {
  Forbidden,
  type CollectionBeforeChangeHook,
  type CollectionSlug,
  type PayloadRequest,
  type SanitizedConfig,
  type Where,
} from 'payload'

/**
 * Payload's document locks (`payload-locked-documents`: "X is editing this") are open to every signed-in
 * account by default: a producer could lock an officer's request (their save then answers 423), clear
 * everyone's locks, or read who edits what. Here an account handles only locks on documents it may change
 * itself (its own locks included), and a lock is always taken as the account that takes it.
 */

const LOCKS = 'payload-locked-documents'
type Target = { relationTo?: unknown; value?: unknown } | null | undefined

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

/** Whether the account may change this document, by the collection's own update rule (a document that does not exist: no). */
const mayUpdateDocument = async (req: PayloadRequest, target: Target): Promise<boolean> => {
  const slug = (typeof target?.relationTo === 'string' ? target.relationTo : '') as CollectionSlug
  const id = idOf(target?.value)
  const collection = req.payload.collections[slug]
  if (!collection || slug === LOCKS || (typeof id !== 'number' && typeof id !== 'string')) return false
  const rule = await collection.config.access.update({ req, id: id as number })
  if (!rule) return false
  const where: Where = rule === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, rule] }
  return (await req.payload.count({ collection: slug, where, overrideAccess: true, req })).totalDocs === 1
}

const mayUpdateGlobal = async (req: PayloadRequest, slug: unknown) => {
  const global = req.payload.config.globals.find((g) => g.slug === slug)
  return Boolean(global && (await global.access.update({ req })))
}

/** The locks this account may see, move or clear: its own, and those on documents and globals it may change. */
const locksOfWhatICanChange = async ({ req }: { req: PayloadRequest }): Promise<Where | false> => {
  if (!req.user) return false
  const clauses: Where[] = [{ 'user.value': { equals: req.user.id } }]
  for (const collection of req.payload.config.collections) {
    if (collection.slug === LOCKS || collection.lockDocuments === false) continue
    const rule = await collection.access.update({ req })
    if (rule === true) clauses.push({ 'document.relationTo': { equals: collection.slug } })
    else if (rule) {
      // Some of the collection (a producer's own products): the locks on exactly those documents.
      const { docs } = await req.payload.find({
        collection: collection.slug,
        where: rule,
        depth: 0,
        limit: 1000,
        pagination: false,
        overrideAccess: true,
        req,
      })
      if (docs.length)
        clauses.push({
          and: [{ 'document.relationTo': { equals: collection.slug } }, { 'document.value': { in: docs.map((doc) => doc.id) } }],
        })
    }
  }
  const globals: string[] = []
  for (const global of req.payload.config.globals) if (await mayUpdateGlobal(req, global.slug)) globals.push(global.slug)
  if (globals.length) clauses.push({ globalSlug: { in: globals } })
  return { or: clauses }
}

/** A lock is taken as the account that takes it, and only on a document or global that account may change. */
const takeAsMyself: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  if (!req.user) return data
  const document = (data.document ?? originalDoc?.document) as Target
  const globalSlug = data.globalSlug ?? originalDoc?.globalSlug
  const allowed = globalSlug ? await mayUpdateGlobal(req, globalSlug) : await mayUpdateDocument(req, document)
  if (!allowed) throw new Forbidden(req.t)
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}

/** Applies the rules above to Payload's own lock collection. */
export const guardDocumentLocks = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((c) => c.slug === LOCKS)
  if (locks) {
    locks.access = {
      ...locks.access,
      create: ({ req }) => Boolean(req.user),
      read: locksOfWhatICanChange,
      update: locksOfWhatICanChange,
      delete: locksOfWhatICanChange,
    }
    locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), takeAsMyself]
  }
  return config
}
