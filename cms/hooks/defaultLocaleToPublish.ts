import { ValidationError, type CollectionBeforeChangeHook, type CollectionSlug } from 'payload'
import type { Localized } from '../lib/localize'
import { asLocale } from '../lib/messages'
import { localize } from '../messages'

const DEFAULT_LOCALE = 'id'

/** Rich text with no words in it (an empty editor still stores a root with an empty paragraph). */
const isEmpty = (value: unknown): boolean => {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value !== 'object') return false
  const text = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const { text: own, children, type } = node as { text?: unknown; children?: unknown; type?: string }
    // Pictures, embeds and other blocks are content even without words.
    if (type && ['upload', 'block', 'relationship'].includes(type)) return type
    return (typeof own === 'string' ? own : '') + (Array.isArray(children) ? children.map(text).join('') : '')
  }
  return text((value as { root?: unknown }).root ?? value).trim() === ''
}

/**
 * Publishing needs these fields in Indonesian, the site's default language, whatever language the editor is
 * working in: a page saved in English only would be published with an empty Indonesian title and body (required
 * fields are checked only in the language being saved). Drafts may stay incomplete.
 */
export const requireDefaultLocaleToPublish =
  (collection: CollectionSlug, fields: { name: string; label: Localized }[]): CollectionBeforeChangeHook =>
  async ({ data, req, originalDoc, operation }) => {
    if (data._status !== 'published') return data
    const saving = req.locale === DEFAULT_LOCALE || !req.locale || req.locale === 'all'
    const readDefault = async (id: number | string) => {
      // The read shares the save's transaction (req), and the Local API sets req's locale to the one it reads:
      // put the editor's back, or the rest of this save would be written into Indonesian.
      const { locale, fallbackLocale } = req
      try {
        return await req.payload.findByID({
          collection,
          id,
          locale: DEFAULT_LOCALE,
          fallbackLocale: false,
          draft: true,
          depth: 0,
          overrideAccess: true,
          req,
        })
      } finally {
        req.locale = locale
        req.fallbackLocale = fallbackLocale
      }
    }
    const stored = saving || operation !== 'update' || !originalDoc?.id ? null : await readDefault(originalDoc.id)
    const valueOf = (name: string) => (saving ? (data[name] ?? originalDoc?.[name]) : (stored as Record<string, unknown> | null)?.[name])
    const missing = fields.filter((f) => isEmpty(valueOf(f.name)))
    if (!missing.length) return data
    throw new ValidationError({
      collection,
      req,
      errors: missing.map((f) => ({
        path: f.name,
        message: localize(req, { code: 'publish.indonesianRequired', params: { label: f.label[asLocale(req.i18n?.language)] } }),
      })),
    })
  }
