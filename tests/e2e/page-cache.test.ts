import { beforeAll, describe, expect, it } from 'vitest'
import { settingsPath, signIn, type SignedIn } from '../support/api'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer()
let admin: SignedIn

type Doc = { id: number; slug: string; title?: string; name?: string }
const docs = async (collection: string, query = '') =>
  (await admin.get<{ docs: Doc[] }>(`/api/${collection}?depth=0&limit=100&locale=id${query}`)).docs
const edit = (collection: string, id: number, data: object) => admin.patch(`/api/${collection}/${id}?locale=id`, data)

const load = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + path, { headers })
  return {
    hit: res.headers.get('x-page-cache') === 'hit',
    cacheControl: res.headers.get('cache-control'),
    status: res.status,
    html: await res.text(),
  }
}
/**
 * Loads a page until it comes from the cache: the first load renders it, and a search-index update still queued
 * by an earlier save drops the lists it changes once more.
 */
const warm = (path: string) => expect.poll(async () => (await load(path)).hit, { timeout: 20_000, interval: 250 }).toBe(true)

let seq = 0
const fresh = (what: string) => `${what} ${++seq} ${Date.now().toString(36)}`

beforeAll(async () => {
  admin = await signIn(server, 'admin')
})

/**
 * Each public page type: an edit to something it shows appears on the next load; an edit to something it does not
 * show leaves it in the cache.
 */
describe('the page cache drops a page exactly when something it shows changes', () => {
  type Case = { page: string; path: () => Promise<string>; shown: () => Promise<string>; unrelated: () => Promise<unknown> }
  const product = async (index: number) => (await docs('products', '&where[status][equals]=active&sort=id'))[index]
  const productTitle = async (index: number) => {
    const title = fresh('Produk')
    await edit('products', (await product(index)).id, { title })
    return title
  }
  const newest = async (collection: 'news' | 'episodes', index = 0) => (await docs(collection, '&sort=-publishedAt'))[index]
  const retitle = async (collection: string, doc: Doc, field: 'title' | 'name' = 'title') => {
    const text = fresh('Judul')
    await edit(collection, doc.id, { [field]: text })
    return text
  }
  const unrelatedProduct = async () => edit('products', (await product(5)).id, { summary: fresh('Ringkasan') })
  // The oldest article: no neighbour of the newest ones the article case opens.
  const unrelatedArticle = async () => edit('news', (await docs('news', '&sort=publishedAt'))[0].id, { excerpt: fresh('Cuplikan') })

  const cases: Case[] = [
    // First: the catalog is fed by the search index, which every product save updates a few seconds later.
    {
      page: 'product list',
      path: async () => '/produk?urut=price-asc',
      shown: async () => {
        const cheapest = (await docs('products', '&where[status][equals]=active&sort=price'))[0]
        return retitle('products', cheapest)
      },
      unrelated: unrelatedArticle,
    },
    {
      page: 'home',
      path: async () => '/',
      shown: async () => retitle('news', await newest('news')),
      unrelated: async () => {
        const plain = (await docs('products', '&where[featured][equals]=false&where[status][equals]=active'))[0]
        await edit('products', plain.id, { summary: fresh('Ringkasan') })
      },
    },
    {
      page: 'profile page',
      path: async () => '/profil/sejarah',
      shown: async () => retitle('pages', (await docs('pages', '&where[slug][equals]=sejarah'))[0]),
      unrelated: unrelatedProduct,
    },
    {
      page: 'news list',
      path: async () => '/berita',
      shown: async () => retitle('news', await newest('news')),
      unrelated: unrelatedProduct,
    },
    {
      page: 'article',
      path: async () => `/berita/${(await newest('news', 1)).slug}`,
      shown: async () => retitle('news', await newest('news', 1)),
      unrelated: unrelatedArticle,
    },
    {
      page: 'podcast',
      path: async () => '/podcast',
      shown: async () => retitle('episodes', await newest('episodes')),
      unrelated: unrelatedProduct,
    },
    {
      page: 'episode',
      path: async () => `/podcast/${(await newest('episodes')).slug}`,
      shown: async () => retitle('episodes', await newest('episodes')),
      unrelated: unrelatedArticle,
    },
    {
      page: 'product',
      path: async () => `/produk/${(await product(0)).slug}`,
      shown: () => productTitle(0),
      unrelated: async () => {
        const shown = await product(0)
        const [{ category, producer }] = (
          await admin.get<{ docs: { category: number; producer: number }[] }>(`/api/products?depth=0&where[id][equals]=${shown.id}`)
        ).docs
        const other = (
          await docs(
            'products',
            `&where[category][not_equals]=${category}&where[producer][not_equals]=${producer}&where[featured][equals]=false`,
          )
        )[0]
        await edit('products', other.id, { summary: fresh('Ringkasan') })
      },
    },
    {
      page: 'producer',
      path: async () => `/produsen/${(await docs('producers', '&sort=id'))[0].slug}`,
      shown: async () => retitle('producers', (await docs('producers', '&sort=id'))[0], 'name'),
      unrelated: unrelatedArticle,
    },
    {
      page: 'services list',
      path: async () => '/layanan',
      shown: async () => retitle('services', (await docs('services', '&sort=order'))[0], 'name'),
      unrelated: unrelatedProduct,
    },
    {
      page: 'service',
      path: async () => `/layanan/${(await docs('services', '&sort=order'))[0].slug}`,
      shown: async () => retitle('services', (await docs('services', '&sort=order'))[0], 'name'),
      unrelated: async () => edit('services', (await docs('services', '&sort=order'))[1].id, { summary: fresh('Ringkasan') }),
    },
  ]

  for (const { page, path, shown, unrelated } of cases)
    it(`${page}: shows an edit at once, and stays cached through an unrelated one`, async () => {
      const at = await path()
      await warm(at)
      await unrelated()
      expect((await load(at)).hit).toBe(true)
      const text = await shown()
      const next = await load(at)
      expect(next.hit).toBe(false)
      expect(next.html).toContain(text)
    })

  it('a change to the village settings drops every page', async () => {
    const product = `/produk/${(await docs('products', '&where[status][equals]=active'))[0].slug}`
    await Promise.all([warm('/'), warm(product)])
    const tagline = fresh('Slogan')
    await admin.patch(`${await settingsPath(admin)}?locale=id`, { tagline })
    expect((await load('/')).html).toContain(tagline)
    expect((await load(product)).hit).toBe(false)
  })
})

