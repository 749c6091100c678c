import { PRICE_RANGES } from '../../cms/search/indexes'
import { suggestQuery, vocabularyOf } from '../../cms/search/suggest'
import { getSearch } from '../../cms/search/sync'
import { villageFilter } from '../../cms/search/filters'
import { currentVillage } from '../../cms/villages/current'
import { MAX_QUERY_CHARS, prepareQuery, type Segment } from '../../cms/search/text'
import type { Filter, SearchQuery, SearchResult } from '../../cms/search/types'
import type { Locale } from '../i18n/locales'
import { payload } from './payload'
import { limitRequest } from './rateLimit'

/** Content types in the order /cari shows them. */
const SEARCH_TYPES = ['products', 'news', 'episodes', 'services', 'pages'] as const
type SearchType = (typeof SEARCH_TYPES)[number]

/** Product facets a visitor can filter by, and the values each accepts (null: any short text). */
export const PRODUCT_FILTERS = {
  category: null,
  producer: null,
  priceRange: PRICE_RANGES.map(([key]) => key) as string[],
  inStock: ['true', 'false'] as string[],
} as const
export type ProductFilter = keyof typeof PRODUCT_FILTERS
const FILTER_NAMES = Object.keys(PRODUCT_FILTERS) as ProductFilter[]
const KNOWN_PARAMS = new Set(['q', 'type', 'page', ...FILTER_NAMES])

type Problem = { kind: 'tooLong' } | { kind: 'unknownParam'; name: string } | { kind: 'badValue'; name: string }

export type SearchRequest = {
  /** What the visitor typed (cut to MAX_QUERY_CHARS), shown back in the box. */
  q: string
  type: SearchType | null
  page: number
  filters: Partial<Record<ProductFilter, string>>
  problems: Problem[]
}

/** Reads /cari's query string. Nothing a visitor sends can fail the page: odd parts are dropped and reported. */
export const parseSearchRequest = (params: URLSearchParams): SearchRequest => {
  const problems: Problem[] = []
  const raw = (params.get('q') ?? '').trim()
  if (raw.length > MAX_QUERY_CHARS) problems.push({ kind: 'tooLong' })
  const filters: SearchRequest['filters'] = {}
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim()
    if (!value) continue
    const allowed = PRODUCT_FILTERS[name]
    if ((allowed && !allowed.includes(value)) || value.length > 100) problems.push({ kind: 'badValue', name })
    else filters[name] = value
  }
  for (const name of new Set(params.keys())) if (!KNOWN_PARAMS.has(name)) problems.push({ kind: 'unknownParam', name: name.slice(0, 40) })
  const typeParam = params.get('type')
  const type = SEARCH_TYPES.includes(typeParam as SearchType) ? (typeParam as SearchType) : null
  if (typeParam && !type) problems.push({ kind: 'badValue', name: 'type' })
  const page = Math.min(50, Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1))
  return { q: raw.slice(0, MAX_QUERY_CHARS), type, page, filters, problems }
}

export type SiteHit = {
  type: SearchType
  title: Segment[]
  /** The page on its village's site, without the language prefix. */
  path: string
  /** The village the item belongs to (the portal searches every village's). */
  village?: number
  snippet: Segment[]
  price?: number
  inStock?: boolean
}
type SiteGroup = { type: SearchType; total: number; hits: SiteHit[] }
type FacetValue = { value: string; count: number; active: boolean }

export type SiteSearch = {
  state: 'prompt' | 'stopWords' | 'results' | 'empty'
  groups: SiteGroup[]
  facets: Partial<Record<ProductFilter, FacetValue[]>>
  /** A corrected query when nothing was found and a close spelling exists. */
  suggestion: string | null
  /** Items to offer when there is nothing (yet) to show. */
  popular: SiteHit[]
  totalPages: number
}

const SNIPPET_FIELDS = ['description', 'excerpt', 'notes', 'summary', 'body', 'transcript', 'requirements']

const toHit = (type: SearchType, { document, highlights }: SearchResult['hits'][number]): SiteHit => {
  const field = SNIPPET_FIELDS.find((f) => highlights[f]?.some((s) => s.match)) ?? SNIPPET_FIELDS.find((f) => highlights[f]?.length)
  return {
    type,
    title: highlights.title ?? [{ text: document.title, match: false }],
    path: document.path,
    village: document.village,
    snippet: field ? highlights[field] : [],
    ...(type === 'products' ? { price: document.price as number, inStock: document.inStock as boolean } : {}),
  }
}

const productFilter = (filters: SearchRequest['filters']): Filter[] =>
  FILTER_NAMES.filter((name) => filters[name] !== undefined).map((name) => ({
    field: name,
    op: 'eq' as const,
    value: name === 'inStock' ? filters[name] === 'true' : filters[name]!,
  }))

/** The documents of this village in this language. */
const inLocale = (village: Filter, locale: Locale, extra: Filter[] = []): Filter => ({
  and: [village, { field: 'locale', op: 'eq', value: locale }, ...extra],
})

