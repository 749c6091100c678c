import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, type SignedIn } from '../support/api'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer({ browser: true })
let admin: SignedIn

beforeAll(async () => {
  admin = await signIn(server, 'admin')
})

describe('scheduling a draft in the admin', () => {
  it('opens the schedule drawer on "Publikasikan" in WITA for an article never published', { timeout: 180_000 }, async () => {
    const context = await server.browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(30_000)
    await admin.addCookieTo(context)
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
