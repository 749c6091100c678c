import { beforeAll, describe, expect, it } from 'vitest'
import { FIRST_HOST, SECOND_ARTICLE, SECOND_HOST, withSecondVillage } from '../support/secondVillage'
import { useProductionServer } from '../support/e2e'
import { signIn } from '../support/api'
import { requestOnHost } from '../support/hosts'
import { startLoadBalancer } from '../support/loadBalancer'

// The load balancer of the last test connects from this address, the only trusted proxy.
const PROXY_ADDRESS = '127.0.0.10'
const server = useProductionServer({ env: { TRUSTED_PROXIES: PROXY_ADDRESS } })

/** A request to the server as a browser sends it to `host`. */
const request = (host: string, path: string, options?: Parameters<typeof requestOnHost>[3]) =>
  requestOnHost(server.url, host, path, options)

beforeAll(async () => {
  // The install's first account was made while it had one village, as a regency's roll-out starts.
  await signIn(server, 'admin')
  await server.stop()
  await withSecondVillage(server.dir)
  await server.start()
})

describe('two villages on two hosts of one install', () => {
  it('show each village its own news, pages and products, the same address on both hosts', async () => {
    const first = await request(FIRST_HOST, '/berita')
    const second = await request(SECOND_HOST, '/berita')
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    expect(second.body).toContain(SECOND_ARTICLE)
    expect(first.body).not.toContain(SECOND_ARTICLE)
    // Asked again: each host's copy comes from the page cache, and stays its own.
    expect((await request(SECOND_HOST, '/berita')).body).toContain(SECOND_ARTICLE)
    expect((await request(FIRST_HOST, '/berita')).body).not.toContain(SECOND_ARTICLE)

    expect((await request(SECOND_HOST, '/profil/sejarah-sukamaju')).status).toBe(200)
    expect((await request(FIRST_HOST, '/profil/sejarah-sukamaju')).status).toBe(404)
    expect((await request(FIRST_HOST, '/produk/madu-hutan')).status).toBe(200)
    expect((await request(SECOND_HOST, '/produk/madu-hutan')).status).toBe(404)
    expect((await request(SECOND_HOST, '/produk')).body).not.toContain('Madu hutan')
  })

  it('name each site after its own village, and give a village without a show no podcast feed', async () => {
    const second = await request(SECOND_HOST, '/')
    expect(second.body).toMatch(/<title>[^<]*Sukamaju/)
    expect(second.body).not.toContain('Sungai Lestari')
    expect((await request(FIRST_HOST, '/')).body).toContain('Sungai Lestari')
    const podcast = await request(SECOND_HOST, '/podcast')
    expect(podcast.status).toBe(200)
    expect(podcast.body).not.toContain('/podcast/feed.xml')
    expect((await request(SECOND_HOST, '/podcast/feed.xml')).status).toBe(404)
    expect((await request(FIRST_HOST, '/podcast/feed.xml')).status).toBe(200)
  })

  it('give each village its own feeds, sitemap and live search, the files a site renders as well as its pages', async () => {
    const rss = await request(SECOND_HOST, '/berita/rss.xml')
    expect(rss.status).toBe(200)
    expect(rss.body).toContain(SECOND_ARTICLE)
    expect((await request(FIRST_HOST, '/berita/rss.xml')).body).not.toContain(SECOND_ARTICLE)
    const sitemap = await request(SECOND_HOST, '/sitemap.xml')
    expect(sitemap.status).toBe(200)
    const live = async (host: string) =>
      JSON.parse((await request(host, '/cari.json?q=madu')).body) as { groups: { hits: { url: string }[] }[] }
    const urls = async (host: string) => (await live(host)).groups.flatMap((g) => g.hits.map((h) => h.url))
    expect(await urls(FIRST_HOST)).toContain('/produk/madu-hutan')
    expect(await urls(SECOND_HOST)).not.toContain('/produk/madu-hutan')
  })

  it('find in search only what belongs to the village of the host', async () => {
    const second = await request(SECOND_HOST, '/cari?q=madu')
    expect(second.status).toBe(200)
    expect(second.body).not.toContain('/produk/madu-hutan')
    expect((await request(FIRST_HOST, '/cari?q=madu')).body).toContain('/produk/madu-hutan')
  })

  it('keep another village’s products out of the cart', async () => {
    const product = await request(FIRST_HOST, '/produk/madu-hutan')
    const productId = /name="productId" value="(\d+)"/.exec(product.body)![1]
    const variantId = /name="variantId"[^>]*value="([^"]+)"/.exec(product.body)![1]
    const added = await request(SECOND_HOST, '/produk/madu-hutan?_action=shop.addToCart', {
      method: 'POST',
      form: { productId, variantId, quantity: '1' },
    })
    expect(added.status).toBe(404)
    expect(added.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^keranjang=/))
  })

  it('answer a host of no village with 404 and nothing of any village', async () => {
    const unknown = await request('desa-lain.localhost', '/')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatch(/bukan situs desa mana pun/)
    expect(unknown.body).not.toMatch(/Sukamaju|Madu/)
    const api = await request('desa-lain.localhost', '/api/news?limit=5')
    expect(api.status).toBe(403)
  })

  it('keep the staff of one village out of the other’s documents through the API', async () => {
    const editor = await signIn(server, 'editor')
    const { docs } = await editor.get<{ docs: { title: string }[] }>('/api/news?limit=100&depth=0')
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.map((d) => d.title)).not.toContain(SECOND_ARTICLE)
    const second = await editor.get<{ totalDocs: number }>(`/api/news?where[slug][equals]=panen-raya&limit=1`)
    expect(second.totalDocs).toBe(0)
  })

  it("keep each village's cached lists through the other village's saves", async () => {
    const cached = async (host: string, path: string) => (await request(host, path)).headers['x-page-cache'] === 'hit'
    for (const host of [FIRST_HOST, SECOND_HOST]) for (let i = 0; i < 2; i++) await cached(host, '/berita')
    expect(await cached(SECOND_HOST, '/berita')).toBe(true)
    const editor = await signIn(server, 'editor')
    const [own] = (await editor.get<{ docs: { id: number }[] }>('/api/news?limit=1&depth=0&where[_status][equals]=published')).docs
    await editor.patch(`/api/news/${own.id}?locale=id`, { title: 'Kabar desa pertama, baru disimpan' })
    expect((await request(FIRST_HOST, '/berita')).body).toContain('Kabar desa pertama, baru disimpan')
    expect(await cached(SECOND_HOST, '/berita')).toBe(true)
  })
})

