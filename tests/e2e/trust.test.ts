import { mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, signIn } from '../support/api'
import { launchBrowser } from '../support/browser'
import { deathAnswers, DEATH_FORM, formPost, jpeg, submitDeathRequest } from '../support/deathRequest'
import { useProductionServer } from '../support/e2e'
import { freePort, runStart } from '../support/server'

/**
 * What an outside probe of a production server found and what must hold instead: document locks, drafts,
 * the last administrator, residents' NIK in form answers, disk filling, the confirmation page, file modes
 * and security headers.
 */

const server = useProductionServer({ env: { PUBLIC_URL: 'https://desa.test' } })
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}

const api = (role: string, apiPath: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api${apiPath}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${tokens[role]}`, ...(init.headers as Record<string, string>) },
  })

const privateFiles = () => readdirSync(path.join(server.dir, 'private'), { withFileTypes: true }).filter((e) => e.isFile())

beforeAll(async () => {
  const admin = await signIn(server, 'admin')
  const producer = await admin.get<{ docs: { id: number }[] }>('/api/producers?limit=1&depth=0')
  const accounts = [
    admin,
    await signIn(server, { role: 'producer', producer: producer.docs[0].id }),
    await signIn(server, 'editor'),
    await signIn(server, 'officer'),
  ]
  for (const { user, token } of accounts) {
    tokens[user.role] = token
    ids[user.role] = user.id
  }
})

describe('document locks (the admin marks a document as being edited)', () => {
  let newsId: number

  beforeAll(async () => {
    newsId = ((await (await api('admin', '/news?limit=1&depth=0')).json()) as { docs: { id: number }[] }).docs[0].id
  })

  const lockBody = (user: number, document: object = { relationTo: 'news', value: newsId }) =>
    JSON.stringify({ document, user: { relationTo: 'users', value: user } })

  it('are taken only on documents the account may change, and always as that account', async () => {
    // A producer may not change news: no lock, whoever it claims to be.
    expect((await api('producer', '/payload-locked-documents', { method: 'POST', body: lockBody(ids.producer) })).status).toBe(403)
    expect((await api('producer', '/payload-locked-documents', { method: 'POST', body: lockBody(ids.editor) })).status).toBe(403)
    // The editor may; a lock claimed for the administrator is the editor's own.
    const taken = await api('editor', '/payload-locked-documents', { method: 'POST', body: lockBody(ids.admin) })
    expect(taken.status, await taken.clone().text()).toBe(201)
    const lock = ((await taken.json()) as { doc: { id: number; user: { value: number | { id: number } } } }).doc
    const holder = lock.user.value
    expect(typeof holder === 'object' ? holder.id : holder).toBe(ids.editor)

    // Nobody who may not change the document sees, moves or clears the lock.
    const seen = (await (await api('producer', '/payload-locked-documents?depth=0')).json()) as { docs: unknown[] }
    expect(seen.docs).toEqual([])
    expect((await api('producer', `/payload-locked-documents/${lock.id}`, { method: 'PATCH', body: lockBody(ids.producer) })).status).toBe(
      403,
    )
    expect((await api('producer', `/payload-locked-documents/${lock.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await api('officer', '/payload-locked-documents?where[id][exists]=true', { method: 'DELETE' })).status).toBeLessThan(500)
    expect((await api('admin', `/payload-locked-documents/${lock.id}?depth=0`)).status).toBe(200)
  })

  it('on a document that does not exist are refused like any other, not a server error', async () => {
    const res = await api('editor', '/payload-locked-documents', {
      method: 'POST',
      body: lockBody(ids.editor, { relationTo: 'news', value: 999999 }),
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBeTruthy()
  })
})

