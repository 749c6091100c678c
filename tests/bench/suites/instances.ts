import type { Product } from '../../../cms/payload-types'
import { startLoadBalancer, type LoadBalancer } from '../../support/loadBalancer'
import { ProductionServer } from '../../support/server'
import { cartCookie, checkout, load, stockedProduct, type Suite } from '../harness'
import { pageTypes } from '../pageTypes'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/** Concurrent buyers, each checking out one fresh cart after another: the latency of every checkout. */
const checkoutLatencies = async (url: string, product: Product, buyers = 10, each = 6) => {
  const times: number[] = []
  await Promise.all(
    Array.from({ length: buyers }, async () => {
      for (let i = 0; i < each; i++) {
        const cookie = await cartCookie(url, product)
        const started = performance.now()
        const res = await checkout(url, cookie)
        times.push(performance.now() - started)
        if (res.status !== 303) throw new Error(`checkout answered ${res.status}`)
      }
    }),
  )
  return times.sort((a, b) => a - b)
}

/**
 * Issue 18: the same load through one round-robin load balancer (in this process) to one instance, then to three
 * instances on the same database file. The product page is rendered uncached (a cached page costs nothing to
 * spread); checkouts write to the shared SQLite file, whose writes take turns whatever the number of instances.
 */
export const instances: Suite = {
  name: 'instances',
  run: async (url, record, server) => {
    const { pages } = await pageTypes(url)
    const product = pages.find((p) => p.name === 'product')!.path
    const stocked = await stockedProduct(url, { sku: 'BENCH-INSTANCES', price: 25_000, stock: 100_000 }, 'Produk stok instans')
    const others = [1, 2].map(() => new ProductionServer({ env: { PAYLOAD_SECRET: 'bench-secret', RATE_LIMIT_OFF: '1' }, sharing: server }))
    let balancer: LoadBalancer | undefined
    try {
      await Promise.all(others.map((other) => other.start()))
      const measured: { rps: number; p50: number; p99: number }[] = []
      for (const targets of [[server], [server, ...others]]) {
        const count = targets.length
        balancer = await startLoadBalancer(() => targets.map((target) => target.url))
        const page = await load(balancer.url + product, { headers: { 'accept-encoding': 'br, gzip', 'cache-control': 'no-cache' } })
        record(`${count} instance${count > 1 ? 's' : ''}: product page rendered uncached at 50 connections: requests/s`, page.rps, 'req/s')
        record(`${count} instance${count > 1 ? 's' : ''}: product page rendered uncached: p99 latency`, page.p99, 'ms')
        record(`${count} instance${count > 1 ? 's' : ''}: product page: errors and non-2xx`, page.errors, 'count', { max: 0 })
        const times = await checkoutLatencies(balancer.url, stocked)
        const p50 = percentile(times, 50)
        const p99 = percentile(times, 99)
        record(`${count} instance${count > 1 ? 's' : ''}: checkout, 10 buyers at once: p50 latency`, p50, 'ms')
        record(`${count} instance${count > 1 ? 's' : ''}: checkout, 10 buyers at once: p99 latency`, p99, 'ms')
        measured.push({ rps: page.rps, p50, p99 })
        balancer.close()
        balancer = undefined
      }
      const [one, three] = measured
      record('product page uncached: requests/s with 3 instances ÷ with 1', three.rps / one.rps, 'ratio')
      record('checkout p50 latency with 3 instances ÷ with 1', three.p50 / one.p50, 'ratio')
    } finally {
      balancer?.close()
      await Promise.all(others.map((other) => other.stop()))
    }
  },
}
