import type { Segment } from './text'

/** A value stored in a search document: only what a public page may show. */
type FieldValue = string | number | boolean | string[] | null

/** One published item as the engine stores it, per language. `id` is unique within its index. */
export type SearchDocument = {
  id: string
  locale: 'id' | 'en'
  title: string
  /** The village the item belongs to (its id). */
  village?: number
  /** Shown on every village's site (what the regency publishes to all, cms/villages/everyVillage.ts). */
  everyVillage?: boolean
  /** Where the item lives on the site, without the language prefix (e.g. /produk/kopi-robusta). */
  path: string
  summary?: string
  [field: string]: FieldValue | undefined
}

/** What an index holds and how it may be queried; the same description configures every engine. */
export type IndexConfig = {
  name: string
  /** Searched fields, most important first (a title match ranks above a body match). */
  searchable: string[]
  /** Fields usable in filters; `locale` is always filterable. */
  filterable: string[]
  sortable: string[]
  /** Filterable fields whose value counts are returned. */
  facets: string[]
  /** Fields that get highlighted parts in results. */
  highlight: string[]
}

type Comparison = { field: string; op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: string | number | boolean }
type Membership = { field: string; op: 'in'; value: (string | number)[] }
/** Filters combine with and/or to any depth. */
export type Filter = Comparison | Membership | { and: Filter[] } | { or: Filter[] }

export type SearchQuery = {
  index: string
  /** What the visitor typed; empty for "everything" (placeholder search). */
  text: string
  filter?: Filter
  facets?: string[]
  sort?: { field: string; direction: 'asc' | 'desc' }[]
  /** 1-based. */
  page?: number
  perPage?: number
}

type SearchHit = { document: SearchDocument; highlights: Record<string, Segment[]> }

export type SearchResult = {
  index: string
  hits: SearchHit[]
  total: number
  page: number
  perPage: number
  /** Counts per value of each requested facet, over all matches (not just this page). */
  facets: Record<string, Record<string, number>>
}

export type EngineHealth = { ok: boolean; engine: 'embedded' | 'meilisearch'; detail: string }

/** The one search interface; the embedded engine and Meilisearch implement it alike. */
export interface SearchEngine {
  readonly kind: 'embedded' | 'meilisearch'
  /** Creates or updates the indexes and the editors' synonym groups (raw phrases, e.g. ["BUMDes", "badan usaha milik desa"]). */
  configure(indexes: IndexConfig[], synonyms: string[][]): Promise<void>
  upsert(index: string, documents: SearchDocument[]): Promise<void>
  delete(index: string, ids: string[]): Promise<void>
  /** Removes every document of an index (before a full rebuild). */
  clear(index: string): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /** Several queries (e.g. one per content type) in one round trip. */
  multiSearch(queries: SearchQuery[]): Promise<SearchResult[]>
  health(): Promise<EngineHealth>
  /** Makes pending writes durable (the embedded snapshot); a no-op where writes already are. */
  flush(): Promise<void>
}

/** A query the engine refuses: a filter on an unknown field, a value of the wrong type, an unknown index. */
export class SearchInputError extends Error {}
