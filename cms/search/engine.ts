import path from 'node:path'
import { config, type Config } from '../lib/config'
import { sqliteFileOf, type DatabaseTarget } from '../lib/database'
import { dataDir } from '../lib/paths'
import { EmbeddedEngine } from './embedded'
import { FallbackEngine } from './fallback'
import { MeilisearchEngine } from './meilisearch'
import type { SearchEngine } from './types'

/** Where the embedded engine keeps its snapshot: beside the SQLite file, none for an in-memory database. */
export const snapshotFile = (target: DatabaseTarget): string | null => {
  if (target.kind === 'mongodb') return path.join(dataDir(), 'search-index.json')
  const file = sqliteFileOf(target)
  return file && `${file}.search.json`
}

/**
 * Meilisearch when MEILISEARCH_HOST is set, with the embedded engine kept beside it to answer while
 * Meilisearch cannot be reached; the embedded engine alone otherwise.
 */
export const createEngine = ({ database, meilisearch }: Pick<Config, 'database' | 'meilisearch'> = config()): SearchEngine => {
  const embedded = new EmbeddedEngine(snapshotFile(database))
  return meilisearch ? new FallbackEngine(new MeilisearchEngine(meilisearch), embedded) : embedded
}

// The admin (Next.js) and the site (Astro) bundle this module separately; the process shares one engine.
const KEY = Symbol.for('desa.search.engine')
type Holder = { [KEY]?: SearchEngine }

export const searchEngine = (): SearchEngine => ((globalThis as Holder)[KEY] ??= createEngine())

/** Replaces the process's engine (tests point it at a failing or fake engine). */
export const setSearchEngine = (engine: SearchEngine | undefined) => {
  ;(globalThis as Holder)[KEY] = engine
  resetConfigured()
}

const CONFIGURED = Symbol.for('desa.search.configured')
type ConfiguredHolder = { [CONFIGURED]?: Promise<SearchEngine> }

/** Forget the configuration so the next use configures again (after editors change synonyms). */
export const resetConfigured = () => {
  delete (globalThis as ConfiguredHolder)[CONFIGURED]
}

/** The engine, configured once per process with the indexes and the given synonym loader. */
export const configuredEngine = (configure: (engine: SearchEngine) => Promise<void>): Promise<SearchEngine> => {
  const holder = globalThis as ConfiguredHolder
  holder[CONFIGURED] ??= (async () => {
    const engine = searchEngine()
    await configure(engine)
    return engine
  })().catch((err) => {
    resetConfigured()
    throw err
  })
  return holder[CONFIGURED]
}