describe('drafts', () => {
  it('stay with the media team in the version history too', async () => {
    const template = ((await (await api('admin', '/news?limit=1&depth=0')).json()) as { docs: Record<string, unknown>[] }).docs[0]
    const { id: _id, createdAt: _c, updatedAt: _u, ...data } = template
    const created = await api('editor', '/news', {
      method: 'POST',
      body: JSON.stringify({ ...data, slug: 'rahasia-draf', title: 'Draf rahasia RAHASIA-DRAF', _status: 'draft' }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }
    for (const role of ['producer', 'officer']) {
      const res = await api(role, `/news/versions?where[parent][equals]=${doc.id}&depth=0`)
      expect(res.status, role).toBeLessThan(500)
      expect(await res.text(), role).not.toContain('RAHASIA-DRAF')
    }
    expect(await (await api('editor', `/news/versions?where[parent][equals]=${doc.id}&depth=0`)).text()).toContain('RAHASIA-DRAF')
  })
})

describe('the last administrator', () => {
  it('cannot give up the role, so someone can always manage accounts; with a second administrator they can', async () => {
    const demote = () => api('admin', `/users/${ids.admin}`, { method: 'PATCH', body: JSON.stringify({ role: 'editor' }) })
    const refused = await demote()
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toMatch(/administrator terakhir/i)
    const me = (await (await api('admin', `/users/${ids.admin}?depth=0`)).json()) as { role: string }
    expect(me.role).toBe('admin')

    const english = await api('admin', `/users/${ids.admin}`, {
      method: 'PATCH',
      headers: { Cookie: 'payload-lng=en' },
      body: JSON.stringify({ role: 'editor' }),
    })
    expect(JSON.stringify(await english.json())).toMatch(/last administrator/i)

    const second = await api('admin', `/users/${ids.officer}`, { method: 'PATCH', body: JSON.stringify({ role: 'admin' }) })
    expect(second.status).toBe(200)
    expect((await api('officer', `/users/${ids.officer}`, { method: 'PATCH', body: JSON.stringify({ role: 'officer' }) })).status).toBe(200)
  })
})

describe("a resident's NIK in form answers", () => {
  it('is stored encrypted, masked in lists and letters, and shown in full only to staff opening the request, with an audit entry', async () => {
    const { reference } = await submitDeathRequest(server)
    const db = new DatabaseSync(path.join(server.dir, 'desa.db'), { readOnly: true })
    const row = db.prepare('SELECT id, answers FROM service_requests WHERE reference = ?').get(reference) as { id: number; answers: string }
    db.close()
    expect(row.answers).not.toContain(deathAnswers.nik_almarhum)

    const listed = (await (await api('officer', `/service-requests?where[reference][equals]=${reference}&depth=0`)).json()) as {
      docs: { answers: Record<string, string> }[]
    }
    expect(listed.docs[0].answers.nik_almarhum).toBe('640201******0007')

    const before = ((await (await api('admin', '/audit-log?limit=0')).json()) as { totalDocs: number }).totalDocs
    const opened = (await (await api('officer', `/service-requests/${row.id}?depth=0`)).json()) as { answers: Record<string, string> }
    expect(opened.answers.nik_almarhum).toBe(deathAnswers.nik_almarhum)
    const audit = (await (await api('admin', '/audit-log?limit=5&sort=-at&depth=0')).json()) as {
      totalDocs: number
      docs: { action: string; detail: string | null }[]
    }
    expect(audit.totalDocs).toBeGreaterThan(before)
    expect(audit.docs.some((entry) => /nik_almarhum/.test(entry.detail ?? ''))).toBe(true)

    // A letter's request, read with the letter, shows the masked number only.
    const request = (await (await api('admin', `/service-requests/${row.id}?depth=0`)).json()) as { id: number }
    for (const nextStatus of ['checking', 'processing', 'awaitingSignature'])
      expect(
        (await api('officer', `/service-requests/${request.id}`, { method: 'PATCH', body: JSON.stringify({ nextStatus }) })).status,
      ).toBe(200)
    const letters = await (await api('officer', `/letters?where[request][equals]=${request.id}&depth=1`)).text()
    expect(letters).toContain('640201******0007')
    expect(letters).not.toContain(deathAnswers.nik_almarhum)
  })
})

describe('uploads of request forms', () => {
  it('are not stored when the rest of the form is wrong', async () => {
    const before = privateFiles().length
    const form = new FormData()
    form.set('service', 'keterangan-kematian')
    form.set('foto_kk', new Blob([new Uint8Array(await jpeg(1200, 900))], { type: 'image/jpeg' }), 'kk.jpg')
    const res = await formPost(server, `${DEATH_FORM}?_action=services.prepare`, form)
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain('Isi Nama lengkap')
    // The file field says it must be chosen again once the rest is right.
    expect(page).toMatch(/pilih berkas ini lagi/i)
    expect(privateFiles().length).toBe(before)
  })

  it('are written readable by the server only (0600, folders 0700), and so is the database', async () => {
    await submitDeathRequest(server)
    for (const file of privateFiles()) expect(statSync(path.join(server.dir, 'private', file.name)).mode & 0o777, file.name).toBe(0o600)
    expect(statSync(path.join(server.dir, 'private')).mode & 0o777).toBe(0o700)
    expect(statSync(path.join(server.dir, 'desa.db')).mode & 0o777).toBe(0o600)
  })
})

describe('the confirmation page of a request', () => {
  it('opens for the browser that sent the request, and is "not found" for anyone guessing references', async () => {
    const { location, reference } = await submitDeathRequest(server)
    const own = await fetch(new URL(location.pathname + location.search, server.url))
    expect(own.status).toBe(200)
    expect(await own.text()).toContain(reference)
    for (const guess of [`/layanan/keterangan-kematian/terkirim?ref=${reference}`, `/layanan/pengantar-skck/terkirim?ref=${reference}`]) {
      const res = await fetch(server.url + guess)
      expect(res.status, guess).toBe(404)
      expect(await res.text()).not.toContain(reference)
    }
  })
})

describe('security headers', () => {
  it('ask browsers to keep to https when PUBLIC_URL is https (HSTS), on the site and the admin', async () => {
    for (const pathname of ['/', '/admin/login', '/api/news?limit=1'])
      expect((await fetch(server.url + pathname)).headers.get('strict-transport-security'), pathname).toMatch(/max-age=\d{7,}/)
  })

  it("limit the admin's scripts to its own origin, and the admin still works in Chromium", async () => {
    const csp = (await fetch(`${server.url}/admin/login`)).headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'/)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
      })
      await page.goto(`${server.url}/admin/login`)
      await page.fill('input[name="email"]', 'admin@desa.test')
      await page.fill('input[name="password"]', PASSWORD)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
      // A list, an article in the rich-text editor, and a request with its JSON answers.
      const news = ((await (await api('admin', '/news?limit=1&depth=0')).json()) as { docs: { id: number }[] }).docs[0].id
      const { reference } = await submitDeathRequest(server)
      const listed = (await (await api('admin', `/service-requests?where[reference][equals]=${reference}&depth=0`)).json()) as {
        docs: { id: number }[]
      }
      await page.goto(`${server.url}/admin/collections/news`)
      await page
        .getByText(/Berita|News/)
        .first()
        .waitFor()
      await page.goto(`${server.url}/admin/collections/news/${news}`)
      await page.locator('[contenteditable="true"]').first().waitFor({ timeout: 60_000 })
      await page.goto(`${server.url}/admin/collections/service-requests/${listed.docs[0].id}`)
      await page.getByText(reference).first().waitFor({ timeout: 60_000 })
      await page.waitForLoadState('networkidle')
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('links saved in URL fields are http(s) only: a javascript: link is refused with a message', async () => {
    const show = `/podcast/${(await (await api('editor', '/podcast?limit=1&depth=0')).json()).docs[0].id}`
    const settings = `/settings/${(await (await api('admin', '/settings?limit=1&depth=0')).json()).docs[0].id}`
    const podcast = await api('editor', show, { method: 'PATCH', body: JSON.stringify({ links: { apple: 'javascript:alert(1)' } }) })
    expect(podcast.status).toBe(400)
    expect(JSON.stringify(await podcast.json())).toMatch(/https?:\/\//)
    const social = await api('admin', settings, {
      method: 'PATCH',
      body: JSON.stringify({ social: [{ platform: 'facebook', url: 'data:text/html,<script>alert(1)</script>' }] }),
    })
    expect(social.status).toBe(400)
    expect(
      (await api('editor', show, { method: 'PATCH', body: JSON.stringify({ links: { apple: 'https://podcasts.apple.com/id/x' } }) }))
        .status,
    ).toBe(200)
  })
})

describe('starting', () => {
  it('refuses a PRIVATE_DIR inside MEDIA_DIR, which would serve ID cards publicly', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desa-private-'))
    const run = runStart({
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(dir, 'desa.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PRIVATE_DIR: path.join(dir, 'media', 'private'),
      PAYLOAD_SECRET: 'e2e-test-secret',
    })
    // A server that starts anyway is stopped once it says it is ready.
    const started = new Promise<'started'>((resolve) => {
      const poll = setInterval(() => {
        if (!run.output().includes('is ready')) return
        clearInterval(poll)
        run.child.kill('SIGTERM')
        resolve('started')
      }, 200)
      run.child.once('exit', () => clearInterval(poll))
    })
    const code = await Promise.race([run.exited, started])
    await run.exited
    rmSync(dir, { recursive: true, force: true })
    expect(code).not.toBe('started')
    expect(code).not.toBe(0)
    expect(run.output()).toMatch(/PRIVATE_DIR .* inside MEDIA_DIR/)
  })
})

describe('a database that cannot be written', () => {
  const broken = useProductionServer()

  it('makes /healthz answer 503 and every route a clear 503 page, instead of 500s and a healthy check', async () => {
    expect((await fetch(`${broken.url}/healthz`)).status).toBe(200)
    // The database file removed under the running server: SQLite (in WAL mode) would go on writing to it, and
    // the next start would not find those writes.
    unlinkSync(path.join(broken.dir, 'desa.db'))
    const health = await fetch(`${broken.url}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ database: 'read-only' })
    const page = await fetch(`${broken.url}/layanan/lacak`)
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBeTruthy()
    expect(await page.text()).toMatch(/sedang tidak dapat menyimpan/i)
    const english = await fetch(`${broken.url}/en/produk`)
    expect(english.status).toBe(503)
    expect(await english.text()).toMatch(/cannot save/i)
    const login = await fetch(`${broken.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'x' }),
    })
    expect(login.status).toBe(503)
    expect(((await login.json()) as { errors: { message: string }[] }).errors[0].message).toBeTruthy()
  })
})
