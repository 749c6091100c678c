import type { CollectionSlug } from 'payload'
import type { CopyOf } from './relations'

/** The documents of the template village copied into the new one so far: which copy stands for which original. */
export class VillageCopies {
  private readonly ids = new Map<string, number>()

  /** Notes that `copy` (in the new village) stands for `original` (in the template village). */
  record(collection: CollectionSlug, original: number, copy: number) {
    this.ids.set(`${collection}:${original}`, copy)
  }

  /** The copy of a document of the template village, or null when it was not copied (a picture, another village's). */
  copyOf: CopyOf = (collection, id) => this.ids.get(`${collection}:${id}`) ?? null
}
