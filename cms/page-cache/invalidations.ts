import { EVERYTHING, type Tag } from './tags'

/**
 * When each tag last changed, as points on one counter. A page rendered at mark `m` is current while none of
 * its tags (nor EVERYTHING) changed after `m`. Taking the mark before the render starts means a save during the
 * render leaves the page out of date rather than cached with what the save replaced.
 *
 * The interface is what the page cache and the CMS hooks use; this implementation keeps the counter in the
 * process. Several instances need one that shares it (a table of recent changes every instance mirrors):
 * `changedSince` stays synchronous, it runs on every cache hit.
 */
export interface Invalidations {
  /** A point before a render: the page read after it. */
  mark(): number
  /** Whether any of the tags (or everything) changed after the mark. */
  changedSince(tags: Iterable<Tag>, mark: number): boolean
  /** Marks every page that carries one of the tags as out of date. */
  invalidate(tags: Iterable<Tag>): void
}

class InProcessInvalidations implements Invalidations {
  private clock = 0
  private readonly changed = new Map<Tag, number>()

  mark() {
    return this.clock
  }

  changedSince(tags: Iterable<Tag>, mark: number) {
    if ((this.changed.get(EVERYTHING) ?? 0) > mark) return true
    for (const tag of tags) if ((this.changed.get(tag) ?? 0) > mark) return true
    return false
  }

  invalidate(tags: Iterable<Tag>) {
    this.clock += 1
    for (const tag of tags) this.changed.set(tag, this.clock)
  }
}

// On globalThis: the admin (Next.js), the site (Astro) and the server each bundle their own copy of this module.
const shared = globalThis as { __desaInvalidations?: Invalidations }

/** The process's invalidations (saves in the admin, the API, the site and the jobs all land here). */
export const invalidations = (): Invalidations => (shared.__desaInvalidations ??= new InProcessInvalidations())
