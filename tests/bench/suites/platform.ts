import { pageWeight, type Suite } from '../harness'
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
  },
}
