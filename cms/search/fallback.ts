import type { IndexConfig, SearchDocument, SearchEngine, SearchQuery, SearchResult } from './types'

/** After the primary engine fails, how long searches go straight to the fallback before trying it again. */
const RETRY_AFTER_MS = 30_000

type Logger = { warn: (message: string) => void }

/**
 * Meilisearch with the embedded engine behind it. Every write goes to both (the embedded one first, so it
 * is always ready); a write the primary misses still fails, so its sync job retries. Searches go to the
 * primary; when it cannot be reached they are answered by the embedded engine, with a warning in the log,
 * and the primary is left alone for a while so visitors never wait on a dead host.
 */
export class FallbackEngine implements SearchEngine {
  readonly kind: SearchEngine['kind']
  private configuration: { indexes: IndexConfig[]; synonyms: string[][] } | null = null
  private primaryConfigured = false
  private primaryDownUntil = 0

  constructor(
    private readonly primary: SearchEngine,
    private readonly fallback: SearchEngine,
    private readonly logger: Logger = { warn: (message) => console.warn(message) },
  ) {
    this.kind = primary.kind
  }

  async configure(indexes: IndexConfig[], synonyms: string[][]) {
    this.configuration = { indexes, synonyms }
    this.primaryConfigured = false
    await this.fallback.configure(indexes, synonyms)
    await this.primaryReady().catch(() => {})
  }

  async upsert(index: string, documents: SearchDocument[]) {
    await this.fallback.upsert(index, documents)
    await this.toPrimary((engine) => engine.upsert(index, documents))
  }

  async delete(index: string, ids: string[]) {
    await this.fallback.delete(index, ids)
    await this.toPrimary((engine) => engine.delete(index, ids))
  }

  async clear(index: string) {
    await this.fallback.clear(index)
    await this.toPrimary((engine) => engine.clear(index))
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.read((engine) => engine.search(query))
  }

  multiSearch(queries: SearchQuery[]): Promise<SearchResult[]> {
    return this.read((engine) => engine.multiSearch(queries))
  }

  health() {
    return this.primary.health()
  }

  async flush() {
    await this.fallback.flush()
    await this.primary.flush()
  }

  /** Configures the primary once it answers (it may have been down when the process started). */
  private async primaryReady() {
    if (this.primaryConfigured) return this.primary
    if (!this.configuration) throw new Error('The search engine is not configured.')
    try {
      await this.primary.configure(this.configuration.indexes, this.configuration.synonyms)
    } catch (err) {
      this.primaryFailed(err)
      throw err
    }
    this.primaryConfigured = true
    return this.primary
  }

  private async toPrimary(write: (engine: SearchEngine) => Promise<void>) {
    await write(await this.primaryReady())
  }

  private async read<T>(search: (engine: SearchEngine) => Promise<T>): Promise<T> {
    if (Date.now() >= this.primaryDownUntil) {
      try {
        return await search(await this.primaryReady())
      } catch (err) {
        // A refused query (bad filter) is the query's fault, not the engine's: the fallback would refuse it too.
        if (!isUnreachable(err)) throw err
        this.primaryFailed(err)
      }
    }
    return search(this.fallback)
  }

  private primaryFailed(err: unknown) {
    if (Date.now() >= this.primaryDownUntil)
      this.logger.warn(`Search engine ${this.primary.kind} unreachable (${(err as Error).message}); answering from the embedded engine`)
    this.primaryDownUntil = Date.now() + RETRY_AFTER_MS
  }
}

/** Errors of the connection (refused, reset, timed out), as the Meilisearch client reports them. */
const isUnreachable = (err: unknown): boolean => {
  const name = (err as Error)?.name ?? ''
  if (name === 'MeilisearchRequestError' || name === 'MeilisearchRequestTimeOutError') return true
  const cause = (err as { cause?: unknown })?.cause
  return cause ? isUnreachable(cause) : false
}
