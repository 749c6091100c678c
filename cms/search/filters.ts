import type { Payload } from 'payload'
import { isRegencyPortal } from '../villages/current'
import { activeVillageIds, villageInScope } from '../villages/resolve'
import { SearchInputError, type Filter, type IndexConfig, type SearchDocument, type SearchQuery } from './types'

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Fields every index can filter on: a document's language, its village, and whether every village shows it. */
export const ALWAYS_FILTERABLE = ['locale', 'village', 'everyVillage']

/**
 * Only the documents of the request's village (cms/villages/resolve.ts), and those the regency shows on every
 * village's site; on the regency's portal, those of every active village. With several villages and no request for
 * one, only what every village shows (village ids start at 1).
 */
export const villageFilter = async (payload: Payload): Promise<Filter> => {
  const active = isRegencyPortal() ? await activeVillageIds(payload) : []
  const village: Filter = active.length
    ? { field: 'village', op: 'in', value: active }
    : { field: 'village', op: 'eq', value: (await villageInScope(payload))?.id ?? 0 }
  return { or: [village, { field: 'everyVillage', op: 'eq', value: true }] }
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

/** Refuses filters, facets and sorts on fields the index does not declare, and values of the wrong type. */
export const validateQuery = (query: SearchQuery, config: IndexConfig | undefined): IndexConfig => {
  if (!config) throw new SearchInputError(`Unknown index "${query.index}".`)
  const filterable = new Set([...config.filterable, ...ALWAYS_FILTERABLE])
  const check = (filter: Filter): void => {
    if ('and' in filter || 'or' in filter) {
      const parts = 'and' in filter ? filter.and : filter.or
      if (!Array.isArray(parts) || parts.length === 0) throw new SearchInputError('A filter group needs conditions.')
      return parts.forEach(check)
    }
    if (!FIELD_NAME.test(filter.field) || !filterable.has(filter.field)) throw new SearchInputError(`"${filter.field}" cannot be filtered.`)
    if (filter.op === 'in') {
      if (!Array.isArray(filter.value) || filter.value.length === 0 || !filter.value.every(isScalar))
        throw new SearchInputError(`"${filter.field}" needs a list of values.`)
    } else if (!['eq', 'neq', 'gt', 'gte', 'lt', 'lte'].includes(filter.op) || !isScalar(filter.value)) {
      throw new SearchInputError(`"${filter.field}" has an invalid condition.`)
    } else if (['gt', 'gte', 'lt', 'lte'].includes(filter.op) && typeof filter.value !== 'number') {
      throw new SearchInputError(`"${filter.field}" compares with numbers only.`)
    }
  }
  if (query.filter) check(query.filter)
  for (const facet of query.facets ?? []) if (!config.facets.includes(facet)) throw new SearchInputError(`"${facet}" is not a facet.`)
  for (const { field, direction } of query.sort ?? []) {
    if (!config.sortable.includes(field) || !['asc', 'desc'].includes(direction)) throw new SearchInputError(`"${field}" cannot be sorted.`)
  }
  return config
}

/** The filter as a predicate over a stored document (the embedded engine). Array fields match any element. */
export const filterPredicate = (filter: Filter | undefined): ((doc: SearchDocument) => boolean) => {
  if (!filter) return () => true
  if ('and' in filter) {
    const parts = filter.and.map(filterPredicate)
    return (doc) => parts.every((p) => p(doc))
  }
  if ('or' in filter) {
    const parts = filter.or.map(filterPredicate)
    return (doc) => parts.some((p) => p(doc))
  }
  const { field, op, value } = filter
  const values = (doc: SearchDocument) => {
    const v = doc[field]
    return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]
  }
  switch (op) {
    case 'eq':
      return (doc) => values(doc).some((v) => v === value)
    case 'neq':
      return (doc) => !values(doc).some((v) => v === value)
    case 'in':
      return (doc) => values(doc).some((v) => (value as unknown[]).includes(v))
    case 'gt':
      return (doc) => values(doc).some((v) => typeof v === 'number' && v > (value as number))
    case 'gte':
      return (doc) => values(doc).some((v) => typeof v === 'number' && v >= (value as number))
    case 'lt':
      return (doc) => values(doc).some((v) => typeof v === 'number' && v < (value as number))
    case 'lte':
      return (doc) => values(doc).some((v) => typeof v === 'number' && v <= (value as number))
  }
}

/** A string as a Meilisearch filter literal: always double-quoted, with backslashes and quotes escaped. */
const meiliString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

const meiliValue = (value: string | number | boolean) => (typeof value === 'string' ? meiliString(value) : String(value))

const OPERATORS = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const

/**
 * The filter in Meilisearch's filter syntax. Field names were validated against the index (identifiers
 * only) and every value is a quoted literal or a finite number, so no input can change the expression.
 */
export const compileMeiliFilter = (filter: Filter): string => {
  if ('and' in filter || 'or' in filter) {
    const parts = 'and' in filter ? filter.and : filter.or
    const compiled = parts.map(compileMeiliFilter)
    return compiled.length === 1 ? compiled[0] : compiled.map((c) => `(${c})`).join('and' in filter ? ' AND ' : ' OR ')
  }
  if (filter.op === 'in') return `${filter.field} IN [${filter.value.map(meiliValue).join(', ')}]`
  return `${filter.field} ${OPERATORS[filter.op]} ${meiliValue(filter.value)}`
}
