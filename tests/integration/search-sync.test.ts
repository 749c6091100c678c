import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedEngine } from '../../cms/search/embedded'
import { setSearchEngine } from '../../cms/search/engine'
import { getSearch, reindexAll } from '../../cms/search/sync'
import type { SearchEngine } from '../../cms/search/types'
import { createUser, startPayload } from '../support/payload'

let payload: Payload
let engine: EmbeddedEngine

/** An engine that is down for its next `failures` writes, then recovers. */
const flaky = (inner: SearchEngine, failures: number): SearchEngine => {
  let left = failures
  const fail = () => {
    if (left > 0) {
      left -= 1
      throw new Error('Mesin pencarian tidak menjawab')
    }
  }
  return new Proxy(inner, {
    get: (target, prop) => {
      const value = Reflect.get(target, prop)
      if (prop === 'upsert' || prop === 'delete') return async (...args: unknown[]) => (fail(), value.apply(target, args))
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const runJobs = () => payload.jobs.run({ queue: 'search' })
const found = async (text: string) =>
  (await (await getSearch(payload)).search({ index: 'pages', text, filter: { field: 'locale', op: 'eq', value: 'id' } })).hits.map(
    (h) => h.document.title,
  )
const page = (slug: string, title: string, _status: 'published' | 'draft', summary = '') =>
  payload.create({ collection: 'pages', data: { title, slug, summary, _status }, overrideAccess: true })

beforeAll(async () => {
  payload = await startPayload()
})

afterEach(() => {
  engine = new EmbeddedEngine()
  setSearchEngine(engine)
})

describe('keeping search in sync with the CMS', () => {
  it('makes a published page findable in both languages once the queued job runs', async () => {
    setSearchEngine((engine = new EmbeddedEngine()))
    const created = await page('sejarah-sungai', 'Sejarah Sungai Lestari', 'published', 'Asal-usul desa di tepian sungai.')
    await payload.update({
      collection: 'pages',
      id: created.id,
      data: { title: 'History of Sungai Lestari' },
      locale: 'en',
      overrideAccess: true,
    })
    expect(await found('sejarah')).toEqual([]) // the save only queued a job
    await runJobs()
    expect(await found('sejarah')).toEqual(['Sejarah Sungai Lestari'])
    const english = await (
      await getSearch(payload)
    ).search({ index: 'pages', text: 'history', filter: { field: 'locale', op: 'eq', value: 'en' } })
    expect(english.hits.map((h) => [h.document.title, h.document.path])).toEqual([['History of Sungai Lestari', '/profil/sejarah-sungai']])
  })

  it('never indexes drafts, and removes a page when it is unpublished or deleted', async () => {
    await page('rahasia', 'Rancangan Pengumuman Rahasia', 'draft')
    const visible = await page('pasar-desa', 'Pasar Desa Terapung', 'published')
    await runJobs()
    expect(await found('rahasia')).toEqual([])
    expect(await found('pasar terapung')).toEqual(['Pasar Desa Terapung'])

    await payload.update({ collection: 'pages', id: visible.id, data: { _status: 'draft' }, overrideAccess: true })
    await runJobs()
    expect(await found('pasar terapung')).toEqual([])

    await payload.update({ collection: 'pages', id: visible.id, data: { _status: 'published' }, overrideAccess: true })
    await runJobs()
    expect(await found('pasar terapung')).toEqual(['Pasar Desa Terapung'])
    await payload.delete({ collection: 'pages', id: visible.id, overrideAccess: true })
    await runJobs()
    expect(await found('pasar terapung')).toEqual([])
  })

  it('saves without waiting for a down engine, and retries the sync until the engine is back', async () => {
    setSearchEngine(flaky((engine = new EmbeddedEngine()), 1))
    const started = Date.now()
    await page('air-terjun', 'Air Terjun Bidadari', 'published')
    expect(Date.now() - started).toBeLessThan(2000)

    await runJobs()
    expect(await found('air terjun')).toEqual([])
    const editor = { ...(await createUser(payload, 'editor')), collection: 'users' as const }
    const status = await payload.findGlobal({ slug: 'search-status', user: editor, overrideAccess: false })
    expect(status.lastError).toMatch(/tidak menjawab/)

    await new Promise((r) => setTimeout(r, 1500)) // the first retry waits about a second
    await runJobs()
    expect(await found('air terjun')).toEqual(['Air Terjun Bidadari'])
    const after = await payload.findGlobal({ slug: 'search-status', user: editor, overrideAccess: false })
    expect(after).toMatchObject({ engine: 'embedded', healthy: true, lastError: null })
    expect(new Date(after.lastSyncAt!).getTime()).toBeGreaterThan(started)
  })

  it('applies synonyms that editors add in the CMS', async () => {
    await page('oleh-oleh', 'Oleh-oleh Khas Desa', 'published')
    await runJobs()
    expect(await found('souvenir')).toEqual([])
    await payload.create({ collection: 'search-synonyms', data: { terms: ['oleh-oleh', 'souvenir'] }, overrideAccess: true })
    await runJobs()
    expect(await found('souvenir')).toEqual(['Oleh-oleh Khas Desa'])
  })

  it('rebuilds every index from the database with progress', async () => {
    await page('kebun-kopi', 'Kebun Kopi Warga', 'published')
    await runJobs()
    setSearchEngine((engine = new EmbeddedEngine()))
    expect(await found('kebun kopi')).toEqual([])
    const seen: number[] = []
    const { total } = await reindexAll(payload, (done) => seen.push(done))
    expect(seen.at(-1)).toBe(total)
    expect(await found('kebun kopi')).toEqual(['Kebun Kopi Warga'])
  })

  it('lets only the media team manage synonyms and read the status, and nobody edit the status', async () => {
    const producer = { ...(await createUser(payload, 'producer')), collection: 'users' as const }
    await expect(payload.find({ collection: 'search-synonyms', user: producer, overrideAccess: false })).rejects.toThrow()
    await expect(payload.findGlobal({ slug: 'search-status', user: producer, overrideAccess: false })).rejects.toThrow()
    const admin = { ...(await createUser(payload, 'admin')), collection: 'users' as const }
    await expect(
      payload.updateGlobal({ slug: 'search-status', data: { lastError: 'x' }, user: admin, overrideAccess: false }),
    ).rejects.toThrow()
  })
})
