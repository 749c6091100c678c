import { spawnSync } from 'node:child_process'
import { requestOnHost } from '../../support/hosts'
import { dataEnv } from '../../support/server'
import { benchAdmin, type Suite } from '../harness'
import { pageTypes } from '../pageTypes'
import { isCached, medianRenderMs } from './uncached'

const PAGES = ['home', 'article', 'product', 'product list'] as const
const SECOND = 'bench-dua.localhost'

/**
 * Issue 19: one install serving three villages against one. The dataset's village is measured alone, then with two
 * more villages added (each with its own products and news): uncached render times of the same pages, and whether
 * a save in another village leaves this village's cached pages alone.
 */
export const villages: Suite = {
  name: 'villages',
  run: async (url, record, server) => {
    const { pages } = await pageTypes(url)
    const page = (name: string) => pages.find((p) => p.name === name)!.path
    for (const name of PAGES) record(`1 village: ${name} rendered uncached: median time`, await medianRenderMs(url + page(name)), 'ms')

    await benchAdmin(url)
    const added = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/dataset/villages.ts'], {
      env: { ...process.env, ...dataEnv(server.dir), PAYLOAD_SECRET: 'bench-secret' },
      stdio: 'inherit',
    })
    if (added.status !== 0) throw new Error('Adding the benchmark villages failed')
    const started = Date.now()
    while ((await requestOnHost(url, SECOND, '/produk')).status !== 200) {
      if (Date.now() - started > 60_000) throw new Error(`${SECOND} never served its village`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }

    for (const name of PAGES) record(`3 villages: ${name} rendered uncached: median time`, await medianRenderMs(url + page(name)), 'ms')

    // This village's pages cached, then a product of another village saved by the regency's administrator.
    const admin = await benchAdmin(url)
    const [other] = (await admin.get<{ docs: { id: number }[] }>('/api/products?depth=0&limit=1&where[slug][like]=produk-bench-dua')).docs
    const own = [page('product'), page('article'), page('product list'), page('home')]
    for (const path of own) for (let i = 0; i < 2; i++) await isCached(url + path)
    await admin.patch(`/api/products/${other.id}?locale=id`, { title: 'Produk desa lain, baru disimpan' })
    for (const path of own)
      record(`3 villages: ${path} still cached after a product of another village is saved`, Number(await isCached(url + path)), 'yes=1')
  },
}
