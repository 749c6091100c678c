/**
 * What a cached page depends on, named as tags. A page carries the tags of everything it read; saving a
 * document invalidates the tags it can change, and every page carrying one of them is out of date.
 *
 * - `products:12`: one document's content (the product page, and every list or card that shows it).
 * - `products`: which documents a collection's lists hold and in what order (catalog, search, archives).
 *   Every save or deletion in the collection changes it.
 * - `products:category=5`, `news:publishedAt`: a narrower list, one that selects documents by one field's value or
 *   orders them by one field (related products of a category, the article before and after). Only a save that
 *   adds, removes or moves a document in such a list changes it (see FACETS in cms/plugins/contentVersion.ts).
 * - EVERYTHING: every page (the village's settings are on all of them).
 *
 * Lists are a village's own (each village lists its own documents): a page of village 3 that read the catalogue
 * carries `products@3` and `products`; a save in village 3 changes `products@3` (and `products@any`, which a read
 * outside any village carries), never another village's lists; a change named without a village (`products`: a
 * rebuild of the search index, a stock move) reaches every village's lists.
 */
export type Tag = string

export const EVERYTHING: Tag = '*'

export const documentTag = (collection: string, id: number | string): Tag => `${collection}:${id}`
export const listTag = (collection: string): Tag => collection
/** A list of the documents whose `field` equals `value`, or (without one) ordered by `field`. */
export const facetTag = (collection: string, field: string, value?: unknown): Tag =>
  value === undefined ? `${collection}:${field}` : `${collection}:${field}=${String(value)}`

/** What a read of the list `tag` depends on: the lists of the village read in, or (outside one) of any village. */
export const listRead = (tag: Tag, village: number | undefined): Tag[] =>
  village === undefined ? [tag, `${tag}@any`] : [`${tag}@${village}`, tag]

/** What a save in `villages` (none: a collection no village owns) changes of the list `tag`. */
export const listChange = (tag: Tag, villages: readonly number[]): Tag[] =>
  villages.length ? [...villages.map((village) => `${tag}@${village}`), `${tag}@any`] : [tag]

/** The key of a read's `context` naming the list tags its result depends on, instead of the whole collection's. */
export const LIST_TAGS = 'pageCacheListTags'
/** The key of a read's `context` saying it looks one document up by a unique key (see byKey in site/lib/payload.ts). */
export const LOOKUP = 'pageCacheLookup'
