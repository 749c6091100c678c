/**
 * `npm run bench [suite…]`: seeds a fresh database, loads the generated dataset (dataset/), starts the
 * production server on it and runs the measurement suites in suites/ (all, or those named). Prints a Markdown table, writes JSON and
 * Markdown reports to tests/bench/reports/, and exits non-zero when a budget (budgets.json) is broken.
 * Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from '../../scripts/lib/build'
import { dataEnv, ProductionServer } from '../support/server'
import budgets from './budgets.json'
import type { Record, Row, Suite } from './harness'
import { firstViewSuite } from './suites/firstView'
import { instances } from './suites/instances'
import { lighthouseSuite } from './suites/lighthouse'
import { news } from './suites/news'
import { platform } from './suites/platform'
import { search } from './suites/search'
import { services } from './suites/services'
import { shop } from './suites/shop'
import { throughput } from './suites/throughput'
import { uncached } from './suites/uncached'
import { villages } from './suites/villages'
import { regency } from './suites/regency'

// The page measurements run first, on the dataset as generated; later suites add episodes, orders and requests.
// Search runs last: its in-process engine work blocks this process long enough for the server to close idle
// keep-alive connections, which the next suite's first request would then reuse and fail on.
// The villages suite turns the install into a regency of three villages: after every suite that measures one; the
// regency suite adds 200 villages without sites of their own, last.
const suites: Suite[] = [
  firstViewSuite,
  lighthouseSuite,
  throughput,
  uncached,
  platform,
  news,
  shop,
  services,
  instances,
  villages,
  search,
  regency,
]

const main = async () => {
  const wanted = process.argv.slice(2)
  const rows: Row[] = []
  const record: Record = (metric, value, unit, budget = {}) => {
    const ok = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min)
    const shown = budget.max !== undefined ? `≤ ${budget.max}` : budget.min !== undefined ? `≥ ${budget.min}` : '—'
    rows.push({ metric, value: Math.round(value * 100) / 100, unit, budget: shown, ok })
    console.log(`[bench]   ${metric}: ${Math.round(value * 100) / 100} ${unit} ${ok ? '' : `(over budget ${shown})`}`)
  }

  build({ onlyStale: true })
  // Load tests come from one address, so the per-client rate limits are off for the benchmark server.
  const secret = { PAYLOAD_SECRET: 'bench-secret' }
  const server = new ProductionServer({ env: { ...secret, RATE_LIMIT_OFF: '1' } })
  const timeToFirst200 = async () => {
    const started = Date.now()
    await server.start()
    while (!(await fetch(server.url + '/')).ok);
    return Date.now() - started
  }
  const seeded = await timeToFirst200() // empty database: migrates and seeds the demo village first
  await server.stop()
  record('npm start → first 200 on / (empty database: migrate + seed)', seeded, 'ms')
  // The generated dataset goes in while no server holds the database.
  const loading = Date.now()
  const loaded = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/dataset/load.ts'], {
    env: { ...process.env, ...dataEnv(server.dir), ...secret },
    stdio: 'inherit',
  })
  if (loaded.status !== 0) throw new Error('Loading the benchmark dataset failed')
  record('generated dataset: load + one full search reindex', Date.now() - loading, 'ms')
  const ms = await timeToFirst200()
  record('npm start → first 200 on / (existing database with the dataset)', ms, 'ms', { max: budgets.startToFirst200Ms })

  for (const suite of suites.filter((s) => !wanted.length || wanted.includes(s.name))) {
    console.log(`[bench] ${suite.name}`)
    // A suite that breaks down is one failed row; the other suites still run and the report is still written.
    await suite.run(server.url, record, server).catch((err) => {
      console.error(err)
      record(`${suite.name}: suite failed to complete`, 1, 'count', { max: 0 })
    })
  }
  await server.close()

  const table = [
    '| metric | value | budget | ok |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.metric} | ${r.value} ${r.unit} | ${r.budget} | ${r.ok ? '✓' : '✗ over budget'} |`),
  ].join('\n')
  console.log(`\n${table}\n`)
  const reports = path.resolve('tests/bench/reports')
  mkdirSync(reports, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  writeFileSync(path.join(reports, `bench-${stamp}.json`), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2))
  writeFileSync(path.join(reports, `bench-${stamp}.md`), table + '\n')
  process.exit(rows.every((r) => r.ok) ? 0 : 1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
