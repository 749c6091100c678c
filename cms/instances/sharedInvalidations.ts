import type { Payload } from 'payload'
import { InProcessInvalidations, useInvalidations } from '../page-cache/invalidations'
import { EVERYTHING, type Tag } from '../page-cache/tags'
import { atomicStore, type AtomicStore } from './atomicStore'
import { instanceId } from './identity'

/** How often an instance reads the changes the others made: an edit shows everywhere within about this. */
export const POLL_MS = 1000
/** Changes are kept this long; an instance that could not read them for longer drops every page instead. */
const KEEP_MS = 10 * 60_000
const BATCH = 500

/**
 * The page cache's invalidations shared by every app instance on the database: a save applies its tags here at
 * once and appends them to the `content-changes` table; every POLL_MS each instance reads the rows after the last
 * one it saw (one read of the primary key's index, nothing when nothing changed) and applies the others'.
 * A page rendered here before it heard of a change carries an older mark, so it is out of date then too.
 */
export class SharedInvalidations extends InProcessInvalidations {
  private seen = 0
  private heardAt = Date.now()
  private forgotAt = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly store: AtomicStore,
    private readonly instance: string,
  ) {
    super()
  }

  async invalidate(tags: Iterable<Tag>) {
    const list = [...new Set(tags)]
    this.apply(list)
    await this.store.recordChange(this.instance, list, Date.now())
  }

  /** Starts from the latest change (this instance's pages are all newer) and polls until stopped. */
  async start() {
    this.seen = await this.store.latestChange()
    this.heardAt = Date.now()
    this.timer = setInterval(() => void this.poll().catch((err: unknown) => console.error('Could not read content changes:', err)), POLL_MS)
    this.timer.unref()
  }

  stop() {
    clearInterval(this.timer)
  }

  /** Applies the changes the other instances made since the last poll; now and then forgets old ones. */
  async poll(now = Date.now()) {
    if (now - this.heardAt > KEEP_MS) {
      // Changes may have been forgotten while this instance could not read: everything may be out of date.
      this.apply([EVERYTHING])
      this.seen = await this.store.latestChange()
    }
    for (;;) {
      const changes = await this.store.changesAfter(this.seen, BATCH)
      for (const change of changes) if (change.instance !== this.instance) this.apply(change.tags)
      if (changes.length) this.seen = changes[changes.length - 1].id
      if (changes.length < BATCH) break
    }
    this.heardAt = now
    if (now - this.forgotAt > 60_000) {
      this.forgotAt = now
      await this.store.forgetChanges(now - KEEP_MS)
    }
  }
}

/** Shares this process's invalidations with the other instances on the database, from now on. */
export const shareInvalidations = async (payload: Payload) => {
  const shared = new SharedInvalidations(atomicStore(payload), instanceId())
  await shared.start()
  useInvalidations(shared)
  return shared
}
