import { Meilisearch, type Config, type EnqueuedTaskPromise, type SearchParams } from 'meilisearch'
import { ALWAYS_FILTERABLE, compileMeiliFilter, validateQuery } from './filters'
import { compileSynonyms, highlight, indexTerms, prepareQuery, STOP_WORDS_LIST, type Synonyms } from './text'
import type { EngineHealth, IndexConfig, SearchDocument, SearchEngine, SearchQuery, SearchResult } from './types'

/** Meilisearch does not stem Indonesian: each searchable field is also indexed as our analyzed terms. */
const TERMS_PREFIX = '_terms_'

const withTerms = (config: IndexConfig, doc: SearchDocument) => {
  const out: Record<string, unknown> = { ...doc }
  for (const field of config.searchable) {
    const value = doc[field]
    out[TERMS_PREFIX + field] = indexTerms(Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value)).join(' ')
  }
  return out
}

const withoutTerms = (hit: Record<string, unknown>): SearchDocument =>
  Object.fromEntries(Object.entries(hit).filter(([key]) => !key.startsWith(TERMS_PREFIX))) as SearchDocument

/** Synonyms between analyzed phrases, which is what the indexed terms and our queries contain. */
const meiliSynonyms = (synonyms: Synonyms) =>
  Object.fromEntries([...synonyms].map(([phrase, alternatives]) => [phrase, alternatives.map((a) => a.join(' '))]))

const meiliSettings = (config: IndexConfig, synonyms: Synonyms) => ({
  searchableAttributes: config.searchable.map((field) => TERMS_PREFIX + field),
  filterableAttributes: [...new Set([...config.filterable, ...ALWAYS_FILTERABLE])],
  sortableAttributes: config.sortable,
  synonyms: meiliSynonyms(synonyms),
  stopWords: STOP_WORDS_LIST,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  pagination: { maxTotalHits: 1000 },
})

/** Waits for a write and fails loudly when Meilisearch could not apply it (so a sync job retries). */
const settle = async (task: EnqueuedTaskPromise, allowedError?: string) => {
  const done = await task.waitTask({ timeout: 30_000, interval: 100 })
  if (done.status !== 'succeeded' && done.error?.code !== allowedError) {
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no reason given'}`)
  }
}

/** The production engine, used when MEILISEARCH_HOST is set. */
export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch'
  private readonly client: Meilisearch
  private configs = new Map<string, IndexConfig>()
  private synonyms: Synonyms = new Map()

  constructor(options: Pick<Config, 'host' | 'apiKey' | 'httpClient'>) {
    // Short: a visitor's search waits on this before the embedded engine answers instead (see fallback.ts).
    this.client = new Meilisearch({ ...options, timeout: 3_000 })
  }

  async configure(indexes: IndexConfig[], synonyms: string[][]) {
    this.synonyms = compileSynonyms(synonyms)
    for (const config of indexes) {
      await settle(this.client.createIndex(config.name, { primaryKey: 'id' }), 'index_already_exists')
      await settle(this.client.index(config.name).updateSettings(meiliSettings(config, this.synonyms)))
      this.configs.set(config.name, config)
    }
  }

  async upsert(index: string, documents: SearchDocument[]) {
    if (!documents.length) return
    const config = this.config(index)
    await settle(
      this.client.index(index).addDocuments(
        documents.map((d) => withTerms(config, d)),
        { primaryKey: 'id' },
      ),
    )
  }

  async delete(index: string, ids: string[]) {
    if (ids.length) await settle(this.client.index(index).deleteDocuments(ids))
  }

  async clear(index: string) {
    await settle(this.client.index(index).deleteAllDocuments())
  }

  async search(query: SearchQuery) {
    return (await this.multiSearch([query]))[0]
  }

  async multiSearch(queries: SearchQuery[]): Promise<SearchResult[]> {
    const prepared = queries.map((query) => ({
      query,
      config: validateQuery(query, this.configs.get(query.index)),
      text: prepareQuery(query.text, this.synonyms),
    }))
    const { results } = await this.client.multiSearch({
      queries: prepared.map(({ query, text }) => ({ indexUid: query.index, ...this.params(query, text.terms) })),
    })
    return results.map((result, i) => {
      const { query, config, text } = prepared[i]
      return {
        index: query.index,
        hits: result.hits.map((hit) => {
          const document = withoutTerms(hit)
          const highlights = Object.fromEntries(
            config.highlight.filter((f) => typeof document[f] === 'string').map((f) => [f, highlight(document[f] as string, text)]),
          )
          return { document, highlights }
        }),
        total: result.totalHits ?? 0,
        page: result.page ?? 1,
        perPage: result.hitsPerPage ?? 20,
        facets: Object.fromEntries((query.facets ?? []).map((f) => [f, result.facetDistribution?.[f] ?? {}])),
      }
    })
  }

  /** The search request for one query: our analyzed terms, a compiled filter, exhaustive page numbers. */
  params(query: SearchQuery, terms: string[]): SearchParams {
    return {
      q: terms.join(' '),
      filter: query.filter ? compileMeiliFilter(query.filter) : undefined,
      facets: query.facets?.length ? query.facets : undefined,
      sort: query.sort?.length ? query.sort.map((s) => `${s.field}:${s.direction}`) : undefined,
      page: Math.max(1, Math.floor(query.page ?? 1)),
      hitsPerPage: Math.max(1, Math.min(100, query.perPage ?? 20)),
      matchingStrategy: 'all',
    }
  }

  async health(): Promise<EngineHealth> {
    try {
      // The admin's status page waits for this: a stopped engine must not keep it waiting long.
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref())
      const { status } = await Promise.race([this.client.health(), timeout])
      return { ok: status === 'available', engine: 'meilisearch', detail: `Meilisearch: ${status}` }
    } catch (err) {
      return { ok: false, engine: 'meilisearch', detail: `Meilisearch tidak menjawab: ${(err as Error).message}` }
    }
  }

  async flush() {}

  private config(index: string) {
    const config = this.configs.get(index)
    if (!config) throw new Error(`The search index "${index}" is not configured.`)
    return config
  }
}
