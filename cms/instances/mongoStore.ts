import type { Payload } from 'payload'
import type { AtomicStore, ContentChange, Counter, LineClaim, OrderLines } from './atomicStore'

type Doc = Record<string, unknown>
type Native = {
  findOneAndUpdate: (filter: object, update: object | object[], options: object) => Promise<Doc | null>
  updateOne: (
    filter: object,
    update: object,
    options?: object,
  ) => Promise<{ matchedCount: number; modifiedCount: number; upsertedCount: number }>
  find: (filter: object, options?: object) => { sort: (s: object) => { limit: (n: number) => { toArray: () => Promise<Doc[]> } } }
  insertOne: (doc: object) => Promise<unknown>
  deleteMany: (filter: object) => Promise<unknown>
  findOne: (filter: object) => Promise<Doc | null>
}
/** A collection's Mongoose model: unlike the driver's collection, it turns an id's string into an ObjectId. */
type Model = {
  updateOne: (
    filter: object,
    update: object,
    options?: object,
  ) => Promise<{ matchedCount: number; modifiedCount: number; upsertedCount: number }>
  findOneAndDelete: (filter: object) => Promise<Doc | null>
  findOne: (filter: object) => Promise<Doc | null>
}

const counterOf = (row: Doc): Counter => ({ count: Number(row.count), resetAt: Number(row.resetAt) })

/** A change whose position was drawn but is not written yet is waited for this long, then passed over. */
const GAP_PATIENCE_MS = 5_000

/**
 * The atomic writes on MongoDB: each one single-document operation (findOneAndUpdate, a filtered updateOne).
 * A content change's position comes from the `sequences` counter, so positions can be written out of order:
 * a reader stops at a missing position until GAP_PATIENCE_MS has passed (its writer died before writing it).
 * Stock is the exception: the shelf (a product) and the order are two documents, written one after the other,
 * each write conditional, so a kill between them loses that line's units (run a replica set and recount after a crash).
 */
export class MongoAtomicStore implements AtomicStore {
  private gapSince = new Map<number, number>()

  constructor(private readonly payload: Payload) {}

  private native(slug: string): Native {
    return (this.payload.db as unknown as { collections: Record<string, { collection: Native }> }).collections[slug].collection
  }

  private model(slug: string): Model {
    return (this.payload.db as unknown as { collections: Record<string, Model> }).collections[slug]
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
    return (await this.model('payload-jobs').updateOne({ _id: id, processing: false }, { $set: { processing: true } })).modifiedCount === 1
  }

  async addVisits(village: number | string, day: string, views: number) {
    const key = `${village}|${day}`
    await this.native('site-visits').updateOne(
      { key },
      { $inc: { views }, $setOnInsert: { key, village: String(village), day } },
      { upsert: true },
    )
  }

