import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EmbeddedEngine } from '../../cms/search/embedded'
import { snapshotFile } from '../../cms/search/engine'
import { INDEXES } from '../../cms/search/indexes'
import { PRODUCTS, SYNONYMS } from '../support/search-fixtures'

const dirs: string[] = []
const tempFile = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'search-snapshot-'))
  dirs.push(dir)
  return path.join(dir, 'desa.db.search.json')
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const titles = async (engine: EmbeddedEngine, text: string) =>
  (await engine.search({ index: 'products', text })).hits.map((h) => h.document.title)

describe('the embedded engine across restarts', () => {
  it('keeps its snapshot beside the SQLite file, and none for an in-memory database', () => {
    expect(snapshotFile({ kind: 'sqlite', url: 'file:/srv/desa/data/desa.db' })).toBe('/srv/desa/data/desa.db.search.json')
    expect(snapshotFile({ kind: 'sqlite', url: ':memory:' })).toBeNull()
  })

  it('loads the index from its snapshot after a restart, without rebuilding', async () => {
    const file = tempFile()
    const first = new EmbeddedEngine(file)
    await first.configure(INDEXES, SYNONYMS)
    await first.upsert('products', PRODUCTS)
    await first.delete('products', ['gula-aren_id'])
    await first.flush()

    const restarted = new EmbeddedEngine(file)
    await restarted.configure(INDEXES, SYNONYMS)
    expect(await titles(restarted, 'penjualan madu')).toEqual(['Madu Hutan Asli'])
    expect(await titles(restarted, 'gula')).toEqual([])
    expect((await restarted.search({ index: 'products', text: '' })).total).toBe(6)
  })

  it('picks up a rebuild written by another process (npm run reindex) on the next query', async () => {
    const file = tempFile()
    const server = new EmbeddedEngine(file)
    await server.configure(INDEXES, SYNONYMS)
    await server.upsert('products', PRODUCTS.slice(0, 1))
    await server.flush()
    expect(await titles(server, 'madu')).toEqual([])

    const reindex = new EmbeddedEngine(file)
    await reindex.configure(INDEXES, SYNONYMS)
    await reindex.upsert('products', PRODUCTS)
    await new Promise((r) => setTimeout(r, 20)) // a later modification time than the server's own write
    await reindex.flush()
    expect(await titles(server, 'madu')).toEqual(['Madu Hutan Asli'])
  })

  it('starts empty, instead of failing, when the snapshot is damaged', async () => {
    const file = tempFile()
    writeFileSync(file, '{"version":1,"indexes":[{"config":')
    const engine = new EmbeddedEngine(file)
    await engine.configure(INDEXES, SYNONYMS)
    expect((await engine.search({ index: 'products', text: '' })).total).toBe(0)
    await engine.upsert('products', PRODUCTS)
    await engine.flush()
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1)
  })
})
