import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { startServer, type RunningServer } from '../support/server'

let server: RunningServer
let browser: Browser
let token: string

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const res = await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@desa.test', password: 'kata-sandi-rahasia-123', name: 'Admin' }),
  })
  token = ((await res.json()) as { token: string }).token
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('scheduling a draft in the admin', () => {
  it('opens the schedule drawer on "Publikasikan" in WITA for an article never published', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(30_000)
    await context.addCookies([{ name: 'payload-token', value: token, url: server.url }])
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/news/create`)
    await page.locator('#field-title').fill('Rapat pleno desa')
    await page.getByRole('button', { name: 'Simpan Draf' }).click()
    await page.waitForURL(/\/admin\/collections\/news\/\d+/)
    await page.locator('#action-save-popup .popup-button').click()
    await page.locator('#schedule-publish').click()
    const drawer = page.locator('.drawer--is-open')
    await drawer.waitFor()
    expect(await drawer.locator('.radio-input--is-selected').textContent()).toMatch(/^Publikasikan$/)
    expect(await drawer.locator('.timezone-picker').textContent()).toContain('WITA (Asia/Makassar)')
    await context.close()
  })
})