describe('behind a proxy that passes requests on under its own host name', () => {
  it('serves the village the visitor asked for, as the trusted proxy names it in X-Forwarded-Host, and no one else may', async () => {
    const proxy = await startLoadBalancer(() => [server.url], { from: PROXY_ADDRESS, forwardHost: true })
    try {
      const through = await requestOnHost(proxy.url, SECOND_HOST, '/berita')
      expect(through.status).toBe(200)
      expect(through.body).toContain(SECOND_ARTICLE)
      expect(through.body).toContain(`href="http://${SECOND_HOST}:`)
      expect((await requestOnHost(proxy.url, FIRST_HOST, '/berita')).body).not.toContain(SECOND_ARTICLE)
      // A form posted from the visitor's page passes the cross-site check, which compares the visitor's host.
      const product = await requestOnHost(proxy.url, FIRST_HOST, '/produk/madu-hutan')
      const productId = /name="productId" value="(\d+)"/.exec(product.body)![1]
      const variantId = /name="variantId"[^>]*value="([^"]+)"/.exec(product.body)![1]
      const added = await requestOnHost(proxy.url, FIRST_HOST, '/produk/madu-hutan?_action=shop.addToCart', {
        method: 'POST',
        form: { productId, variantId, quantity: '1' },
      })
      expect(added.status).toBe(303)
      expect(added.headers['set-cookie'] ?? []).toContainEqual(expect.stringMatching(/^keranjang=/))
    } finally {
      proxy.close()
    }
    // Straight from a client, the header is what anyone can write: the host stays the one the request came to.
    const forged = await request('127.0.0.1', '/berita', { headers: { 'x-forwarded-host': `${SECOND_HOST}` } })
    expect(forged.status).toBe(404)
    expect(forged.body).not.toContain(SECOND_ARTICLE)
  })
})
