import type { RequiredDataFromCollectionSlug } from 'payload'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { storedNameOf } from '../hooks/contentHashedName'
import { localizeTree } from './localizeTree'

import type { Page, Setting } from '../payload-types'
import { readJson, type SeedContext } from './context'
import type { QrisSettingsContext } from '../shop/qrisSettings'
import { settingsOf } from '../villages/settings'
import { inRequestVillage } from '../villages/scope'

/** A content file of the village (village.json, pages/*.json): blocks' rich text in Markdown, pictures by file name. */
type Content = { blocks?: { blockType: string; body?: unknown }[]; [field: string]: unknown }
type PageContent = Content & { slug: string }

/**
 * The village itself from `contentDir`: village.json (settings), media.json with images/, pages/*.json.
 * Idempotent: media are matched by their stored (content-hashed) name, pages by slug, and updated in place.
 */
export const seedVillage = async ({ payload, contentDir, log, markdown }: SeedContext) => {
  const mediaList = readJson<{ file: string; alt: { id: string; en: string } }[]>(path.join(contentDir, 'media.json'))
  const mediaIds = new Map<string, number | string>()
  for (const [i, item] of mediaList.entries()) {
    const file = path.join(contentDir, 'images', item.file)
    const stored = storedNameOf(item.file, readFileSync(file))
    const existing = await payload.find({
      collection: 'media',
      where: await inRequestVillage(payload, { filename: { equals: stored } }),
      limit: 1,
      overrideAccess: true,
    })
    let doc = existing.docs[0]
    if (!doc) {
      doc = await payload.create({
        collection: 'media',
        data: { alt: item.alt.id },
        filePath: file,
        locale: 'id',
        overrideAccess: true,
      })
    }
    await payload.update({ collection: 'media', id: doc.id, data: { alt: item.alt.en }, locale: 'en', overrideAccess: true })
    mediaIds.set(item.file, doc.id)
    log(`media ${i + 1}/${mediaList.length}: ${item.file}`)
  }

  // Image references in content files are file names; the CMS stores media ids.
  const linkMedia = (value: unknown): unknown => {
    if (typeof value === 'string' && mediaIds.has(value)) return mediaIds.get(value)
    if (Array.isArray(value)) return value.map(linkMedia)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, linkMedia(v)]))
    return value
  }
  const inLocale = <Data>(source: Content, locale: 'id' | 'en', existing?: unknown): Data => {
    // Linking media changes no field a Content names: it replaces file names by ids.
    const data = localizeTree(linkMedia(source) as Content, locale, existing)
    for (const block of data.blocks ?? []) if (block.blockType === 'content') block.body = markdown(String(block.body))
    // The content files hold the document's fields in both languages, pictures by file name and rich text in
    // Markdown: in one language, with media ids and rich text, they are its data (Payload checks it on write).
    return data as Data
  }

  const village = readJson<Content>(path.join(contentDir, 'village.json'))
  // A demo village's QRIS is a made-up code: the admin and the order page say so until staff paste their own.
  const qrisSample = (village.qris as { sample?: boolean } | undefined)?.sample === true
  const { id } = await settingsOf(payload, null, { depth: 0 })
  const stored = await payload.update({
    collection: 'settings',
    id,
    data: inLocale<Partial<Setting>>(village, 'id'),
    locale: 'id',
    overrideAccess: true,
    context: { qrisSample } satisfies QrisSettingsContext,
  })
  await payload.update({
    collection: 'settings',
    id,
    data: inLocale<Partial<Setting>>(village, 'en', stored),
    locale: 'en',
    overrideAccess: true,
  })
  log('settings: village identity')

  const pageFiles = readdirSync(path.join(contentDir, 'pages'))
    .filter((f) => f.endsWith('.json'))
    .sort()
  for (const [i, file] of pageFiles.entries()) {
    const source = readJson<PageContent>(path.join(contentDir, 'pages', file))
    const found = await payload.find({
      collection: 'pages',
      where: await inRequestVillage(payload, { slug: { equals: source.slug } }),
      limit: 1,
      overrideAccess: true,
      draft: true,
    })
    const data = { ...inLocale<Partial<Page>>(source, 'id'), _status: 'published' as const }
    const stored = found.docs[0]
      ? await payload.update({ collection: 'pages', id: found.docs[0].id, data, locale: 'id', overrideAccess: true, draft: false })
      : await payload.create({
          collection: 'pages',
          data: data as RequiredDataFromCollectionSlug<'pages'>,
          locale: 'id',
          overrideAccess: true,
          draft: false,
        })
    await payload.update({
      collection: 'pages',
      id: stored.id,
      data: { ...inLocale<Partial<Page>>(source, 'en', stored), _status: 'published' },
      locale: 'en',
      overrideAccess: true,
    })
    log(`pages ${i + 1}/${pageFiles.length}: ${source.slug}`)
  }
}
