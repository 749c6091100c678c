import { EVERYTHING, type Tag } from './tags'

/**
 * When each tag last changed, as points on one counter. A page rendered at mark `m` is current while none of
 * its tags (nor EVERYTHING) changed after `m`. Taking the mark before the render starts means a save during the
 * render leaves the page out of date rather than cached with what the save replaced.
 *
 * The interface is what the page cache and the CMS hooks use; this implementation keeps the counter in the
 * process. The production server replaces it with one that also shares every change with the other app instances
 * on the database (cms/instances/sharedInvalidations.ts): `changedSince` stays synchronous, it runs on every cache hit.
 */
export interface Invalidations {
  /** A point before a render: the page read after it. */
  mark(): number
  /** Whether any of the tags (or everything) changed after the mark. */
  changedSince(tags: Iterable<Tag>, mark: number): boolean
  /** Marks every page that carries one of the tags as out of date (here at once; on other instances, once they heard of it). */
  invalidate(tags: Iterable<Tag>): Promise<void>
}

export class InProcessInvalidations implements Invalidations {
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

  async invalidate(tags: Iterable<Tag>) {
    this.apply(tags)
  }

  /** Marks the tags as changed now, in this process. */
  protected apply(tags: Iterable<Tag>) {
    this.clock += 1
    for (const tag of tags) this.changed.set(tag, this.clock)
  }
}

// On globalThis: the admin (Next.js), the site (Astro) and the server each bundle their own copy of this module.
const shared = globalThis as { __desaInvalidations?: Invalidations }

/** The process's invalidations (saves in the admin, the API, the site and the jobs all land here). */
export const invalidations = (): Invalidations => (shared.__desaInvalidations ??= new InProcessInvalidations())

/** Puts another implementation in place for the whole process (the shared one, at the server's start). */
export const useInvalidations = (implementation: Invalidations) => {
  shared.__desaInvalidations = implementation
}
