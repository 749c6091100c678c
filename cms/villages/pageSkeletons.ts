import type { PayloadRequest } from 'payload'
import { DEFAULT_LOCALE } from '../lib/messages'
import type { Page } from '../payload-types'
import type { Route } from './catalogue'

type Block = NonNullable<Page['blocks']>[number]

/** A text section with nothing in it yet (the editor shows an empty paragraph). */
const emptyText = () => ({ root: { type: 'root', children: [], direction: null, format: '' as const, indent: 0, version: 1 } })

/**
 * A section of a profile page with nothing the template village wrote in it: the same kind of section (a text, the
 * village officials, the potentials, the map, the contacts) for the new village's editor to fill in. The map and the
 * contacts take their data from the village's settings.
 */
const emptySection = (block: Block): Block => {
  switch (block.blockType) {
    case 'content':
      return { blockType: 'content', body: emptyText() }
    case 'officials':
      return { blockType: 'officials', people: [] }
    case 'potentials':
      return { blockType: 'potentials', items: [] }
    case 'map':
      return { blockType: 'map' }
    case 'contacts':
      return { blockType: 'contacts' }
  }
}

const publishedPagesOf = (req: PayloadRequest, village: number, locale: 'id' | 'en') =>
  req.payload.find({
    collection: 'pages',
    where: { and: [{ village: { equals: village } }, { _status: { equals: 'published' } }] },
    sort: 'order',
    pagination: false,
    depth: 0,
    locale,
    fallbackLocale: false,
    overrideAccess: true,
    req,
  })

/**
 * The new village's profile pages, laid out as the template village's published ones: the same titles (in both
 * languages), slugs, menu order and kinds of sections, as drafts with empty sections and no summary, so nothing the
 * template wrote about itself (its history, officials, pictures) shows under another village's name. An editor fills
 * them in and publishes them. Pages the new village already has (by slug) are left alone. Returns how many were made.
 */
export const copyPageSkeletons = async (req: PayloadRequest, { from, to }: Route) => {
  const existing = await req.payload.find({
    collection: 'pages',
    where: { village: { equals: to } },
    pagination: false,
    depth: 0,
    select: { slug: true },
    overrideAccess: true,
    req,
  })
  const taken = new Set(existing.docs.map((page) => page.slug))
  const english = new Map((await publishedPagesOf(req, from, 'en')).docs.map((page) => [page.id, page.title]))
  let made = 0
  for (const page of (await publishedPagesOf(req, from, DEFAULT_LOCALE)).docs) {
    if (taken.has(page.slug)) continue
    // A draft is saved without the checks a published page must pass: its sections are still empty.
    const skeleton = await req.payload.create({
      collection: 'pages',
      data: {
        village: to,
        title: page.title,
        slug: page.slug,
        order: page.order,
        blocks: (page.blocks ?? []).map(emptySection),
        _status: 'draft',
      },
      draft: true,
      locale: DEFAULT_LOCALE,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const title = english.get(page.id)
    if (title)
      await req.payload.update({
        collection: 'pages',
        id: skeleton.id,
        data: { title, _status: 'draft' },
        draft: true,
        locale: 'en',
        depth: 0,
        overrideAccess: true,
        req,
      })
    made += 1
  }
  return made
}