describe('cookies and previews', () => {
  it('serves cached pages whatever cookies arrive, also a staff session', async () => {
    const path = `/produk/${(await docs('products', '&where[status][equals]=active'))[3].slug}`
    await warm(path)
    const plain = await load(path)
    const withCookie = await load(path, { cookie: 'x=1; _ga=GA1.2.3' })
    const asStaff = await load(path, { cookie: `payload-token=${admin.token}` })
    expect([withCookie.hit, asStaff.hit]).toEqual([true, true])
    expect(withCookie.html).toBe(plain.html)
    expect(asStaff.html).toBe(plain.html)
  })

  it('renders the cart, and a preview, for each visitor and never keeps them', async () => {
    for (let i = 0; i < 2; i++) {
      const cart = await load('/keranjang', { cookie: 'x=1' })
      expect(cart.hit).toBe(false)
      expect(cart.cacheControl).toBe('private, no-store')
    }
    const article = (await docs('news', '&sort=-publishedAt'))[2]
    const draft = fresh('Draf')
    await admin.patch(`/api/news/${article.id}?locale=id&draft=true`, { title: draft })
    const previewPath = `/berita/${article.slug}?preview=1`
    // An anonymous visitor's load of the preview address is not kept for the editor who opens it next.
    expect((await load(previewPath)).cacheControl).toBe('private, no-store')
    for (let i = 0; i < 2; i++) {
      const preview = await load(previewPath, { cookie: `payload-token=${admin.token}` })
      expect(preview.hit).toBe(false)
      expect(preview.html).toContain(draft)
    }
    expect((await load(`/berita/${article.slug}`)).html).not.toContain(draft)
  })

  it('renders a page again for a request that asks for a fresh copy, and keeps the new render', async () => {
    await warm('/berita')
    expect((await load('/berita', { 'cache-control': 'no-cache' })).hit).toBe(false)
    expect((await load('/berita')).hit).toBe(true)
  })
})
