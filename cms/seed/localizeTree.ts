export type Bilingual = { id: string; en: string }

const isBilingual = (value: unknown): value is Bilingual =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  typeof (value as Bilingual).id === 'string' &&
  typeof (value as Bilingual).en === 'string'

/** Bilingual content in one language: every `{ id, en }` pair is its string. */
export type Localized<T> = T extends Bilingual
  ? string
  : T extends readonly (infer Item)[]
    ? Localized<Item>[]
    : T extends object
      ? { [Key in keyof T]: Localized<T[Key]> }
      : T

/**
 * One language's view of bilingual content: every `{ id, en }` pair becomes its string.
 * Row ids of `existing` (the document as stored) are carried over, so Payload updates the
 * stored array rows and blocks in the second language instead of replacing them.
 */
export const localizeTree = <T>(value: T, locale: 'id' | 'en', existing?: unknown): Localized<T> =>
  // The walk below turns exactly the pairs Localized<T> names into strings.
  localizeValue(value, locale, existing) as Localized<T>

const localizeValue = (value: unknown, locale: 'id' | 'en', existing?: unknown): unknown => {
  if (isBilingual(value)) return value[locale]
  if (Array.isArray(value)) {
    const rows = Array.isArray(existing) ? existing : []
    return value.map((item, i) => localizeValue(item, locale, rows[i]))
  }
  if (value && typeof value === 'object') {
    const stored = existing && typeof existing === 'object' ? (existing as Record<string, unknown>) : {}
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) out[key] = localizeValue(child, locale, stored[key])
    if (typeof stored.id === 'string' && Array.isArray(existing) === false && !('id' in out)) out.id = stored.id
    return out
  }
  return value
}
