import type { LexicalRichTextAdapter } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import type { News } from '../../cms/payload-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser, startPayload } from '../support/payload'
import { linkNode, paragraphOf } from '../support/richText'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
const body: News['body'] = {
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
        children: [{ type: 'text', version: 1, text: 'Isi berita.', format: 0, style: '', mode: 'normal', detail: 0 }],
      },
    ],
  },
}
const asEditor = () => ({ user: { ...editor, collection: 'users' as const }, overrideAccess: false })
/** What an anonymous visitor finds under this slug, as the site reads it. */
const publicCount = async (slug: string) =>
  (await payload.find({ collection: 'news', where: { slug: { equals: slug } }, overrideAccess: false })).totalDocs

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
})

describe('the newsroom workflow', () => {
  it('keeps drafts from the public until they are published, and hides them again when unpublished', async () => {
    const draft = await payload.create({
      collection: 'news',
      data: { title: 'Draf rapat desa', body, _status: 'draft' },
      draft: true,
      ...asEditor(),
    })
    expect(draft.slug).toBe('draf-rapat-desa')
    expect(await publicCount('draf-rapat-desa')).toBe(0)

    const published = await payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...asEditor() })
    expect(published.publishedAt).toBeTruthy()
    expect(await publicCount('draf-rapat-desa')).toBe(1)

    await payload.update({ collection: 'news', id: draft.id, data: { _status: 'draft' }, ...asEditor() })
    expect(await publicCount('draf-rapat-desa')).toBe(0)
  })

  it('keeps a new draft version private while the published version stays online', async () => {
    const doc = await payload.create({
      collection: 'news',
      data: { title: 'Versi terbit', slug: 'versi-terbit', body, _status: 'published' },
      ...asEditor(),
    })
    await payload.update({ collection: 'news', id: doc.id, data: { title: 'Versi draf rahasia' }, draft: true, ...asEditor() })
    const seen = await payload.findByID({ collection: 'news', id: doc.id, overrideAccess: false })
    expect(seen.title).toBe('Versi terbit')
    const preview = await payload.findByID({ collection: 'news', id: doc.id, draft: true, ...asEditor() })
    expect(preview.title).toBe('Versi draf rahasia')
  })

  it('publishes a scheduled article only when its time has come', async () => {
    const later = await payload.create({
      collection: 'news',
      data: { title: 'Terbit besok', body, _status: 'draft' },
      draft: true,
      ...asEditor(),
    })
    const soon = await payload.create({
      collection: 'news',
      data: { title: 'Terbit sebentar lagi', body, _status: 'draft' },
      draft: true,
      ...asEditor(),
    })
    const schedule = (id: number, at: Date) =>
      payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'news', value: id } }, waitUntil: at })
    await schedule(later.id, new Date(Date.now() + 24 * 3600_000))
    await schedule(soon.id, new Date(Date.now() + 1500))

    await payload.jobs.run()
    expect(await publicCount('terbit-sebentar-lagi')).toBe(0)

    await new Promise((resolve) => setTimeout(resolve, 1600))
    await payload.jobs.run()
    expect(await publicCount('terbit-sebentar-lagi')).toBe(1)
    expect(await publicCount('terbit-besok')).toBe(0)
  })

  it('refuses a slug that another article already has, in Indonesian', async () => {
    await payload.create({
      collection: 'news',
      data: { title: 'Pasar murah', slug: 'pasar-murah', body, _status: 'published' },
      ...asEditor(),
    })
    const error = await payload
      .create({ collection: 'news', data: { title: 'Pasar murah lagi', slug: 'pasar-murah', body, _status: 'published' }, ...asEditor() })
      .catch((err) => err)
    expect(error.status).toBe(400)
    expect(error.data.errors).toEqual([expect.objectContaining({ path: 'slug', message: 'Nilai harus unik' })])
  })

  it('lets only the media team write news', async () => {
    const officer = await createUser(payload, 'officer')
    const error = await payload
      .create({
        collection: 'news',
        data: { title: 'Bukan tugas saya', slug: 'bukan-tugas-saya', body },
        user: { ...officer, collection: 'users' },
        overrideAccess: false,
      })
      .catch((err) => err)
    expect(error.status).toBe(403)
  })
})

describe('links between documents in an article', () => {
  const linking = (relationTo: string, id: number | string): News['body'] =>
    paragraphOf(linkNode({ linkType: 'internal', newTab: false, doc: { relationTo, value: id } }, 'baca juga'))

  it("lead to the linked article's page as the site reads it", async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const target = await payload.create({
      collection: 'news',
      data: { title: 'Panen raya lada', slug: 'panen-raya-lada', body, _status: 'published' },
      ...asEditor(),
    })
    const article = await payload.create({
      collection: 'news',
      data: { title: 'Pasar lada minggu ini', slug: 'pasar-lada', body: linking('news', target.id), _status: 'published' },
      ...asEditor(),
    })
    const read = await payload.findByID({ collection: 'news', id: article.id, depth: 1, overrideAccess: false })
    expect(richTextToHtml(read.body, 'id')).toContain('<a href="/berita/panen-raya-lada">baca juga</a>')
  })

  it('offer editors only documents with a page of their own, and show the public nothing of an account linked anyway', async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const body = payload.collections.news.config.fields.find((f) => 'name' in f && f.name === 'body')
    const lexical = body?.type === 'richText' ? (body.editor as LexicalRichTextAdapter) : undefined
    expect(lexical?.editorConfig.resolvedFeatureMap.get('link')?.sanitizedServerFeatureProps).toMatchObject({
      enabledCollections: ['news', 'pages', 'products', 'producers', 'episodes', 'services'],
    })

    const article = await payload.create({
      collection: 'news',
      data: { title: 'Tautan ke akun', slug: 'tautan-ke-akun', body: linking('users', editor.id), _status: 'published' },
      ...asEditor(),
    })
    const read = await payload.findByID({ collection: 'news', id: article.id, depth: 1, overrideAccess: false })
    expect(JSON.stringify(read.body)).not.toContain(editor.email)
    expect(richTextToHtml(read.body, 'id')).not.toContain('<a')
  })
})
