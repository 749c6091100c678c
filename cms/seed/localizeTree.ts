export type Bilingual = { id: string; en: string }

const isBilingual = (value: unknown): value is Bilingual =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  typeof (value as Bilingual).id === 'string' &&
  typeof (value as Bilingual).en === 'string'

/**
 * One language's view of bilingual content: every `{ id, en }` pair becomes its string.
 * Row ids of `existing` (the document as stored) are carried over, so Payload updates the
 * stored array rows and blocks in the second language instead of replacing them.
 */
export const localizeTree = (value: unknown, locale: 'id' | 'en', existing?: unknown): unknown => {
  if (isBilingual(value)) return value[locale]
  if (Array.isArray(value)) {
    const rows = Array.isArray(existing) ? existing : []
    return value.map((item, i) => localizeTree(item, locale, rows[i]))
  }
  if (value && typeof value === 'object') {
    const stored = existing && typeof existing === 'object' ? (existing as Record<string, unknown>) : {}
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) out[key] = localizeTree(child, locale, stored[key])
    if (typeof stored.id === 'string' && Array.isArray(existing) === false && !('id' in out)) out.id = stored.id
    return out
  }
  return value
}
