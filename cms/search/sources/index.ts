import { pagesSource } from './pages'
import type { SearchSource } from './types'

/** Every searchable collection. News, episodes, products and services add theirs here when they land. */
export const SOURCES: SearchSource[] = [
  pagesSource,
]

export const sourceFor = (collection: string) => SOURCES.find((s) => s.collection === collection)
