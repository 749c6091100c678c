import type { Access, SanitizedConfig } from 'payload'

/**
 * A collection's version history holds its drafts in full, and Payload lets every signed-in account read it
 * unless `readVersions` says otherwise (`/api/news/versions` showed an unpublished article to a producer).
 * Versions follow `read`: only an account that may read every document (drafts included) reads versions.
 */
const likeEveryDocument =
  (read: Access): Access =>
  async (args) =>
    (await read(args)) === true

export const versionsLikeDrafts = (config: SanitizedConfig): SanitizedConfig => {
  for (const entity of [...config.collections, ...config.globals]) {
    // Payload leaves readVersions unset unless a collection sets it (then: anyone signed in).
    const own = entity.access.readVersions as Access | undefined
    if (!entity.versions || own) continue
    entity.access = { ...entity.access, readVersions: likeEveryDocument(entity.access.read) }
  }
  return config
}
