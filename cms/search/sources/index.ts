import { episodesSource } from './episodes'
import { newsSource } from './news'
import { pagesSource } from './pages'
import { productsSource } from './products'
import { servicesSource } from './services'
import type { SearchSource } from './types'

/** Every searchable collection. Adding a content type to search is one source here. */
export const SOURCES: SearchSource[] = [pagesSource, newsSource, episodesSource, productsSource, servicesSource]

export const sourceFor = (collection: string) => SOURCES.find((s) => s.collection === collection)
