import budgets from '../budgets.json'
import { benchAdmin, load, type Suite } from '../harness'
import { pageTypes } from '../pageTypes'

const budget = budgets.uncached
/** Asks the server to render the page again instead of serving its cached copy (as a browser's hard reload does). */
const FRESH = { 'cache-control': 'no-cache' }

/** The median time of sequential uncached renders on loopback: the server's time per page, and a little HTTP. */
export const medianRenderMs = async (url: string, runs = 40) => {
  const times: number[] = []
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now()
    const res = await fetch(url, { headers: { ...FRESH, 'accept-encoding': 'br, gzip' } })
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    if (i >= 5) times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

export const isCached = async (url: string) => {
  const res = await fetch(url)
  await res.arrayBuffer()
  return res.headers.get('x-page-cache') === 'hit'
}

/** Issue 17: what visitors get when the page cache cannot answer, and how much of it survives cookies and edits. */
export const uncached: Suite = {
  name: 'uncached',
  run: async (url, record) => {
    const { pages } = await pageTypes(url)
    const page = (name: string) => pages.find((p) => p.name === name)!.path
    const product = page('product')

    const plain = await load(url + product)
    const withCookie = await load(url + product, { headers: { 'accept-encoding': 'br, gzip', cookie: 'x=1; _ga=GA1.2.3' } })
    record('product with an unrelated cookie at 50 connections: requests/s', withCookie.rps, 'req/s')
    record('product with an unrelated cookie: requests/s as a share of no cookie', withCookie.rps / plain.rps, 'ratio', {
      min: budget.cookieShareOfCached,
    })
    record('product with an unrelated cookie: errors and non-2xx', withCookie.errors, 'count', { max: 0 })

    for (const name of ['product', 'article', 'home']) {
      const result = await load(url + page(name), { headers: { 'accept-encoding': 'br, gzip', ...FRESH } })
      record(`${name} rendered uncached at 50 connections: requests/s`, result.rps, 'req/s', { min: budget.minRequestsPerSecond })
      record(`${name} rendered uncached at 50 connections: p99 latency`, result.p99, 'ms', { max: budget.maxP99Ms })
      record(`${name} rendered uncached at 50 connections: errors and non-2xx`, result.errors, 'count', { max: 0 })
    }

    for (const name of ['home', 'profile', 'news list', 'article', 'podcast episode', 'product list', 'product', 'services list'])
      record(`${name} rendered uncached: median time, one request at a time`, await medianRenderMs(url + page(name)), 'ms', {
        max: budget.maxMedianRenderMs,
      })

    // Every other product's page cached, then one product saved: only its own page is rendered again. The oldest
    // product is saved: the others show the newest ones of their category as related, and those pages must go. In batches:
    // a page stays cached s-maxage (60 s) at most, less than warming a thousand pages takes on a busy machine.
    const admin = await benchAdmin(url)
    const active = (
      await admin.get<{ docs: { id: number; slug: string }[] }>(
        '/api/products?depth=0&limit=5000&sort=createdAt&select[slug]=true&where[status][equals]=active',
      )
    ).docs
    const [saved, ...others] = active
    const inParallel = async <T>(items: T[], run: (item: T) => Promise<boolean>) => {
      const results: boolean[] = []
      for (let i = 0; i < items.length; i += 10) results.push(...(await Promise.all(items.slice(i, i + 10).map(run))))
      return results
    }
    let stillCached = 0
    let title = ''
    for (let i = 0; i < others.length; i += 100) {
      const batch = others.slice(i, i + 100).map(({ slug }) => `${url}/produk/${slug}`)
      await inParallel(batch, isCached)
      await inParallel(batch, isCached)
      title = `Produk yang baru disimpan ${i}`
      await admin.patch(`/api/products/${saved.id}?locale=id`, { title })
      stillCached += (await inParallel(batch, isCached)).filter(Boolean).length
    }
    const savedPage = await (await fetch(`${url}/produk/${saved.slug}`)).text()
    record('the saved product’s page shows the save at once', savedPage.includes(title) ? 1 : 0, 'count', { min: 1 })
    record(`after saving one product, the other ${others.length} product pages still cached`, stillCached, 'pages', { min: others.length })
    record('active products (the others are drafts or archived)', active.length, 'count')
  },
}
