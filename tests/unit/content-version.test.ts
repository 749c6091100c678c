import type { CollectionConfig, Config, GlobalConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { invalidations } from '../../cms/page-cache/invalidations'
import { changedTags, contentVersionPlugin } from '../../cms/plugins/contentVersion'
import { documentTag, EVERYTHING, facetTag, listRead, listTag } from '../../cms/page-cache/tags'

const collection = (slug: string): CollectionConfig => ({ slug, fields: [] })
const global = (slug: string): GlobalConfig => ({ slug, fields: [] })
const config = contentVersionPlugin({
  collections: [collection('news'), collection('settings'), collection('podcast'), collection('service-requests'), collection('audit-log')],
  globals: [global('search-status')],
} as Config) as Config
const run = (hooks: unknown[] | undefined, args: object) => {
  for (const hook of hooks ?? []) (hook as (args: object) => unknown)(args)
}
const saved = (slug: string) => config.collections!.find((c) => c.slug === slug)!
const savedGlobal = (slug: string) => config.globals!.find((g) => g.slug === slug)!

/** Whether a page that read `tags` before the save is out of date after it. */
const outdatedBy = (tags: string[], save: () => void) => {
  const mark = invalidations().mark()
  save()
  return invalidations().changedSince(tags, mark)
}

describe('a save marks out of date the pages that show what it changed', () => {
  it('an article: its own page and the lists of articles, not another article or a product', () => {
    const news = saved('news')
    const save = () =>
      run(news.hooks?.afterChange, {
        collection: news,
        operation: 'update',
        doc: { id: 7, title: 'Baru' },
        previousDoc: { id: 7, title: 'Lama' },
      })
    expect(outdatedBy([documentTag('news', 7)], save)).toBe(true)
    expect(outdatedBy([listTag('news')], save)).toBe(true)
    expect(outdatedBy([documentTag('news', 8), documentTag('products', 7), documentTag('settings', 1)], save)).toBe(false)
  })

  it("a village's settings: every page; its podcast show: only pages that read it", () => {
    const save = (slug: string) => () =>
      run(saved(slug).hooks?.afterChange, { collection: saved(slug), operation: 'update', doc: { id: 3 }, previousDoc: { id: 3 } })
    expect(outdatedBy([documentTag('news', 1)], save('settings'))).toBe(true)
    expect(outdatedBy([documentTag('podcast', 3)], save('podcast'))).toBe(true)
    expect(outdatedBy([documentTag('news', 1)], save('podcast'))).toBe(false)
  })

  it('but not a resident submitting a request, staff reading one, or the search engine reporting its status', () => {
    expect(
      outdatedBy([EVERYTHING, documentTag('news', 1), listTag('news')], () => {
        run(saved('service-requests').hooks?.afterChange, { collection: saved('service-requests'), doc: { id: 1 }, operation: 'create' })
        run(saved('audit-log').hooks?.afterChange, { collection: saved('audit-log'), doc: { id: 1 }, operation: 'create' })
        run(savedGlobal('search-status').hooks?.afterChange, { global: savedGlobal('search-status'), doc: {} })
      }),
    ).toBe(false)
  })
})

describe('the narrower lists a product save changes', () => {
  const product = { id: 3, status: 'active', category: 5, producer: { id: 2 }, featured: false, title: 'Madu' }

  it('an edit that keeps it in its category, producer and status changes none of them', () => {
    expect(changedTags('products', 3, { ...product, title: 'Madu hutan' }, product)).toEqual([
      documentTag('products', 3),
      listTag('products'),
    ])
  })

  it('a move to another category changes both categories’ lists', () => {
    expect(changedTags('products', 3, { ...product, category: 6 }, product)).toEqual(
      expect.arrayContaining([facetTag('products', 'category', 5), facetTag('products', 'category', 6)]),
    )
    expect(changedTags('products', 3, { ...product, category: 6 }, product)).not.toContain(facetTag('products', 'producer', 2))
  })

  it('a new, withdrawn or deleted product changes every list it is or was in', () => {
    for (const [doc, previous] of [
      [product, undefined],
      [{ ...product, status: 'archived' }, product],
      [undefined, product],
    ])
      expect(changedTags('products', 3, doc, previous)).toEqual(
        expect.arrayContaining([
          facetTag('products', 'category', 5),
          facetTag('products', 'producer', 2),
          facetTag('products', 'featured', false),
        ]),
      )
  })
})

describe('the invalidations', () => {
  it('leave a page rendered while its document was saved out of date', () => {
    const mark = invalidations().mark()
    invalidations().invalidate([documentTag('pages', 1)])
    const after = invalidations().mark()
    expect(invalidations().changedSince([documentTag('pages', 1)], mark)).toBe(true)
    expect(invalidations().changedSince([documentTag('pages', 1)], after)).toBe(false)
  })
})

describe("a village's lists", () => {
  const news = () => saved('news')
  const saveIn =
    (village: number, before = village) =>
    () =>
      run(news().hooks?.afterChange, {
        collection: news(),
        operation: 'update',
        doc: { id: 7, title: 'Baru', village },
        previousDoc: { id: 7, title: 'Lama', village: before },
      })

  it("are changed by a save in that village only; a read outside any village hears of every village's saves", () => {
    expect(outdatedBy(listRead(listTag('news'), 3), saveIn(5))).toBe(false)
    expect(outdatedBy(listRead(listTag('news'), 5), saveIn(5))).toBe(true)
    expect(outdatedBy(listRead(listTag('news'), undefined), saveIn(5))).toBe(true)
  })

  it('are all changed by a change that names no village (a stock move in a job, a rebuilt search index)', () => {
    const everyVillage = () => void invalidations().invalidate([listTag('news')])
    for (const village of [3, 5, undefined]) expect(outdatedBy(listRead(listTag('news'), village), everyVillage)).toBe(true)
  })

  it("are all changed by an article the regency shows on every village's site, when it is saved and when it stops being shown", () => {
    const saveShared = (now: boolean, before: boolean) => () =>
      run(news().hooks?.afterChange, {
        collection: news(),
        operation: 'update',
        doc: { id: 8, title: 'Musrenbang kabupaten', village: 5, forEveryVillage: now },
        previousDoc: { id: 8, title: 'Musrenbang', village: 5, forEveryVillage: before },
      })
    for (const [now, before] of [
      [true, true],
      [false, true],
      [true, false],
    ])
      for (const village of [3, 5, undefined]) expect(outdatedBy(listRead(listTag('news'), village), saveShared(now, before))).toBe(true)
    expect(outdatedBy(listRead(listTag('news'), 3), saveShared(false, false))).toBe(false)
  })

  it('lose a document moved to another village, which joins the lists of the other', () => {
    expect(outdatedBy(listRead(listTag('news'), 5), saveIn(6, 5))).toBe(true)
    expect(outdatedBy(listRead(listTag('news'), 6), saveIn(6, 5))).toBe(true)
    expect(outdatedBy(listRead(listTag('news'), 3), saveIn(6, 5))).toBe(false)
  })
})
