import { describe, expect, it } from 'vitest'
import { suggestQuery, vocabularyOf } from '../../cms/search/suggest'
import { parseSearchRequest, searchHref } from '../../site/lib/search'

const parse = (query: string) => parseSearchRequest(new URLSearchParams(query))

describe("reading /cari's query string", () => {
  it('keeps the query, type, page and known product filters', () => {
    expect(parse('q=kopi+robusta&type=products&page=2&category=Minuman&inStock=true&priceRange=25k-50k')).toEqual({
      q: 'kopi robusta',
      type: 'products',
      page: 2,
      filters: { category: 'Minuman', inStock: 'true', priceRange: '25k-50k' },
      problems: [],
    })
  })

  it('drops unknown parameters and invalid values, and says so', () => {
    const request = parse('q=madu&warna=merah&priceRange=%22+OR+1&inStock=mungkin&type=rahasia&page=-4')
    expect(request.filters).toEqual({})
    expect(request.type).toBeNull()
    expect(request.page).toBe(1)
    expect(request.problems).toEqual([
      { kind: 'badValue', name: 'priceRange' },
      { kind: 'badValue', name: 'inStock' },
      { kind: 'unknownParam', name: 'warna' },
      { kind: 'badValue', name: 'type' },
    ])
  })

  it('cuts a 500-character query to 200 and flags it', () => {
    const request = parse(`q=${'a'.repeat(500)}`)
    expect(request.q).toHaveLength(200)
    expect(request.problems).toEqual([{ kind: 'tooLong' }])
  })

  it('builds links that change one part and keep the rest', () => {
    const request = parse('q=kopi&category=Minuman&page=3')
    expect(searchHref('/cari', request, { page: 1, filters: { ...request.filters, producer: 'BUMDes "Maju"' } })).toBe(
      '/cari?q=kopi&category=Minuman&producer=BUMDes+%22Maju%22',
    )
    expect(searchHref('/en/cari', request, { filters: {} })).toBe('/en/cari?q=kopi&page=3')
  })
})

describe('spelling suggestions', () => {
  const vocabulary = vocabularyOf(['Kopi Robusta Lestari', 'Madu Hutan Asli', 'Perangkat Desa'])
  it('replaces words that are not in the vocabulary by the closest one', () => {
    expect(suggestQuery('perangkkaatt desa', vocabulary)).toBe('perangkat desa')
    expect(suggestQuery('robsuta', vocabulary)).toBe('robusta')
  })
  it('suggests nothing when every word is known or nothing is close', () => {
    expect(suggestQuery('madu hutan', vocabulary)).toBeNull()
    expect(suggestQuery('zzzzzz', vocabulary)).toBeNull()
  })
})
