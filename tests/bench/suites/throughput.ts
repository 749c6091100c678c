import budgets from '../budgets.json'
import { load, type Suite } from '../harness'
import { pageTypes } from '../pageTypes'

type Budget = { minRequestsPerSecond?: number; maxP99Ms?: number }
const MAIN_PAGES: Record<string, Budget> = budgets.throughput

/** Issue 7: requests/s and latency of the main pages at 50 connections, one page at a time. */
export const throughput: Suite = {
  name: 'throughput',
  run: async (url, record) => {
    const { pages } = await pageTypes(url)
    for (const [name, budget] of Object.entries(MAIN_PAGES)) {
      const page = pages.find((p) => p.name === name)
      if (!page) throw new Error(`budgets.json names an unknown page type: ${name}`)
      const result = await load(url + page.path)
      record(`${name} at 50 connections: requests/s`, result.rps, 'req/s', { min: budget.minRequestsPerSecond })
      record(`${name} at 50 connections: p50 latency`, result.p50, 'ms')
      record(`${name} at 50 connections: p99 latency`, result.p99, 'ms', { max: budget.maxP99Ms })
      record(`${name} at 50 connections: errors and non-2xx`, result.errors, 'count', { max: 0 })
    }
  },
}
