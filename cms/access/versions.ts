import type { Access, Config } from 'payload'
import { idOf } from '../lib/relation'

/** Payload's default when a collection sets no `read`: any signed-in account. */
const signedIn: Access = ({ req }) => Boolean(req.user)

/**
 * A collection's version history holds its drafts in full, and Payload lets every signed-in account read it
 * unless `readVersions` says otherwise (`/api/news/versions` showed an unpublished article to a producer).
 * Versions follow `read`: only an account that may read every document (drafts included) reads versions; one whose
 * roles differ by village, those of the villages where it may (as if it belonged to that village alone).
 */
const likeEveryDocument =
  (read: Access): Access =>
  async (args) => {
    if ((await read(args)) === true) return true
    const { user } = args.req
    const rows = user?.villages ?? []
    if (rows.length < 2) return false
    const whole: number[] = []
    for (const row of rows)
      if ((await read({ ...args, req: { ...args.req, user: { ...user!, villages: [row] } } })) === true) whole.push(idOf(row.village))
    return whole.length > 0 && { 'version.village': { in: whole } }
  }

/**
 * A plugin, placed before the villages plugin: it decides who reads versions at all, and the villages plugin then
 * narrows them to the reader's villages (after it, `read` is a village condition, never `true`).
 */
export const versionsLikeDrafts = (config: Config): Config => {
  const guarded = <T extends { versions?: unknown; access?: { read?: Access; readVersions?: Access } }>(entity: T): T =>
    !entity.versions || entity.access?.readVersions
      ? entity
      : { ...entity, access: { ...entity.access, readVersions: likeEveryDocument(entity.access?.read ?? signedIn) } }
  return { ...config, collections: config.collections?.map(guarded), globals: config.globals?.map(guarded) }
}
