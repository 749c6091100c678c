import { load, pageWeight, type Suite } from '../harness'
import budgets from '../budgets.json'

/** Issue 2: the home page and profile pages. */
export const platform: Suite = {
  name: 'platform',
  run: async (url, record) => {
    for (const pagePath of ['/', '/profil/sejarah', '/en/profil/perangkat-desa']) {
      const weight = await pageWeight(url, pagePath)
      record(`${pagePath} HTML+CSS (brotli)`, weight.htmlCss, 'bytes', { max: budgets.contentPageBytes })
      record(`${pagePath} JavaScript (brotli)`, weight.js, 'bytes', { max: 0 })
    }
    const home = await load(url + '/')
    record('/ at 50 connections: requests/s', home.rps, 'req/s', { min: budgets.homeRequestsPerSecond })
    record('/ at 50 connections: p99 latency', home.p99, 'ms', { max: budgets.homeP99Ms })
    record('/ at 50 connections: errors and non-2xx', home.errors, 'count', { max: 0 })
  },
}
