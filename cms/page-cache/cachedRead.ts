import { invalidations } from './invalidations'
import { collectReads, recordRead } from './reads'
import type { Tag } from './tags'

type Entry = { mark: number; tags: Set<Tag>; value: Promise<unknown>; readAt: number }

/** Reads kept at most (any slug a visitor types is a key): the least recently used go first. */
const MAX_ENTRIES = 5000
/**
 * How long a read is kept at most: this process hears of its own saves at once, but not (yet) of another
 * instance's, whose edits must still show within a minute or two, as the pages' s-maxage promises.
 */
const MAX_AGE_MS = 30_000

// On globalThis, like the invalidations it follows: one copy for every bundle of the process.
const entries = ((globalThis as { __desaCachedReads?: Map<string, Entry> }).__desaCachedReads ??= new Map<string, Entry>())

/**
 * A read many pages repeat (the village settings, the shipping zones, the category list), kept in memory until
 * something it read changes (by the same tags as the page cache) or it is MAX_AGE_MS old. Every caller records those tags, so a page
 * built from the kept value is invalidated as if it had read it itself. Callers share the value: never change it.
 */
export const cachedRead = async <T>(key: string, read: () => Promise<T>): Promise<T> => {
  let entry = entries.get(key)
  entries.delete(key)
  const now = Date.now()
  if (entry && now - entry.readAt < MAX_AGE_MS && !invalidations().changedSince(entry.tags, entry.mark)) entries.set(key, entry)
  else {
    const mark = invalidations().mark()
    const { tags, result } = collectReads(read)
    entry = { mark, tags, value: result, readAt: now }
    entries.set(key, entry)
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
    const stored = entry
    result.catch(() => entries.get(key) === stored && entries.delete(key))
  }
  const value = (await entry.value) as T
  recordRead(...entry.tags)
  return value
}
