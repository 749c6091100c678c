import type { Payload } from 'payload'
import type { News } from '../../cms/payload-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser, startPayload } from '../support/payload'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
const richText = (text: string): News['body'] => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
      },
    ],
  },
})
const asEditor = (locale: 'id' | 'en') => ({ user: { ...editor, collection: 'users' as const }, overrideAccess: false, locale })
const refusal = async (run: () => Promise<unknown>) => {
  try {
    await run()
  } catch (err) {
    return err as Error & { status?: number; data?: { errors: { path: string; message: string }[] } }
  }
  throw new Error('it was published')
}
const publicSlugs = async () =>
  (await payload.find({ collection: 'news', overrideAccess: false, depth: 0, limit: 100 })).docs.map((d) => d.slug)

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
})

describe('publishing needs the Indonesian title and body', () => {
  it('refuses an article written only in English, created and published at once, and keeps nothing', async () => {
    const err = await refusal(() =>
      payload.create({
        collection: 'news',
        data: { title: 'Village meeting', slug: 'village-meeting', body: richText('In English.'), _status: 'published' },
        ...asEditor('en'),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.data?.errors.map((e) => e.path)).toEqual(['title', 'body'])
    expect(err.data?.errors[0].message).toMatch(/Judul dalam Bahasa Indonesia wajib diisi sebelum diterbitkan/)
    expect(await publicSlugs()).not.toContain('village-meeting')
  })

  it('keeps an English-only draft, refuses to publish it until the Indonesian version is written, then publishes', async () => {
    const draft = await payload.create({
      collection: 'news',
      data: { title: 'Road repairs', slug: 'road-repairs', body: richText('In English.'), _status: 'draft' },
      draft: true,
      ...asEditor('en'),
    })
    const err = await refusal(() => payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...asEditor('en') }))
    expect(err.data?.errors.map((e) => e.path)).toEqual(['title', 'body'])
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: 'Perbaikan jalan', body: richText('') },
      draft: true,
      ...asEditor('id'),
    })
    const empty = await refusal(() =>
      payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...asEditor('en') }),
    )
    expect(empty.data?.errors.map((e) => e.path)).toEqual(['body'])
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { body: richText('Jalan desa diperbaiki.') },
      draft: true,
      ...asEditor('id'),
    })
    const published = await payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...asEditor('en') })
    expect(published.title).toBe('Road repairs')
    expect(await publicSlugs()).toContain('road-repairs')
    // Each language keeps its own title: the check reads Indonesian without writing the English save there.
    const inLocale = async (locale: 'id' | 'en') =>
      (await payload.findByID({ collection: 'news', id: draft.id, locale, fallbackLocale: false, overrideAccess: true })).title
    expect([await inLocale('id'), await inLocale('en')]).toEqual(['Perbaikan jalan', 'Road repairs'])
  })

  it('publishes in Indonesian as before', async () => {
    const doc = await payload.create({
      collection: 'news',
      data: { title: 'Kerja bakti', slug: 'kerja-bakti', body: richText('Warga bekerja bakti.'), _status: 'published' },
      ...asEditor('id'),
    })
    expect(doc._status).toBe('published')
  })

  it('leaves each language as written when a page is published in Indonesian and then in English, as the seed does', async () => {
    const page = await payload.create({
      collection: 'pages',
      data: { title: 'Sejarah desa', slug: 'sejarah-desa', _status: 'published' },
      ...asEditor('id'),
    })
    await payload.update({ collection: 'pages', id: page.id, data: { title: 'Village history', _status: 'published' }, ...asEditor('en') })
    const title = async (locale: 'id' | 'en') =>
      (await payload.findByID({ collection: 'pages', id: page.id, locale, fallbackLocale: false, overrideAccess: true })).title
    expect([await title('id'), await title('en')]).toEqual(['Sejarah desa', 'Village history'])
  })

  it('holds for podcast episodes and profile pages too', async () => {
    const page = await refusal(() =>
      payload.create({ collection: 'pages', data: { title: 'About us', slug: 'about-us', _status: 'published' }, ...asEditor('en') }),
    )
    expect(page.data?.errors.map((e) => e.path)).toEqual(['title'])
  })
})
