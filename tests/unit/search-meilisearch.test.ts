import { beforeEach, describe, expect, it } from 'vitest'
import { compileMeiliFilter } from '../../cms/search/filters'
import { INDEXES } from '../../cms/search/indexes'
import { MeilisearchEngine } from '../../cms/search/meilisearch'
import { SearchInputError } from '../../cms/search/types'
import { fakeMeilisearch } from '../support/fake-meilisearch'
import { PRODUCTS, SYNONYMS } from '../support/search-fixtures'

let fake: ReturnType<typeof fakeMeilisearch>
let engine: MeilisearchEngine

beforeEach(async () => {
  fake = fakeMeilisearch()
  engine = new MeilisearchEngine({ host: 'http://meili.test:7700', apiKey: 'kunci', httpClient: fake.httpClient })
  await engine.configure(INDEXES, SYNONYMS)
  fake.requests.length = 0
})

describe('Meilisearch filters', () => {
  it('compiles and/or trees, lists, numbers and booleans', () => {
    expect(
      compileMeiliFilter({
        and: [
          { field: 'locale', op: 'eq', value: 'id' },
          {
            or: [
              { field: 'price', op: 'lt', value: 25000 },
              { field: 'inStock', op: 'eq', value: true },
            ],
          },
        ],
      }),
    ).toBe('(locale = "id") AND ((price < 25000) OR (inStock = true))')
    expect(compileMeiliFilter({ field: 'category', op: 'in', value: ['Makanan', 'Minuman'] })).toBe('category IN ["Makanan", "Minuman"]')
    expect(compileMeiliFilter({ field: 'producer', op: 'neq', value: 'X' })).toBe('producer != "X"')
  })

  it('quotes every string and escapes quotes and backslashes, so values cannot change the expression', () => {
    expect(compileMeiliFilter({ field: 'producer', op: 'eq', value: 'Ibu" OR category = "Minuman' })).toBe(
      'producer = "Ibu\\" OR category = \\"Minuman"',
    )
    expect(compileMeiliFilter({ field: 'producer', op: 'eq', value: 'a\\" OR x = 1' })).toBe('producer = "a\\\\\\" OR x = 1"')
  })
})

describe('the Meilisearch adapter, request by request', () => {
  it('creates each index and sends its settings: analyzed fields, filters, sorts, synonyms, stop words, typo tolerance; waiting for every task', async () => {
    const other = fakeMeilisearch()
    await new MeilisearchEngine({ host: 'http://meili.test:7700', httpClient: other.httpClient }).configure(INDEXES, SYNONYMS)
    const writes = other.writes()
    expect(writes.filter((w) => w.path === '/indexes').map((w) => w.body)).toEqual(INDEXES.map((i) => ({ uid: i.name, primaryKey: 'id' })))
    const products = writes.find((w) => w.path === '/indexes/products/settings')!
    expect(products.method).toBe('PATCH')
    expect(products.body).toMatchObject({
      searchableAttributes: ['_terms_title', '_terms_producer', '_terms_category', '_terms_variants', '_terms_description'],
      filterableAttributes: [
        'category',
        'producer',
        'categorySlug',
        'producerSlug',
        'priceRange',
        'inStock',
        'price',
        'locale',
        'village',
        'everyVillage',
      ],
      sortableAttributes: ['price', 'title', 'publishedAt'],
      synonyms: {
        oleholeh: ['souvenir'],
        souvenir: ['oleholeh'],
        bumdes: ['badan usaha milik desa'],
        'badan usaha milik desa': ['bumdes'],
      },
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    })
    expect(products.body).toHaveProperty('stopWords', expect.arrayContaining(['yang', 'dan', 'di']))
    const taskReads = other.requests.filter((r) => r.path.startsWith('/tasks/')).length
    expect(taskReads).toBe(writes.length)
  })

  it('accepts an index that already exists', async () => {
    const other = fakeMeilisearch()
    other.state.failWrites = { code: 'index_already_exists', message: 'exists', path: '/indexes' }
    const meili = new MeilisearchEngine({ host: 'http://meili.test:7700', httpClient: other.httpClient })
    await meili.configure(INDEXES.slice(0, 1), [])
    expect(other.writes().map((w) => w.path)).toEqual(['/indexes', '/indexes/pages/settings'])
    other.state.failWrites = { code: 'invalid_settings', message: 'bad settings' }
    await expect(meili.configure(INDEXES.slice(0, 1), [])).rejects.toThrow(/bad settings/)
  })

  it('sends documents with their analyzed terms, and fails when the task fails so a sync job retries', async () => {
    await engine.upsert('products', [PRODUCTS[2]])
    const [write] = fake.writes()
    expect(write).toMatchObject({ method: 'POST', path: '/indexes/products/documents', search: '?primaryKey=id' })
    expect(write.body).toMatchObject([
      {
        id: 'madu-hutan_id',
        title: 'Madu Hutan Asli',
        _terms_title: 'madu hutan asli',
        price: 120000,
        _terms_description: expect.stringContaining('jual dijual'),
      },
    ])
    fake.state.failWrites = { code: 'internal', message: 'disk full' }
    await expect(engine.upsert('products', [PRODUCTS[0]])).rejects.toThrow(/disk full/)
  })

  it('deletes by id and clears an index', async () => {
    await engine.delete('products', ['kopi-robusta_id', 'kopi-robusta_en'])
    await engine.clear('news')
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', '/indexes/products/documents/delete-batch', ['kopi-robusta_id', 'kopi-robusta_en']],
      ['DELETE', '/indexes/news/documents', undefined],
    ])
  })

  it('searches with analyzed terms, a compiled filter, facets, sort and page numbers; results lose the analyzed fields and gain highlights', async () => {
    fake.state.hits.products = [{ ...PRODUCTS[2], _terms_title: 'madu hutan asli' }]
    fake.state.facetDistribution = { category: { Makanan: 1 } }
    const [result] = await engine.multiSearch([
      {
        index: 'products',
        text: 'Penjualan MADU di',
        filter: {
          and: [
            { field: 'locale', op: 'eq', value: 'id' },
            { field: 'producer', op: 'eq', value: 'Kelompok "Tani"' },
          ],
        },
        facets: ['category'],
        sort: [{ field: 'price', direction: 'asc' }],
        page: 2,
        perPage: 5,
      },
    ])
    expect(fake.requests[0].body).toHaveProperty('queries.0', {
      indexUid: 'products',
      q: 'jual madu',
      filter: '(locale = "id") AND (producer = "Kelompok \\"Tani\\"")',
      facets: ['category'],
      sort: ['price:asc'],
      page: 2,
      hitsPerPage: 5,
      matchingStrategy: 'all',
    })
    expect(result.hits[0].document).not.toHaveProperty('_terms_title')
    expect(result.hits[0].highlights.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Madu'])
    expect(result.facets).toEqual({ category: { Makanan: 1 } })
    expect(result.total).toBe(1)
  })

  it('refuses unknown filter fields before sending anything', async () => {
    await expect(engine.search({ index: 'products', text: '', filter: { field: 'email', op: 'eq', value: 'x' } })).rejects.toThrow(
      SearchInputError,
    )
    expect(fake.requests).toEqual([])
  })

  it('reports health, and an engine that does not answer as unhealthy', async () => {
    expect(await engine.health()).toMatchObject({ ok: true, engine: 'meilisearch' })
    fake.state.down = true
    expect(await engine.health()).toMatchObject({ ok: false })
  })
})
