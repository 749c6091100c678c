import { describe, expect, it } from 'vitest'
import { analyze, compileSynonyms, highlight, indexTerms, normalize, prepareQuery, STEM_OVERRIDES } from '../../cms/search/text'

describe('Indonesian text handling', () => {
  it('normalises case, accents and control characters', () => {
    expect(normalize('KOPI Café\u0000Enak')).toBe('kopi cafe enak')
  })

  it('drops Indonesian stop words and stems words to their root', () => {
    expect(analyze('Penjualan kopi dari para petani di desa')).toEqual(['jual', 'kopi', 'tani', 'desa'])
    expect(analyze('menjual dijual jualan')).toEqual(['jual', 'jual', 'jual'])
    expect(analyze('pertanian bertani petani')).toEqual(['tani', 'tani', 'tani'])
  })

  it('corrects the stemmer with the override list', () => {
    expect(analyze('berita keripik kelapa mengirimkan')).toEqual(['berita', 'keripik', 'kelapa', 'kirim'])
    for (const [word, stem] of Object.entries(STEM_OVERRIDES)) expect(analyze(word)).toEqual([stem])
  })

  it('reads words that name members of every JavaScript object as plain words', () => {
    expect(analyze('constructor tostring valueof').map((term) => typeof term)).toEqual(['string', 'string', 'string'])
  })

  it('reads reduplication as the base word, unless the base alone is a stop word', () => {
    expect(analyze('anak-anak')).toEqual(['anak'])
    expect(analyze('oleh-oleh')).toEqual(['oleholeh'])
  })

  it('indexes the surface form beside the stem so half-typed words find their prefix', () => {
    expect(indexTerms('Kerajinan rotan')).toEqual(['rajin', 'kerajinan', 'rotan'])
  })

  it('prepares a query: at most ten terms, stop-word-only and over-long queries flagged', () => {
    expect(prepareQuery('dan yang di').onlyStopWords).toBe(true)
    const long = prepareQuery('kopi '.repeat(100))
    expect(long.terms).toHaveLength(10)
    expect(long.truncated).toBe(true)
    expect(prepareQuery('x'.repeat(500)).truncated).toBe(true)
  })

  it("groups a query with the editors' synonyms, multi-word phrases included", () => {
    const synonyms = compileSynonyms([
      ['oleh-oleh', 'souvenir'],
      ['BUMDes', 'badan usaha milik desa'],
    ])
    expect(prepareQuery('souvenir murah', synonyms).groups).toEqual([[['souvenir'], ['oleholeh']], [['murah']]])
    expect(prepareQuery('kopi badan usaha milik desa', synonyms).groups).toEqual([
      [['kopi']],
      [['badan', 'usaha', 'milik', 'desa'], ['bumdes']],
    ])
  })

  it('highlights matched words in the original text and cuts long texts around the first match', () => {
    const query = prepareQuery('penjualan madu')
    const parts = highlight('Madu hutan dijual di pasar <b>desa</b>', query)
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Madu', 'dijual'])
    expect(parts.map((p) => p.text).join('')).toBe('Madu hutan dijual di pasar <b>desa</b>')
    const long = highlight(`${'kata lain '.repeat(100)}madu asli ${'kata lain '.repeat(100)}`, query, 120)
    expect(long.map((p) => p.text).join('').length).toBeLessThanOrEqual(130)
    expect(long.some((p) => p.match && p.text === 'madu')).toBe(true)
  })
})
