import type { Field, SanitizedConfig } from 'payload'
import { fieldIsHiddenOrDisabled } from 'payload/shared'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The admin is in one language per account: everything it shows of the schema (collection and global
 * names, field labels, array row titles) exists in Indonesian and English, so nothing falls back to a
 * label Payload makes up from a field name ("At", "By User", "Timeline 01").
 */
let config: SanitizedConfig

beforeAll(async () => {
  config = await (await import('../../cms/payload.config')).default
})

const bilingual = (label: unknown) =>
  Boolean(label) &&
  typeof label === 'object' &&
  typeof (label as Record<string, unknown>).id === 'string' &&
  typeof (label as Record<string, unknown>).en === 'string'

/** Payload's own collections and fields (versions, locks, preferences, jobs, auth, timestamps) bring their own translations. */
const PAYLOAD_OWN = new Set(['id', 'createdAt', 'updatedAt', 'email', 'password', 'sessions', '_status', 'deletedAt', 'blockName'])
const isPayloadCollection = (slug: string) => slug.startsWith('payload-')

/** The places a field shows a label no one wrote in both languages: `path: what`. */
const unlabelled = (fields: Field[], path: string): string[] =>
  fields.flatMap((field) => {
    const here = 'name' in field && field.name ? `${path}.${field.name}` : path
    const adminHidden = Boolean(field.admin && 'hidden' in field.admin && field.admin.hidden)
    if (field.type === 'ui' || adminHidden || fieldIsHiddenOrDisabled(field)) return []
    const problems: string[] = []
    if ('name' in field && !PAYLOAD_OWN.has(field.name) && !bilingual(field.label)) problems.push(`${here}: label`)
    if (field.type === 'collapsible' && !bilingual(field.label)) problems.push(`${here}: collapsible label`)
    if (field.type === 'array' && !bilingual(field.labels?.singular) && !field.admin?.components?.RowLabel)
      problems.push(`${here}: row label`)
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (!bilingual(tab.label)) problems.push(`${here}.${'name' in tab ? tab.name : '(tab)'}: tab label`)
        problems.push(...unlabelled(tab.fields, here))
      }
    } else if (field.type === 'blocks') {
      for (const block of field.blocks) {
        if (!bilingual(block.labels?.singular)) problems.push(`${here}.${block.slug}: block label`)
        problems.push(...unlabelled(block.fields, `${here}.${block.slug}`))
      }
    } else if ('fields' in field) problems.push(...unlabelled(field.fields, here))
    return problems
  })

describe('the admin schema', () => {
  it('names every collection and global in both languages', () => {
    const missing = [
      ...config.collections
        .filter((c) => !isPayloadCollection(c.slug) && !(bilingual(c.labels.singular) && bilingual(c.labels.plural)))
        .map((c) => c.slug),
      ...config.globals.filter((g) => !isPayloadCollection(g.slug) && !bilingual(g.label)).map((g) => g.slug),
    ]
    expect(missing).toEqual([])
  })

  it('labels every field and array row it shows in both languages', () => {
    const missing = [
      ...config.collections.filter((c) => !isPayloadCollection(c.slug)).flatMap((c) => unlabelled(c.fields, c.slug)),
      ...config.globals.filter((g) => !isPayloadCollection(g.slug)).flatMap((g) => unlabelled(g.fields, g.slug)),
    ]
    expect(missing).toEqual([])
  })

  it("completes Payload's Indonesian with the rich text editor's texts", () => {
    const lexical = config.i18n.translations as Record<string, { lexical?: Record<string, Record<string, unknown>> }>
    const keys = (language: string) =>
      Object.entries(lexical[language]?.lexical ?? {}).flatMap(([group, texts]) => Object.keys(texts).map((key) => `${group}:${key}`))
    expect(keys('en').length).toBeGreaterThan(10)
    expect(keys('id').sort()).toEqual(keys('en').sort())
  })
})
