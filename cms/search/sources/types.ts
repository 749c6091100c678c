import type { Config } from '../../payload-types'
import type { SearchDocument } from '../types'

export type Locale = 'id' | 'en'

/**
 * How one collection is searched: which index holds it and how a published document (read in one
 * language, as an anonymous visitor would) becomes a search document. Adding a content type to search
 * is one of these plus a line in sources/index.ts.
 */
export type SearchSource<Collection extends SearchedCollection = SearchedCollection> = {
  collection: Collection
  index: string
  /** Relationship depth needed by toDocument (e.g. 1 for a product's producer name). */
  depth: number
  // A method, so that a source of one collection is a SearchSource of any.
  toDocument(doc: Config['collections'][Collection], locale: Locale): SearchDocument
}

/** The collections search reads. */
export type SearchedCollection = 'pages' | 'news' | 'episodes' | 'products' | 'services'

/** Search document ids carry the language: one document per language and item. */
export const documentId = (id: string | number, locale: Locale) => `${id}_${locale}`
