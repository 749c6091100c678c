import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { requestOnHost } from '../support/hosts'
import { FIRST_HOST, withFirstHost } from '../support/secondVillage'
import { runScript, type ScriptRun } from '../support/npmScript'
import { smtpInbox } from '../support/smtp'

const smtp = smtpInbox()
const SMTP_URL = `smtp://127.0.0.1:${await smtp.listen()}`
const server = useProductionServer({ browser: true, env: { SMTP_URL } })
afterAll(() => smtp.close())

const NEW_HOST = 'sukamaju.localhost'
const DEMO_ARTICLE = 'Musyawarah Desa Menyepakati Rencana Kerja 2027'
const NEW_PASSWORD = 'Sukamaju-Maju-2026'

const villageAdd = (args: string[]) => runScript(server, 'village:add', args, { SMTP_URL })

const request = (host: string, path: string) => requestOnHost(server.url, host, path)

let added: ScriptRun
let refused: { missingName: ScriptRun; takenDomain: ScriptRun }

beforeAll(async () => {
  // The install's first account was made while it had one village; the demo village gets its own host first.
  await signIn(server, 'admin')
  await server.stop()
  await withFirstHost(server.dir)
  refused = {
    missingName: await villageAdd(['--code', '64.09.01.2005', '--domain', NEW_HOST]),
    takenDomain: await villageAdd(['--code', '64.09.01.2005', '--name', 'Sukamaju', '--domain', FIRST_HOST]),
  }
  added = await villageAdd([
    '--code',
    '64.09.01.2005',
    '--name',
    'Sukamaju',
    '--domain',
    NEW_HOST,
    '--kecamatan',
    'Waru',
    '--admin-email',
    'wati@sukamaju.test',
    '--admin-name',
    'Wati Lestari',
  ])
  await server.start()
})

describe('npm run village:add', () => {
  it('refuses bad arguments and a taken domain with the reason in both languages, exit code 1 and no stack trace', () => {
    const { missingName, takenDomain } = refused
    expect(missingName.code).toBe(1)
    expect(missingName.stderr).toContain('✖ Nama desa wajib diisi (--name).\n  The village name is required (--name).')
    expect(missingName.stderr).toContain('Usage: npm run village:add')
    expect(takenDomain.code).toBe(1)
    expect(takenDomain.stderr).toMatch(
      /✖ Domain desa\.localhost sudah dipakai oleh desa .+\.\n {2}The domain desa\.localhost is already used by /,
    )
    for (const run of [missingName, takenDomain]) expect(run.stderr).not.toMatch(/^\s+at /m)
  })

  it('says what it created: the village, what it copied from the demo village, the invited admin', () => {
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toMatch(/✔ Desa Sukamaju dibuat \(slug sukamaju, id \d+\): http:\/\/sukamaju\.localhost:\d+\//)
    expect(added.stdout).toMatch(
      /Copied from .+: 8 services, \d+ product categories, \d+ shipping zones, 5 profile pages \(drafts, to fill in\)\./,
    )
    expect(added.stdout).toContain('First admin wati@sukamaju.test created')
  })

  it('gives a working site on the new host: the copied services, no news yet, while the first host still shows the demo village', async () => {
    const services = await request(NEW_HOST, '/layanan')
    expect(services.status).toBe(200)
    expect(services.body).toContain('Surat Pengantar SKCK')
    const news = await request(NEW_HOST, '/berita')
    expect(news.status).toBe(200)
    expect(news.body).toContain('Belum ada berita yang diterbitkan.')
    expect(news.body).not.toContain(DEMO_ARTICLE)
    // The profile pages wait, as drafts, for the new village's editor.
    expect((await request(NEW_HOST, '/profil/sejarah')).status).toBe(404)
    expect((await request(FIRST_HOST, '/berita')).body).toContain(DEMO_ARTICLE)
    expect((await request(FIRST_HOST, '/profil/sejarah')).status).toBe(200)
  })

  it('invites the first admin with a link on the new host to choose a password, then to their own village only', async () => {
    await expect.poll(() => smtp.mails.some((m) => m.to.includes('wati@sukamaju.test')), { timeout: 30_000, interval: 250 }).toBe(true)
    const mail = smtp.mails.find((m) => m.to.includes('wati@sukamaju.test'))!
    expect(mail.subject).toBe('Undangan mengelola situs desa Sukamaju')
    const link = /http:\/\/sukamaju\.localhost:\d+\/admin\/reset\/[0-9a-f]+/.exec(mail.text)?.[0]
    expect(link, mail.text).toBeDefined()

    const context = await server.browser.newContext({ locale: 'id-ID' })
    try {
      const page = await context.newPage()
      await page.goto(link!, { waitUntil: 'networkidle' })
      await page.locator('#field-password').fill(NEW_PASSWORD)
      await page.locator('#field-confirm-password').fill(NEW_PASSWORD)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/admin', { timeout: 30_000 })
    } finally {
      await context.close()
    }

    const wati = await signIn(server, { email: 'wati@sukamaju.test', password: NEW_PASSWORD })
    expect(wati.user.role).toBe('admin')
    const services = await wati.get<{ docs: { name: string; village: number }[] }>('/api/services?limit=100&depth=0')
    expect(services.docs.map((s) => s.name)).toContain('Surat Pengantar SKCK')
    const [own] = new Set(services.docs.map((s) => s.village))
    expect(new Set(services.docs.map((s) => s.village)).size).toBe(1)
    expect((await wati.get<{ totalDocs: number }>('/api/news?limit=0')).totalDocs).toBe(0)
    const pages = await wati.get<{ docs: { _status: string; village: number }[] }>('/api/pages?draft=true&limit=100&depth=0')
    expect(pages.docs.map((p) => [p._status, p.village])).toEqual(Array(5).fill(['draft', own]))
    const accounts = await wati.get<{ docs: { email: string }[] }>('/api/users?limit=100&depth=0')
    expect(accounts.docs.map((u) => u.email)).toEqual(['wati@sukamaju.test'])
    const demoAdmin = await signIn(server, 'admin')
    expect(
      (await demoAdmin.get<{ docs: { village: number }[] }>('/api/services?limit=100&depth=0')).docs.every((s) => s.village !== own),
    ).toBe(true)
  })
})
