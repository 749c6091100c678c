import type { Payload } from 'payload'
import type { AtomicStore, ContentChange } from './atomicStore'

type Doc = Record<string, unknown>
type Native = {
  findOneAndUpdate: (filter: object, update: object | object[], options: object) => Promise<Doc | null>
  updateOne: (filter: object, update: object, options?: object) => Promise<{ modifiedCount: number }>
  find: (filter: object, options?: object) => { sort: (s: object) => { limit: (n: number) => { toArray: () => Promise<Doc[]> } } }
  insertOne: (doc: object) => Promise<unknown>
  deleteMany: (filter: object) => Promise<unknown>
}

/** A change whose position was drawn but is not written yet is waited for this long, then passed over. */
const GAP_PATIENCE_MS = 5_000

/**
 * The atomic writes on MongoDB: each one single-document operation (findOneAndUpdate, a filtered updateOne).
 * A content change's position comes from the `sequences` counter, so positions can be written out of order:
 * a reader stops at a missing position until GAP_PATIENCE_MS has passed (its writer died before writing it).
 */
export class MongoAtomicStore implements AtomicStore {
  private gapSince = new Map<number, number>()

  constructor(private readonly payload: Payload) {}

  private native(slug: string): Native {
    return (this.payload.db as unknown as { collections: Record<string, { collection: Native }> }).collections[slug].collection
  }

  async nextInSequence(key: string, floor: number) {
    const row = await this.native('sequences').findOneAndUpdate(
      { key },
      [{ $set: { key, value: { $add: [{ $max: [{ $ifNull: ['$value', 0] }, floor] }, 1] } } }],
      { upsert: true, returnDocument: 'after' },
    )
    return Number(row!.value)
  }

  async renewLease(instance: string, expiresAt: number) {
    await this.native('instance-leases').updateOne({ instance }, { $set: { instance, expiresAt } }, { upsert: true })
  }

  async liveInstances(now: number) {
    const rows = await this.native('instance-leases')
      .find({ expiresAt: { $gt: now } })
      .sort({ _id: 1 })
      .limit(0)
      .toArray()
    return rows.map((row) => String(row.instance))
  }

  async dropExpiredLeases(now: number) {
    await this.native('instance-leases').deleteMany({ expiresAt: { $lte: now } })
  }

  async endLease(instance: string) {
    await this.native('instance-leases').deleteMany({ instance })
  }

  async recordChange(instance: string, tags: string[], at: number) {
    const position = await this.nextInSequence('content-changes', 0)
    await this.native('content-changes').insertOne({ position, instance, tags: tags.join('\n'), at })
  }

  async changesAfter(after: number, limit: number): Promise<ContentChange[]> {
    const rows = await this.native('content-changes')
      .find({ position: { $gt: after } })
      .sort({ position: 1 })
      .limit(limit)
      .toArray()
    const changes: ContentChange[] = []
    let expected = after + 1
    for (const row of rows) {
      const position = Number(row.position)
      if (position !== expected) {
        const since = this.gapSince.get(expected) ?? Date.now()
        this.gapSince.set(expected, since)
        if (Date.now() - since < GAP_PATIENCE_MS) break
        this.gapSince.delete(expected)
      }
      changes.push({ id: position, instance: String(row.instance), tags: String(row.tags).split('\n') })
      expected = position + 1
    }
    return changes
  }

  async latestChange() {
    const [row] = await this.native('content-changes').find({}).sort({ position: -1 }).limit(1).toArray()
    return Number(row?.position ?? 0)
  }

  async forgetChanges(before: number) {
    await this.native('content-changes').deleteMany({ at: { $lt: before } })
  }

  async claimJob(id: number | string) {
    // The Mongoose model, not the driver's collection: it turns the id's string into an ObjectId.
    const jobs = (this.payload.db as unknown as { collections: Record<string, Pick<Native, 'updateOne'>> }).collections['payload-jobs']
    return (await jobs.updateOne({ _id: id, processing: false }, { $set: { processing: true } })).modifiedCount === 1
  }
}
