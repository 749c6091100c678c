import budgets from '../budgets.json'
import { titleMark } from '../dataset/dataset'
import { benchAdmin, load, type Suite } from '../harness'
import { pageTypes } from '../pageTypes'

const budget = budgets.uncached
/** Asks the server to render the page again instead of serving its cached copy (as a browser's hard reload does). */
const FRESH = { 'cache-control': 'no-cache' }

/** The median time of sequential uncached renders on loopback: the server's time per page, and a little HTTP. */
const medianRenderMs = async (url: string, runs = 40) => {
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

const isCached = async (url: string) => {
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

    // Every generated product's page in the cache, then one product saved: only its own page is rendered again.
    const admin = await benchAdmin(url)
    const generated = (
      await admin.get<{ docs: { id: number; slug: string }[] }>(
        `/api/products?depth=0&limit=2000&select[slug]=true&where[title][like]=${encodeURIComponent(titleMark(0).slice(0, 1))}&where[status][equals]=active`,
      )
    ).docs
    for (const { slug } of generated) await isCached(`${url}/produk/${slug}`)
    const [saved, ...others] = generated
    const title = `Produk yang baru disimpan ${Date.now()}`
    await admin.patch(`/api/products/${saved.id}?locale=id`, { title })
    const savedPage = await (await fetch(`${url}/produk/${saved.slug}`)).text()
    record('the saved product’s page shows the save at once', savedPage.includes(title) ? 1 : 0, 'count', { min: 1 })
    let stillCached = 0
    for (const { slug } of others) if (await isCached(`${url}/produk/${slug}`)) stillCached += 1
    record(`after saving one product, the other ${others.length} product pages still cached`, stillCached, 'pages', { min: others.length })
  },
}
