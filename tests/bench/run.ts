/**
 * `npm run bench`: starts the production server on a fresh, seeded database and measures what the
 * issues promise. Prints a Markdown table, writes a JSON report to tests/bench/reports/, and exits
 * non-zero when a budget in budgets.json is broken. Never part of `npm test`.
 */
import autocannon from 'autocannon'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { build } from '../../scripts/lib/build'
import { startServer } from '../support/server'

type Row = { metric: string; value: number; unit: string; budget: string; ok: boolean }

const budgets = JSON.parse(readFileSync(path.resolve('tests/bench/budgets.json'), 'utf8'))
const rows: Row[] = []
const record = (metric: string, value: number, unit: string, budget: string, ok: boolean) => rows.push({ metric, value, unit, budget, ok })

// Browsers receive brotli from the server; measuring the same bytes here keeps the number comparable.
const compressedSize = (text: string) => brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length

const pageWeight = async (base: string, pagePath: string) => {
  const html = await (await fetch(base + pagePath)).text()
  const assets = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!)
  const css = await Promise.all(assets(/<link rel="stylesheet" href="([^"]+)"/g).map(async (href) => (await fetch(base + href)).text()))
  const js = await Promise.all(assets(/<script[^>]*src="([^"]+)"/g).map(async (src) => (await fetch(base + src)).text()))
  const inlineJs = assets(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)
  return {
    htmlCss: compressedSize(html) + css.reduce((sum, text) => sum + compressedSize(text), 0),
    js: [...js, ...inlineJs].reduce((sum, text) => sum + compressedSize(text), 0),
  }
}

const load = async (url: string) => {
  const result = await autocannon({ url, connections: 50, duration: 10 })
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx }
}

const main = async () => {
  build({ onlyMissing: true })
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desa-bench-'))
  const data = { DATABASE_URL: `file:${path.join(dir, 'desa.db')}`, MEDIA_DIR: path.join(dir, 'media') }
  const timeToFirst200 = async () => {
    const started = Date.now()
    const server = await startServer(data)
    while (!(await fetch(server.url + '/')).ok);
    return { server, ms: Date.now() - started }
  }
  const first = await timeToFirst200() // empty database: migrates and seeds the demo village first
  await first.server.stop()
  const second = await timeToFirst200()
  const again = second.server
  record('npm start → first 200 on / (empty database: migrate + seed)', first.ms, 'ms', '—', true)
  record('npm start → first 200 on / (existing database)', second.ms, 'ms', `≤ ${budgets.startToFirst200Ms.max}`, second.ms <= budgets.startToFirst200Ms.max)

  for (const pagePath of ['/', '/profil/sejarah', '/en/profil/perangkat-desa']) {
    const weight = await pageWeight(again.url, pagePath)
    record(`${pagePath} HTML+CSS (brotli)`, weight.htmlCss, 'bytes', `≤ ${budgets.pageWeightBytes.max}`, weight.htmlCss <= budgets.pageWeightBytes.max)
    record(`${pagePath} JavaScript`, weight.js, 'bytes', `≤ ${budgets.pageScriptBytes.max}`, weight.js <= budgets.pageScriptBytes.max)
  }

  await load(again.url + '/') // warm-up
  const home = await load(again.url + '/')
  record('/ at 50 connections: requests/s', home.rps, 'req/s', `≥ ${budgets.homeLoad.minRequestsPerSecond}`, home.rps >= budgets.homeLoad.minRequestsPerSecond)
  record('/ at 50 connections: p99 latency', home.p99, 'ms', `≤ ${budgets.homeLoad.maxP99Ms}`, home.p99 <= budgets.homeLoad.maxP99Ms)
  record('/ at 50 connections: errors and non-2xx', home.errors, 'count', '0', home.errors === 0)
  await again.stop()
  rmSync(dir, { recursive: true, force: true })

  const table = ['| metric | value | budget | ok |', '|---|---|---|---|', ...rows.map((r) => `| ${r.metric} | ${r.value} ${r.unit} | ${r.budget} | ${r.ok ? '✓' : '✗ over budget'} |`)].join('\n')
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
