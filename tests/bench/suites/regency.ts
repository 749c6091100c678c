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

/** The median of `runs` sequential timings of `measure`, in milliseconds. */
const medianMs = async (runs: number, measure: () => Promise<unknown>) => {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await measure()
    times.push(performance.now() - started)
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)] * 10) / 10
}

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
      await medianMs(5, () => admin.request('GET', '/admin/collections/village-statistics?limit=100').then((res) => res.text())),
      'ms',
      { max: 1000 },
    )
    // The dashboard (/admin/regency) sums the counted rows of every village and month; it reads no request.
    record(
      'regency dashboard, 200 villages: its data (/api/regency/dashboard) read by the regency: median time',
      await medianMs(20, () => admin.get('/api/regency/dashboard')),
      'ms',
      { max: 1000 },
    )
    record(
      'regency dashboard, 200 villages: the admin view (/admin/regency, HTML with its charts): median time',
      await medianMs(5, () => admin.request('GET', '/admin/regency').then((res) => res.text())),
      'ms',
      { max: 1000 },
    )
    record(
      'regency dashboard, 200 villages: the active villages exported (XLSX, PDF): median time of the slower',
      Math.max(
        await medianMs(5, () => admin.request('GET', '/api/regency/active-villages/xlsx').then((res) => res.arrayBuffer())),
        await medianMs(5, () => admin.request('GET', '/api/regency/active-villages/pdf').then((res) => res.arrayBuffer())),
      ),
      'ms',
    )

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
