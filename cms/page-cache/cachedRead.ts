import { currentVillage } from '../villages/current'
import { invalidations } from './invalidations'
import { collectReads, recordRead } from './reads'
import type { Tag } from './tags'

type Entry = { mark: number; tags: Set<Tag>; value: Promise<unknown>; readAt: number; refreshing?: boolean }

/** Reads kept at most (any slug a visitor types is a key): the least recently used go first. */
const MAX_ENTRIES = 5000
/**
 * How long a read is used before it is read again: saves invalidate it (this instance's at once, the others' once this
 * one heard of them, cms/instances/sharedInvalidations.ts); the age bounds what a write no save announces leaves stale.
 */
const MAX_AGE_MS = 30_000

// On globalThis, like the invalidations it follows: one copy for every bundle of the process.
const entries = ((globalThis as { __desaCachedReads?: Map<string, Entry> }).__desaCachedReads ??= new Map<string, Entry>())

/** Reads `key` again; the entry is kept at once, or (a refresh of an old one) only once the read succeeded. */
const readInto = (key: string, read: () => Promise<unknown>, now: number, { whenRead = false } = {}) => {
  const mark = invalidations().mark()
  const { tags, result } = collectReads(read)
  const entry: Entry = { mark, tags, value: result, readAt: now }
  const keep = () => {
    entries.set(key, entry)
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  }
  if (whenRead) result.then(keep, () => {})
  else {
    keep()
    result.catch(() => entries.get(key) === entry && entries.delete(key))
  }
  return entry
}

/**
 * A read many pages repeat (the village settings, the shipping zones, the category list), kept in memory until
 * something it read changes (by the same tags as the page cache). Every caller records those tags, so a page
 * built from the kept value is invalidated as if it had read it itself. Callers share the value: never change it.
 * A read older than MAX_AGE_MS is read again in the background while callers still get the kept one, so the
 * visitors of a busy page never all wait for it together.
 */
export const cachedRead = async <T>(name: string, read: () => Promise<T>): Promise<T> => {
  // Each village's reads are its own (cms/villages/current.ts).
  const village = currentVillage()
  const key = village ? `${village.id}|${name}` : name
  let entry = entries.get(key)
  entries.delete(key)
  const now = Date.now()
  if (entry && !invalidations().changedSince(entry.tags, entry.mark)) {
    entries.set(key, entry)
    if (now - entry.readAt >= MAX_AGE_MS && !entry.refreshing) {
      const old = entry
      old.refreshing = true
      readInto(key, read, now, { whenRead: true }).value.catch(() => (old.refreshing = false))
    }
  } else entry = readInto(key, read, now)
  const value = (await entry.value) as T
  recordRead(...entry.tags)
  return value
}
