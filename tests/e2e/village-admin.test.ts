import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type SignedIn } from '../support/api'
import { refuseOutsideHosts } from '../support/browser'
import { useProductionServer } from '../support/e2e'
import { requestOnHost } from '../support/hosts'
import { FIRST_HOST, withFirstHost } from '../support/secondVillage'
import { runScript, type ScriptRun } from '../support/npmScript'
import { smtpInbox } from '../support/smtp'

const smtp = smtpInbox()
const SMTP_URL = `smtp://127.0.0.1:${await smtp.listen()}`
const server = useProductionServer({ browser: true, env: { SMTP_URL } })
afterAll(() => smtp.close())

const NEW_HOST = 'sidomulyo.localhost'

const run = (script: string, args: string[]) => runScript(server, script, args, { SMTP_URL })

let promoted: ScriptRun
let unknown: ScriptRun
let regency: SignedIn

beforeAll(async () => {
  // The install's first account; the server's operator makes it the regency's administrator.
  await signIn(server, 'admin')
  await server.stop()
  await withFirstHost(server.dir)
  unknown = await run('regency-admin', ['--email', 'tidak-ada@desa.test'])
  promoted = await run('regency-admin', ['--email', 'admin@desa.test'])
  await server.start()
  regency = await signIn(server, 'admin')
})

describe("the regency's administrator", () => {
  it('is made on the server by the account’s email, and an unknown email is refused with the reason', () => {
    expect(promoted.code, promoted.stderr).toBe(0)
    expect(promoted.stdout).toMatch(/<admin@desa\.test> is now a regency administrator/)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('No account has the email tidak-ada@desa.test')
    expect(unknown.stderr).not.toMatch(/^\s+at /m)
    expect(regency.user.role).toBe('regency-admin')
  })

  it('adds a village in the admin: its site answers on its host with the copied services, and its first admin is invited', async () => {
    const context = await server.browser.newContext({ locale: 'id-ID' })
    try {
      const outside = await refuseOutsideHosts(context)
      await regency.addCookieTo(context)
      const page = await context.newPage()
      await page.goto(`${server.url}/admin/collections/villages/create`, { waitUntil: 'networkidle' })
      await page.locator('#field-name').fill('Desa Sidomulyo')
      await page.locator('#field-slug').fill('sidomulyo')
      await page.locator('#field-code').fill('64.02.21.2009')
      await page.locator('#field-kecamatan').fill('Tenggarong Seberang')
      await page.getByRole('button', { name: /Tambah Domain/i }).click()
      await page.locator('#field-domains__0__host').fill(NEW_HOST)
      await page.locator('#field-firstAdmin__email').fill('lurah@sidomulyo.test')
      await page.locator('#field-firstAdmin__name').fill('Lurah Sidomulyo')
      await page.keyboard.press('Control+s')
      await expect.poll(() => page.locator('.payload-toast-container').textContent(), { timeout: 30_000 }).toMatch(/berhasil/i)
      expect(outside).toEqual([])
    } finally {
      await context.close()
    }

    const services = await requestOnHost(server.url, NEW_HOST, '/layanan')
    expect(services.status).toBe(200)
    expect(services.body).toContain('Surat Pengantar SKCK')
    expect(services.body).toContain('Desa Sidomulyo')
    expect((await requestOnHost(server.url, FIRST_HOST, '/layanan')).body).not.toContain('Desa Sidomulyo')

    await expect.poll(() => smtp.mails.some((m) => m.to.includes('lurah@sidomulyo.test')), { timeout: 30_000, interval: 250 }).toBe(true)
    const mail = smtp.mails.find((m) => m.to.includes('lurah@sidomulyo.test'))!
    expect(mail.subject).toBe('Undangan mengelola situs desa Desa Sidomulyo')
    expect(mail.text).toMatch(/http:\/\/sidomulyo\.localhost:\d+\/admin\/reset\/[0-9a-f]+/)
  })

  it("names a district viewer, who sees in the admin only the statistics of their kecamatan's villages", async () => {
    const account = { email: 'camat@kab.test', password: 'Statistik-Desa-2026' }
    const made = await regency.request('POST', '/api/users', {
      ...account,
      name: 'Camat Tenggarong Seberang',
      role: 'district-viewer',
      kecamatan: 'Tenggarong Seberang',
    })
    expect(made.status, await made.text()).toBe(201)
    const viewer = await signIn(server, account)
    // Counted again within the minute of the village's creation (a job of the server).
    const counted = async () => (await viewer.get<{ docs: { villageName: string }[] }>('/api/village-statistics?depth=0')).docs
    await expect
      .poll(async () => (await counted()).map((r) => r.villageName), { timeout: 90_000, interval: 1_000 })
      .toEqual(['Desa Sidomulyo'])
    expect((await viewer.request('GET', '/api/service-requests?limit=1')).status).toBe(403)
    expect((await viewer.request('GET', '/api/orders?limit=1')).status).toBe(403)

    const context = await server.browser.newContext({ locale: 'id-ID' })
    try {
      const outside = await refuseOutsideHosts(context)
      await viewer.addCookieTo(context)
      const page = await context.newPage()
      await page.goto(`${server.url}/admin`, { waitUntil: 'networkidle' })
      const menu = await page.$$eval('nav a[href^="/admin/collections/"]', (links) => links.map((a) => a.getAttribute('href')))
      expect(new Set(menu)).toEqual(new Set(['/admin/collections/village-statistics']))
      await page.goto(`${server.url}/admin/collections/village-statistics`, { waitUntil: 'networkidle' })
      const table = await page.locator('.table').innerText()
      expect(table).toContain('Desa Sidomulyo')
      expect(table).toContain('Tenggarong Seberang')
      expect(table).not.toContain('Sungai Lestari')
      // One village's row, as the viewer opens it.
      await page.locator('.table tbody a[href^="/admin/collections/village-statistics/"]').first().click()
      await page.locator('#field-villageName').waitFor()
      expect(await page.locator('#field-villageName').inputValue()).toBe('Desa Sidomulyo')
      await page.goto(`${server.url}/admin/account`, { waitUntil: 'networkidle' })
      expect(outside).toEqual([])
    } finally {
      await context.close()
    }
  })
})
