import { AsyncLocalStorage } from 'node:async_hooks'
import type { Tag } from './tags'

/**
 * The tags of what one render read. The server opens a collector around each page it may cache; the CMS's read
 * hooks (cms/plugins/contentVersion.ts) add the documents, lists and globals read while it runs.
 *
 * An async context, not a header: Astro sends a page's headers before its layout and components have run,
 * and those read too (the settings, the home page's sections).
 */
type Collector = Set<Tag>

// On globalThis: the server, the site (Astro) and the admin (Next.js) each bundle their own copy of this module.
const storage = ((globalThis as { __desaPageReads?: AsyncLocalStorage<Collector> }).__desaPageReads ??= new AsyncLocalStorage<Collector>())

/** Runs `render` while collecting what it reads; the set fills up until the render (and its stream) ends. */
export const collectReads = <T>(render: () => T): { tags: Collector; result: T } => {
  const tags: Collector = new Set()
  return { tags, result: storage.run(tags, render) }
}

/** Records tags as read by the render under way, if any (a read outside a page render records nothing). */
export const recordRead = (...tags: Tag[]) => {
  const collector = storage.getStore()
  if (collector) for (const tag of tags) collector.add(tag)
}
