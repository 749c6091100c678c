/**
 * Makes the benchmark's install a large regency, for the `regency` suite: REGENCY_VILLAGES villages (in 20
 * kecamatan) with REQUESTS_PER_VILLAGE residents' requests each, in every state, some past their due date, written
 * straight into the SQLite database, one village per statement, and their sites' page views of the last 40 days (copies of a request made through the form, by the services suite or here: far
 * quicker than the form, and the counting reads only what the rows say). Then counts the villages' statistics once, as the server's job
 * does, and prints how long it took. Run while the server runs, after the `villages` suite.
 */
import { bootPayload } from '../../../scripts/lib/boot'
import { runMain } from '../../../scripts/lib/problem'

const REGENCY_VILLAGES = 200
const REQUESTS_PER_VILLAGE = 2_000
const STATES = ['submitted', 'checking', 'processing', 'awaitingSignature', 'done', 'done', 'done', 'rejected']

/** The columns of a table, as SQLite lists them. */
const columnsOf = async (execute: (sql: string) => Promise<Record<string, unknown>[]>, table: string) =>
  (await execute(`PRAGMA table_info(${table})`)).map((c) => String(c.name))

runMain(async () => {
  const payload = await bootPayload()
  const { sqliteExecute } = await import('../../../cms/lib/rawDb')
  const { refreshVillageStatistics } = await import('../../../cms/regency/statistics')
  const { inVillage } = await import('../../../cms/villages/current')
  const { oldestVillage } = await import('../../../cms/villages/firstVillage')
  const { makeRegencyAdministrator } = await import('../../../cms/villages/regency')
  const { domicileRequest } = await import('../../support/services')
  const execute = (sql: string, args: (string | number)[] = []) => sqliteExecute(payload, sql, args)

  /** Copies of row `id` of `table`, one per row of `source`, with the columns of `set` computed from it. */
  const copyRows = async (table: string, id: number, source: string, set: Record<string, string>) => {
    const columns = (await columnsOf(execute, table)).filter((c) => c !== 'id')
    const values = columns.map((c) => set[c] ?? `t."${c}"`)
    await execute(
      `WITH RECURSIVE ${source} INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${values.join(', ')} FROM ${table} t, g WHERE t.id = ${id}`,
    )
  }

  const [first] = await execute('SELECT id FROM villages ORDER BY id LIMIT 1')
  await copyRows('villages', Number(first.id), `g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${REGENCY_VILLAGES})`, {
    name: `'Desa Regensi ' || g.i`,
    slug: `'regensi-' || g.i`,
    code: 'NULL',
    kecamatan: `'Kecamatan ' || (g.i % 20 + 1)`,
    status: `'active'`,
  })
  if (!(await execute('SELECT id FROM service_requests LIMIT 1')).length)
    await inVillage(await oldestVillage(payload), () => domicileRequest(payload))
  const [request] = await execute('SELECT id FROM service_requests ORDER BY id LIMIT 1')
  const states = STATES.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')
  const day = `(g.i % 120)`
  // One village's requests per statement: the server's writes (its statistics job, its visits) wait for each, well
  // within the database's busy timeout, instead of failing with SQLITE_BUSY behind one write of 400,000 rows.
  const regencyVillages = await execute(`SELECT id FROM villages WHERE slug LIKE 'regensi-%' ORDER BY id`)
  for (const { id } of regencyVillages)
    await copyRows(
      'service_requests',
      Number(request.id),
      `n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${REQUESTS_PER_VILLAGE}),
       g(v, i) AS (SELECT ${Number(id)}, n.i FROM n)`,
      {
        village_id: 'g.v',
        reference: `printf('RG%05d%05d', g.v, g.i)`,
        submission_key: `printf('regensi-%d-%d', g.v, g.i)`,
        status: `CASE g.i % ${STATES.length} ${states} END`,
        due_date: `date('now', '-' || ${day} || ' days', '+7 days')`,
        submitted_at: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ${day} || ' days')`,
        completed_at: `CASE WHEN g.i % ${STATES.length} IN (4, 5, 6) THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ${day} || ' days', '+' || (g.i % 9) || ' days') END`,
        created_at: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ${day} || ' days')`,
        updated_at: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      },
    )
  // Page views of the last 40 days (WITA), as the server counts them, for three villages in four: the dashboard's
  // window of 30 days sums part of them.
  await execute(
    `WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 39)
     INSERT OR IGNORE INTO site_visits (key, village, day, views)
     SELECT v.id || '|' || date('now', '+8 hours', '-' || d.n || ' days'), v.id, date('now', '+8 hours', '-' || d.n || ' days'), 1 + (v.id + d.n) % 50
     FROM villages v, d WHERE v.slug LIKE 'regensi-%' AND v.id % 4 <> 0`,
  )
  const [{ total }] = await execute(`SELECT count(*) AS total FROM service_requests WHERE reference LIKE 'RG%'`)
  console.log(`[dataset] regency: ${REGENCY_VILLAGES} villages, ${total} requests`)
  await makeRegencyAdministrator(payload, 'bench@desa.test')
  // The server's count of the villages (its quarter-hourly job, or one asked for by a change) ends before this one
  // starts, so that the time printed is this count's alone.
  while ((await execute(`SELECT id FROM payload_jobs WHERE queue = 'regency' AND processing = 1 AND completed_at IS NULL`)).length)
    await new Promise((resolve) => setTimeout(resolve, 500))
  const started = performance.now()
  const counted = await refreshVillageStatistics(payload)
  console.log(`[dataset] statistics counted: ${counted.villages} villages in ${Math.round(performance.now() - started)} ms`)
  process.exit(0)
})
