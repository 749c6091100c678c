import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedEngine } from '../../cms/search/embedded'
import { INDEXES } from '../../cms/search/indexes'
import { MeilisearchEngine } from '../../cms/search/meilisearch'
import { SearchInputError, type SearchEngine, type SearchQuery } from '../../cms/search/types'
import { ARTICLES, EPISODES, PRODUCTS, SERVICES, SYNONYMS } from '../support/search-fixtures'

/**
 * One contract for every engine: the embedded engine always, Meilisearch when MEILISEARCH_HOST is set.
 * Fixture documents go straight into the engine, independent of the CMS collections.
 */
const engines: [string, () => SearchEngine][] = [['embedded', () => new EmbeddedEngine()]]
if (process.env.MEILISEARCH_HOST) {
  engines.push([
    'meilisearch',
    () => new MeilisearchEngine({ host: process.env.MEILISEARCH_HOST!, apiKey: process.env.MEILISEARCH_API_KEY }),
  ])
} else {
  console.info('[search contract] Meilisearch skipped: MEILISEARCH_HOST is not set; running the embedded engine only.')
}

describe.each(engines)('the %s search engine', (_name, create) => {
  let engine: SearchEngine
  const titles = async (query: Partial<SearchQuery> & { text: string }) =>
    (await engine.search({ index: 'products', ...query })).hits.map((h) => h.document.title)

  beforeAll(async () => {
    engine = create()
    await engine.configure(INDEXES, SYNONYMS)
    for (const index of ['products', 'news', 'services', 'episodes', 'pages']) await engine.clear(index)
    await engine.upsert('products', PRODUCTS)
    await engine.upsert('news', ARTICLES)
    await engine.upsert('services', SERVICES)
    await engine.upsert('episodes', EPISODES)
  })
  afterAll(async () => {
    for (const index of ['products', 'news', 'services', 'episodes']) await engine.clear(index)
  })

  it('finds a word by its Indonesian stem: "penjualan" finds what is sold ("dijual", "menjual")', async () => {
    expect(await titles({ text: 'penjualan madu' })).toEqual(['Madu Hutan Asli'])
    const news = await engine.search({ index: 'news', text: 'penjualan kopi' })
    expect(news.hits.map((h) => h.document.title)).toEqual(['Panen Raya Kopi di Dusun Hulu'])
  })

  it('forgives typos: "kopii" finds kopi, "maduu hutann" finds Madu Hutan', async () => {
    expect(await titles({ text: 'kopii' })).toEqual(expect.arrayContaining(['Kopi Robusta Lestari', 'Kopi Bubuk Tepian']))
    expect(await titles({ text: 'maduu hutann' })).toEqual(['Madu Hutan Asli'])
  })

  it('matches the last word as a prefix while typing', async () => {
    expect(await titles({ text: 'tas anyam' })).toEqual(['Tas Anyaman Rotan'])
    // "kera…" is the start of "kerajinan" (crafts), whose stem is "rajin".
    expect((await titles({ text: 'kera' })).sort()).toEqual(['Kain Tenun Ikat', 'Tas Anyaman Rotan'])
  })

  it("applies editors' synonyms both ways, including multi-word phrases", async () => {
    expect(await titles({ text: 'souvenir' })).toEqual(expect.arrayContaining(['Kopi Bubuk Tepian', 'Kain Tenun Ikat']))
    expect(await titles({ text: 'oleh-oleh' })).toEqual(expect.arrayContaining(['Kopi Bubuk Tepian', 'Kain Tenun Ikat']))
    const bumdes = await engine.search({ index: 'news', text: 'bumdes' })
    expect(bumdes.hits.map((h) => h.document.title)).toEqual(
      expect.arrayContaining(['Badan Usaha Milik Desa Buka Gerai Baru', 'Panen Raya Kopi di Dusun Hulu']),
    )
    const phrase = await engine.search({ index: 'products', text: 'badan usaha milik desa' })
    expect(phrase.hits.map((h) => h.document.producer)).toEqual(['BUMDes Sungai Lestari', 'BUMDes Sungai Lestari'])
  })

  it('filters exactly, with and/or, on values containing quotes and operators', async () => {
    expect(
      await titles({ text: '', filter: { field: 'category', op: 'eq', value: 'Kerajinan' }, sort: [{ field: 'price', direction: 'asc' }] }),
    ).toEqual(['Tas Anyaman Rotan', 'Kain Tenun Ikat'])
    const cheapOrCraft = await titles({
      text: '',
      filter: {
        and: [
          { field: 'inStock', op: 'eq', value: true },
          {
            or: [
              { field: 'price', op: 'lt', value: 20_000 },
              { field: 'category', op: 'eq', value: 'Kerajinan' },
            ],
          },
        ],
      },
      sort: [{ field: 'price', direction: 'asc' }],
    })
    expect(cheapOrCraft).toEqual(['Keripik Pisang "Renyah"', 'Kain Tenun Ikat'])
    expect(await titles({ text: '', filter: { field: 'producer', op: 'eq', value: 'Ibu-Ibu PKK" OR category = "Minuman' } })).toEqual([])
    expect(
      await titles({
        text: '',
        filter: { field: 'producer', op: 'in', value: ['Sanggar Rajin', 'Ibu-Ibu PKK'] },
        sort: [{ field: 'title', direction: 'asc' }],
      }),
    ).toEqual(['Kain Tenun Ikat', 'Keripik Pisang "Renyah"', 'Tas Anyaman Rotan'])
  })

  it('counts facets over all matches, not just the page shown', async () => {
    const result = await engine.search({ index: 'products', text: '', facets: ['category', 'priceRange', 'inStock'], perPage: 2 })
    expect(result.total).toBe(7)
    expect(result.hits).toHaveLength(2)
    expect(result.facets.category).toEqual({ Minuman: 2, Makanan: 3, Kerajinan: 2 })
    expect(result.facets.priceRange).toEqual({ 'under-25k': 1, '25k-50k': 2, '50k-100k': 1, '100k-plus': 3 })
    expect(result.facets.inStock).toEqual({ true: 6, false: 1 })
    const filtered = await engine.search({
      index: 'products',
      text: 'kopi',
      facets: ['producer'],
      filter: { field: 'category', op: 'eq', value: 'Minuman' },
    })
    expect(filtered.facets.producer).toEqual({ 'Kelompok Tani Makmur': 1, 'BUMDes Sungai Lestari': 1 })
  })

  it('sorts and paginates', async () => {
    const sorted = async (page: number) =>
      (await engine.search({ index: 'products', text: '', sort: [{ field: 'price', direction: 'desc' }], page, perPage: 3 })).hits.map(
        (h) => h.document.price,
      )
    expect(await sorted(1)).toEqual([450_000, 150_000, 120_000])
    expect(await sorted(2)).toEqual([65_000, 35_000, 25_000])
    expect(await sorted(3)).toEqual([15_000])
    expect(await sorted(4)).toEqual([])
  })

  it('highlights the matched words of the original text, stems and typos included', async () => {
    const [hit] = (await engine.search({ index: 'products', text: 'dijual madu' })).hits
    const marked = (field: string) => hit.highlights[field].filter((s) => s.match).map((s) => s.text)
    expect(marked('title')).toEqual(['Madu'])
    expect(marked('description')).toEqual(['Madu', 'dijual'])
    expect(hit.highlights.description.map((s) => s.text).join('')).toBe(hit.document.description)
  })

  it('searches several indexes in one call', async () => {
    const results = await engine.multiSearch(['products', 'news', 'episodes', 'services'].map((index) => ({ index, text: 'petani kopi' })))
    expect(results.map((r) => [r.index, r.total])).toEqual([
      ['products', 1],
      ['news', 1],
      ['episodes', 1],
      ['services', 0],
    ])
  })

  it('forgets deleted and unpublished documents and updates changed ones', async () => {
    await engine.upsert('products', [{ ...PRODUCTS[6], title: 'Gula Semut Aren' }])
    expect(await titles({ text: 'gula semut' })).toEqual(['Gula Semut Aren'])
    await engine.delete('products', [PRODUCTS[6].id])
    expect(await titles({ text: 'gula' })).toEqual([])
    expect((await engine.search({ index: 'products', text: '' })).total).toBe(6)
  })

  it('refuses filters, facets and sorts the index does not declare', async () => {
    await expect(engine.search({ index: 'products', text: '', filter: { field: 'secret', op: 'eq', value: 'x' } })).rejects.toThrow(
      SearchInputError,
    )
    await expect(
      engine.search({ index: 'products', text: '', filter: { field: 'price) OR (1', op: 'eq', value: 1 } as never }),
    ).rejects.toThrow(SearchInputError)
    await expect(engine.search({ index: 'products', text: '', facets: ['title'] })).rejects.toThrow(SearchInputError)
    await expect(engine.search({ index: 'products', text: '', sort: [{ field: 'description', direction: 'asc' }] })).rejects.toThrow(
      SearchInputError,
    )
    await expect(engine.search({ index: 'nope', text: '' })).rejects.toThrow(SearchInputError)
  })

  it('answers hostile or odd queries without failing', async () => {
    for (const text of [
      '"kopi',
      "kopi' OR 1=1 --",
      '((madu))',
      '<script>alert(1)</script>',
      'x'.repeat(500),
      'dan yang di ke',
      '🙂',
      '   ',
    ]) {
      const result = await engine.search({ index: 'products', text })
      expect(result.total).toBeGreaterThanOrEqual(0)
    }
  })
})