// Suggestions come from the words of what is published; reading them once a minute is plenty.
let vocabulary: { village: number | null; locale: Locale; at: number; words: Set<string> }[] = []
const vocabularyFor = async (locale: Locale, popularSearch: (type: SearchType, perPage: number) => Promise<SearchResult>) => {
  const village = currentVillage()?.id ?? null
  const cached = vocabulary.find((v) => v.village === village && v.locale === locale && Date.now() - v.at < 60_000)
  if (cached) return cached.words
  const results = await Promise.all(SEARCH_TYPES.map((type) => popularSearch(type, 100)))
  const words = vocabularyOf(
    results.flatMap((r) => r.hits.flatMap((h) => [h.document.title, String(h.document.category ?? ''), String(h.document.producer ?? '')])),
  )
  vocabulary = [...vocabulary.filter((v) => v.village !== village || v.locale !== locale), { village, locale, at: Date.now(), words }]
  return words
}

/** Everything /cari (and /cari.json) shows for a request, read from the search engine. */
export const searchSite = async (request: SearchRequest, locale: Locale, perType = 5): Promise<SiteSearch> => {
  const p = await payload()
  const engine = await getSearch(p)
  const village = await villageFilter(p)
  const extra = productFilter(request.filters)
  const popularSearch = async (type: SearchType, perPage: number) =>
    engine.search({ index: type, text: '', filter: inLocale(village, locale), perPage })
  const popular = async () =>
    (await Promise.all(SEARCH_TYPES.map((t) => popularSearch(t, 2)))).flatMap((r) => r.hits.map((h) => toHit(r.index as SearchType, h)))
  const prepared = prepareQuery(request.q)
  const hasFilters = extra.length > 0
  if (!request.q && !hasFilters)
    return { state: 'prompt', groups: [], facets: {}, suggestion: null, popular: await popular(), totalPages: 0 }
  if (prepared.onlyStopWords && !hasFilters)
    return { state: 'stopWords', groups: [], facets: {}, suggestion: null, popular: await popular(), totalPages: 0 }

  const types = request.type ? [request.type] : hasFilters ? (['products'] as const) : SEARCH_TYPES
  const queries: SearchQuery[] = types.map((type) => ({
    index: type,
    text: request.q,
    filter: inLocale(village, locale, type === 'products' ? extra : []),
    facets: type === 'products' ? FILTER_NAMES : undefined,
    page: request.type ? request.page : 1,
    perPage: request.type ? 20 : perType,
  }))
  const results = await engine.multiSearch(queries)
  const groups = results
    .filter((r) => r.total > 0)
    .map((r) => ({ type: r.index as SearchType, total: r.total, hits: r.hits.map((h) => toHit(r.index as SearchType, h)) }))
  const products = results.find((r) => r.index === 'products')
  const facets = Object.fromEntries(
    FILTER_NAMES.map((name) => [
      name,
      Object.entries(products?.facets[name] ?? {})
        .map(([value, count]) => ({ value, count, active: request.filters[name] === value }))
        .sort((a, b) =>
          name === 'priceRange'
            ? PRODUCT_FILTERS.priceRange.indexOf(a.value) - PRODUCT_FILTERS.priceRange.indexOf(b.value)
            : b.count - a.count || a.value.localeCompare(b.value),
        ),
    ]),
  )
  const totalPages = request.type ? Math.ceil((results[0]?.total ?? 0) / 20) : 0
  if (groups.length) return { state: 'results', groups, facets, suggestion: null, popular: [], totalPages }
  const suggestion = request.q ? suggestQuery(request.q, await vocabularyFor(locale, popularSearch)) : null
  return { state: 'empty', groups: [], facets, suggestion, popular: await popular(), totalPages: 0 }
}

/**
 * What a search page shows for its address: the request read from the query string (400 when a part was refused),
 * the result (none when the visitor searched too often, with the seconds to wait, or when the engine failed: 503).
 */
export const searchPage = async (context: Parameters<typeof limitRequest>[0] & { url: URL; response: { status?: number } }) => {
  const { locale } = context.locals
  const request = parseSearchRequest(context.url.searchParams)
  if (request.problems.some((p) => p.kind !== 'tooLong')) context.response.status = 400
  const wait = await limitRequest(context, 'search')
  if (wait) return { request, result: null, wait }
  try {
    return { request, result: await searchSite(request, locale), wait }
  } catch (err) {
    console.error('search failed', err)
    context.response.status = 503
    return { request, result: null, wait }
  }
}

/** /cari's address for a request with some parts changed (facet links keep the rest). */
export const searchHref = (
  base: string,
  request: SearchRequest,
  change: Partial<Pick<SearchRequest, 'type' | 'page'>> & { filters?: SearchRequest['filters'] },
) => {
  const next = { ...request, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.type) params.set('type', next.type)
  for (const [name, value] of Object.entries(next.filters)) if (value !== undefined) params.set(name, value)
  if (next.page > 1) params.set('page', String(next.page))
  const query = params.toString()
  return query ? `${base}?${query}` : base
}
