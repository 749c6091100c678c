import { beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../cms/search/engine'
import { INDEXES } from '../../cms/search/indexes'
import { SYNONYMS, PRODUCTS } from '../support/search-fixtures'
import { freePort } from '../support/server'

/**
 * MEILISEARCH_HOST points at a local port nobody listens on: the real Meilisearch client gets "connection
 * refused", exactly as when the Meilisearch server is down.
 */
describe('search while Meilisearch cannot be reached', () => {
  const warnings: string[] = []
  let engine: ReturnType<typeof createEngine>

  beforeAll(async () => {
    const host = `http://127.0.0.1:${await freePort()}`
    const warn = console.warn
    console.warn = (message: string) => void warnings.push(message)
    try {
      engine = createEngine({ database: { kind: 'sqlite', url: ':memory:' }, meilisearch: { host, apiKey: undefined } })
      await engine.configure(INDEXES, SYNONYMS)
      // The sync job's write fails (so the job retries later) but the embedded engine has the documents.
      await expect(engine.upsert('products', PRODUCTS)).rejects.toThrow()
    } finally {
      console.warn = warn
    }
  })

  it('answers searches from the embedded engine, and says so in the log', async () => {
    const warn = console.warn
    console.warn = (message: string) => void warnings.push(message)
    try {
      const [products] = await engine.multiSearch([{ index: 'products', text: 'madu hutan' }])
      expect(products.hits.map((h) => h.document.title)).toEqual(['Madu Hutan Asli'])
      expect((await engine.search({ index: 'products', text: 'kopi' })).total).toBe(2)
    } finally {
      console.warn = warn
    }
    expect(warnings.some((w) => /unreachable.*embedded/i.test(w))).toBe(true)
  })

  it('still refuses a bad query instead of hiding it behind the fallback', async () => {
    await expect(engine.search({ index: 'products', text: 'kopi', filter: { field: 'nope', op: 'eq', value: 1 } })).rejects.toThrow()
  })

  it('reports Meilisearch as unhealthy to the admin', async () => {
    expect(await engine.health()).toMatchObject({ ok: false, engine: 'meilisearch' })
  })
})
