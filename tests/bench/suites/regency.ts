import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requestOnHost } from '../../support/hosts'
import { dataEnv } from '../../support/server'
import budgets from '../budgets.json'
import { benchAdmin, compressedSize, type Suite } from '../harness'

/** The regency portal's host in the bench (the regency's own, not a village's). */
const PORTAL_HOST = 'kabupaten.localhost'

/** Compressed HTML + stylesheets, and compressed JavaScript, of a page of the portal (pageWeight, on the portal's host). */
const portalWeight = async (url: string, path: string) => {
  const get = async (href: string) => {
    const answer = await requestOnHost(url, PORTAL_HOST, href)
    if (answer.status !== 200) throw new Error(`${href} on ${PORTAL_HOST} answered ${answer.status}`)
    return answer.body
  }
  const html = await get(path)
  const links = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1])
  const css = await Promise.all(links(/<link rel="stylesheet" href="([^"]+)"/g).map(get))
  const scripts = links(/<script[^>]*>([\s\S]*?)<\/script>/g)
  const js = await Promise.all(links(/<script[^>]*\bsrc="([^"]+)"/g).map(get))
  const sum = (texts: string[]) => texts.reduce((total, text) => total + compressedSize(text), 0)
  return { htmlCss: compressedSize(html) + sum(css), js: sum([...js, ...scripts]) }
}

/** Waits (at most a minute) until the server's /healthz says the database reads and writes again. */
const untilHealthy = async (url: string) => {
  for (let i = 0; i < 60 && (await fetch(`${url}/healthz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 1000))
}

const run = promisify(execFile)

const rounded = (ms: number) => Math.round(ms * 10) / 10

/** The first of `runs` sequential timings of `measure` and the median of the others, in milliseconds. */
const firstAndMedianMs = async (runs: number, measure: () => Promise<unknown>) => {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await measure()
    times.push(performance.now() - started)
  }
  const [first, ...later] = times
  return { first: rounded(first), median: rounded(later.sort((a, b) => a - b)[Math.floor(later.length / 2)]) }
}

/** The median of `runs` sequential timings of `measure`, in milliseconds. */
const medianMs = async (runs: number, measure: () => Promise<unknown>) => (await firstAndMedianMs(runs + 1, measure)).median

/**
 * Issue 20: the regency's statistics over a large regency (tests/bench/dataset/regency.ts: 200 villages × 2,000
 * requests). The job's count of every village, and the table and the dashboard the regency opens, which read the counted
 * rows only.
 */
export const regency: Suite = {
  name: 'regency',
  run: async (url, record, server) => {
    // The bench's account, which the dataset makes the regency's administrator.
    const admin = await benchAdmin(url)
    const failed: string[] = []
    /** The answer's body, its status noted when it is not 200. */
    const body = async (path: string) => {
      const res = await admin.request('GET', path)
      if (res.status !== 200) failed.push(`${path}: ${res.status}`)
      return res.arrayBuffer()
    }
    // Not spawnSync: this process keeps reading its sockets meanwhile, so the server's closing of the idle keep-alive
    // connection (after 65 s) is seen and the next request opens another instead of failing on the closed one.
    const made = await run(process.execPath, ['--import', 'tsx', 'tests/bench/dataset/regency.ts'], {
      env: { ...process.env, ...dataEnv(server.dir), PAYLOAD_SECRET: 'bench-secret' },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { stderr?: string }) => {
      throw new Error(`Making the regency failed: ${err.stderr}`)
    })
    process.stdout.write(made.stdout)
    const [, requests] = /regency: \d+ villages, (\d+) requests/.exec(made.stdout) ?? []
    const [, villages, ms] = /statistics counted: (\d+) villages in (\d+) ms/.exec(made.stdout) ?? []
    record(`statistics of ${villages} villages (${requests} requests) counted by the job: time`, Number(ms), 'ms')
    // The dataset's long writes held the database, and the server found it unwritable meanwhile: measured once it is up.
    await untilHealthy(url)

    const rows = await admin.get<{ totalDocs: number }>('/api/village-statistics?limit=0')
    record('statistics table: villages listed', rows.totalDocs, 'count', { min: 200 })
    record(
      'statistics table, 200 villages, read through the API by the regency: median time',
      await medianMs(20, () => admin.get('/api/village-statistics?limit=200&depth=0')),
      'ms',
      { max: 1000 },
    )
    record(
      'statistics table, admin list screen (first 100 of 200 villages): median time',
      await medianMs(5, () => body('/admin/collections/village-statistics?limit=100')),
      'ms',
      { max: 1000 },
    )
    // The dashboard (/admin/regency) sums the counted rows of every village and month and judges each village's
    // indicators; it reads no request. The first open after the count (nothing of it in the server's caches yet: the
    // database's pages, the view's code) and the later ones.
    for (const [name, path, runs] of [
      ['its data (/api/regency/dashboard)', '/api/regency/dashboard', 21],
      ['its data, the villages needing help (/api/regency/dashboard?help=1)', '/api/regency/dashboard?help=1', 21],
      ['the admin view (/admin/regency, HTML with its charts and indicators)', '/admin/regency', 6],
    ] as const) {
      const { first, median } = await firstAndMedianMs(runs, () => body(path))
      record(`regency dashboard, 200 villages: ${name}, first open (uncached): time`, first, 'ms', { max: 1000 })
      record(`regency dashboard, 200 villages: ${name}, later opens (cached): median time`, median, 'ms', { max: 1000 })
    }
    record(
      'regency dashboard, 200 villages: the active villages exported (XLSX, PDF): median time of the slower',
      Math.max(
        await medianMs(5, () => body('/api/regency/active-villages/xlsx')),
        await medianMs(5, () => body('/api/regency/active-villages/pdf')),
      ),
      'ms',
    )
    const dashboard = await admin.get<{ villages: unknown[] }>('/api/regency/dashboard?help=1')
    record('regency dashboard: villages needing help listed', dashboard.villages.length, 'count', { min: 1 })
    if (failed.length) console.log(`[bench] regency: failed requests: ${failed.join(', ')}`)
    record('regency dashboard: requests answered other than 200', failed.length, 'count', { max: 0 })

    await admin.post('/api/globals/regency', {
      name: 'Kabupaten Bench',
      introduction: 'Program Desa Digital.',
      domains: [{ host: PORTAL_HOST }],
    })
    for (const [name, path] of [
      ['home', '/'],
      ['news', '/berita'],
      ['products', '/produk'],
    ]) {
      const weight = await portalWeight(url, path)
      record(`portal ${name}, ${villages} villages: HTML+CSS (brotli)`, weight.htmlCss, 'bytes', { max: budgets.contentPageBytes })
      record(`portal ${name}: JavaScript (brotli)`, weight.js, 'bytes', { max: 0 })
    }
  },
}
