import { documentId, type SearchSource } from './types'
import { documentPath } from '../../lib/documentPaths'

const items = (rows: unknown): string[] =>
  Array.isArray(rows) ? rows.map((row) => String((row as { item?: string }).item ?? '')).filter(Boolean) : []

/** Services for residents: the name, what it is for, and the documents it needs. */
export const servicesSource: SearchSource<'services'> = {
  collection: 'services',
  index: 'services',
  depth: 0,
  toDocument: (service, locale) => ({
    id: documentId(service.id, locale),
    locale,
    title: service.name ?? '',
    path: documentPath('services', service.slug),
    summary: service.summary ?? '',
    description: [service.summary, service.audience].filter(Boolean).join('\n\n'),
    requirements: items(service.documents).join('\n'),
  }),
}