  async addToWindow(key: string, amount: number, windowMs: number, now: number) {
    const running = { $gt: [{ $ifNull: ['$resetAt', 0] }, now] }
    const row = await this.native('rate-limits').findOneAndUpdate(
      { key },
      [
        {
          $set: {
            count: { $max: [{ $cond: [running, { $add: ['$count', amount] }, amount] }, 0] },
            resetAt: { $cond: [running, '$resetAt', now + windowMs] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after' },
    )
    return counterOf(row!)
  }

  async readCounter(key: string, now: number) {
    const row = await this.native('rate-limits').findOne({ key, resetAt: { $gt: now } })
    return row ? counterOf(row) : null
  }

  async swapCounter(key: string, expected: Counter | null, next: Counter, now: number) {
    const counters = this.native('rate-limits')
    const set = { $set: { count: next.count, resetAt: next.resetAt } }
    if (expected) return (await counters.updateOne({ key, count: expected.count, resetAt: expected.resetAt }, set)).matchedCount === 1
    if ((await counters.updateOne({ key, resetAt: { $lte: now } }, set)).matchedCount === 1) return true
    try {
      return (await counters.updateOne({ key }, { $setOnInsert: { key, ...set.$set } }, { upsert: true })).upsertedCount === 1
    } catch {
      // Another request inserted it first (the key is unique).
      return false
    }
  }

  async removeCounter(key: string) {
    await this.native('rate-limits').deleteMany({ key })
  }

  async dropExpiredCounters(now: number) {
    await this.native('rate-limits').deleteMany({ resetAt: { $lte: now } })
  }

  async takeLineStock({ orderId, lineId, variantId, quantity }: LineClaim) {
    const taken = await this.model('products').updateOne(
      { variants: { $elemMatch: { id: variantId, stock: { $gte: quantity } } } },
      { $inc: { 'variants.$.stock': -quantity } },
    )
    if (taken.modifiedCount !== 1) return false
    const recorded = await this.model('orders').updateOne(
      { _id: orderId, 'reservation.state': 'placing', 'lines.id': lineId },
      { $set: { 'lines.$.reserved': quantity } },
    )
    if (recorded.modifiedCount === 1) return true
    await this.returnStock(variantId, quantity)
    return false
  }

  async discardPlacingOrder(orderId: number | string) {
    const order = await this.model('orders').findOneAndDelete({ _id: orderId, 'reservation.state': 'placing' })
    const lines = (order?.lines ?? []) as { variantId?: string; reserved?: number }[]
    for (const line of lines) if (line.variantId) await this.returnStock(line.variantId, line.reserved ?? 0)
    return order !== null
  }

  async advanceReservation(orderId: number | string, from: 'placing' | 'reserved') {
    const to = from === 'placing' ? 'reserved' : 'sold'
    return (
      (await this.model('orders').updateOne({ _id: orderId, 'reservation.state': from }, { $set: { 'reservation.state': to } }))
        .modifiedCount === 1
    )
  }

  async releaseReservation(order: OrderLines) {
    const orders = this.model('orders')
    const result = await orders.updateOne(
      { _id: order.id, 'reservation.state': { $in: ['reserved', 'sold'] } },
      { $set: { 'reservation.state': 'released' } },
    )
    if (result.modifiedCount !== 1) return false
    for (const line of order.lines ?? []) {
      if (!line.variantId) continue
      await this.returnStock(line.variantId, line.reserved ?? 0)
      await orders.updateOne({ _id: order.id, 'lines.id': line.id }, { $set: { 'lines.$.reserved': 0 } })
    }
    return true
  }

  /** Line by line, giving back what was taken when one is short. */
  async retakeReservation(order: OrderLines) {
    const products = this.model('products')
    const orders = this.model('orders')
    const taken: { id?: string | null; variantId: string; quantity: number }[] = []
    const giveBack = async () => {
      for (const back of taken) await this.returnStock(back.variantId, back.quantity)
    }
    for (const line of order.lines ?? []) {
      if (!line.variantId) return false
      if (await products.findOne({ 'variants.id': line.variantId, trackStock: false })) continue
      const result = await products.updateOne(
        { variants: { $elemMatch: { id: line.variantId, stock: { $gte: line.quantity } } } },
        { $inc: { 'variants.$.stock': -line.quantity } },
      )
      if (result.modifiedCount !== 1) {
        await giveBack()
        return false
      }
      taken.push({ id: line.id, variantId: line.variantId, quantity: line.quantity })
    }
    if (
      (await orders.updateOne({ _id: order.id, 'reservation.state': 'released' }, { $set: { 'reservation.state': 'sold' } }))
        .modifiedCount !== 1
    ) {
      await giveBack()
      return false
    }
    for (const line of taken)
      await orders.updateOne({ _id: order.id, 'lines.id': line.id }, { $set: { 'lines.$.reserved': line.quantity } })
    return true
  }

  async completeRequest(id: number | string) {
    await this.model('service-requests').updateOne({ _id: id }, { $set: { incomplete: false } })
  }

  private async returnStock(variantId: string, quantity: number) {
    if (quantity > 0) await this.model('products').updateOne({ 'variants.id': variantId }, { $inc: { 'variants.$.stock': quantity } })
  }
}
