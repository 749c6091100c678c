import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type ApiClient } from '../support/api'
import { axeViolations, blocking, type Violation } from '../support/axe'
import { useProductionServer } from '../support/e2e'
import { fillPermitForm, PDF } from '../support/permitForm'

// Many forms are sent from this one address; the limits have their own tests.
const server = useProductionServer({ env: { RATE_LIMIT_OFF: '1' }, browser: true })
/** A submitted request (its reference and the phone's last digits) and the code of a signed letter. */
let request: { reference: string; digits: string }
let letterCode: string
/** Minor and moderate findings, reported at the end (they do not fail the suite). */
const lesser: string[] = []

/** A phone-sized page in a fresh context; a missing element fails in seconds, not at the test's timeout. */
const open = async (options: BrowserContextOptions = {}) => {
  const context = await server.browser.newContext({ viewport: { width: 360, height: 740 }, ...options })
  context.setDefaultTimeout(15_000)
  return { context, page: await context.newPage() }
}

/** A "PDF" that is really a program: the server refuses it by its bytes, which no browser check can do. */
const NOT_A_PDF = Buffer.from('MZ'.repeat(500))

/** Fills the permit form by field name (the same in both languages), with this file as the ID card. */
const openPermitForm = async (page: Page, prefix: string, file = PDF) => {
  await page.goto(`${server.url}${prefix}/layanan/izin-keramaian/formulir`)
  await fillPermitForm(page, file)
}

/** A resident's request, sent without JavaScript; returns its reference. */
const submitRequest = async (context: BrowserContext) => {
  const page = await context.newPage()
  await openPermitForm(page, '')
  await page.locator('form.service-form button[type=submit]').click()
  await page.locator('.check-answers button[type=submit]').first().click()
  const reference = (await page.locator('[data-reference]').textContent())!.trim()
  await page.close()
  return reference
}

const summary = (v: Violation) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`

/** Every serious or critical axe violation on the page; lesser ones are noted for the report. */
const audit = async (page: Page, label: string): Promise<Violation[]> => {
  const violations = await axeViolations(page)
  for (const v of violations.filter((v) => !blocking([v]).length)) lesser.push(`${label}: ${summary(v)}`)
  return blocking(violations)
}

beforeAll(async () => {
  // A signed letter to verify: an administrator creates an officer and the head, who process one request.
  const officer = await signIn(server, { role: 'officer', name: 'Petugas Rina' })
  const head = await signIn(server, { role: 'head', name: 'H. Abdul Karim' })
  const { context } = await open({ javaScriptEnabled: false })
  const signed = await submitRequest(context)
  request = { reference: await submitRequest(context), digits: '5432' }
  await context.close()
  const { docs } = await officer.get<{ docs: { id: number }[] }>(`/api/service-requests?where[reference][equals]=${signed}`)
  const move = (as: ApiClient, nextStatus: string) => as.request('PATCH', `/api/service-requests/${docs[0].id}`, { nextStatus })
  for (const next of ['checking', 'processing', 'awaitingSignature']) expect((await move(officer, next)).status).toBe(200)
  expect((await move(head, 'done')).status).toBe(200)
  const finished = await officer.get<{ letter: { verificationCode: string } }>(`/api/service-requests/${docs[0].id}?depth=1`)
  letterCode = finished.letter.verificationCode
})

afterAll(() => {
  if (lesser.length) console.info(`Minor and moderate accessibility findings:\n${lesser.join('\n')}`)
})

const PAGES: [string, string][] = [
  ['home', '/'],
  ['profile', '/profil'],
  ['profile page', '/profil/sejarah'],
  ['news list', '/berita'],
  ['article', '/berita/panen-raya-lada-2026'],
  ['podcast list', '/podcast'],
  ['episode', '/podcast/panen-lada-bersama'],
  ['product list', '/produk'],
  ['product', '/produk/kopi-robusta-bubuk'],
  ['producer', '/produsen/kelompok-tani-lada-makmur'],
  ['empty cart', '/keranjang'],
  ['services list', '/layanan'],
  ['service start page', '/layanan/izin-keramaian'],
  ['service form', '/layanan/izin-keramaian/formulir'],
  ['tracking', '/layanan/lacak'],
  ['search with results', '/cari?q=lada'],
  ['search without results', '/cari?q=perangkkaatt'],
  ['unknown letter', '/verifikasi/TIDAKADA'],
  ['not found', '/tidak-ada'],
]

describe.each([
  ['id', ''],
  ['en', '/en'],
])('axe-core finds no serious or critical violation (%s)', (lang, prefix) => {
  it('on every page anyone can open', async () => {
    const { context, page } = await open()
    const found: Record<string, string[]> = {}
    for (const [name, path] of PAGES) {
      await page.goto(`${server.url}${prefix}${path}`)
      expect([name, await page.locator('html').getAttribute('lang')]).toEqual([name, lang])
      const violations = await audit(page, `${lang} ${name}`)
      if (violations.length) found[name] = violations.map(summary)
    }
    expect(found).toEqual({})
    await context.close()
  })
})

/** What a person with that page would find: serious or critical violations, per page. */
const auditAll = async (page: Page, lang: string, found: Record<string, string[]>, name: string) => {
  const violations = await audit(page, `${lang} ${name}`)
  if (violations.length) found[name] = violations.map(summary)
}

describe.each([
  ['id', ''],
  ['en', '/en'],
])('axe-core on pages reached by doing something (%s)', (lang, prefix) => {
  it('in the shop: cart, checkout, checkout with errors, order and payment status', async () => {
    const { context, page } = await open()
    const found: Record<string, string[]> = {}
    await page.goto(`${server.url}${prefix}/produk/kopi-robusta-bubuk`)
    await page.locator('input[name=variantId]:not([disabled])').first().check()
    await page.locator('form.form button[type=submit]').click()
    await page.waitForURL(/\/keranjang$/)
    await auditAll(page, lang, found, 'cart')
    await page.goto(`${server.url}${prefix}/checkout`)
    await auditAll(page, lang, found, 'checkout')
    await page.locator('[name=name]').fill('Ayu Lestari')
    await page.locator('[name=email]').fill('ayu@example.com')
    await page.locator('[name=phone]').fill('12345')
    await page.locator('form.form button[type=submit]').click()
    await page.locator('[aria-invalid=true]').first().waitFor()
    await auditAll(page, lang, found, 'checkout with errors')
    // (The English checkout does not keep what was typed after an error: the /en rewrite loses the posted body.)
    await page.locator('[name=name]').fill('Ayu Lestari')
    await page.locator('[name=email]').fill('ayu@example.com')
    await page.locator('[name=phone]').fill('0812-3456-7890')
    await page.locator('form.form button[type=submit]').click()
    await page.waitForURL(/\/pesanan\//)
    await auditAll(page, lang, found, 'order')
    expect(found).toEqual({})
    await context.close()
  })

  it('in the services: form with errors, answers to check, confirmation, tracking result, a signed letter', async () => {
    const { context, page } = await open()
    const found: Record<string, string[]> = {}
    await openPermitForm(page, prefix, NOT_A_PDF)
    await page.locator('form.service-form button[type=submit]').click()
    await page.locator('#error-summary').waitFor()
    await auditAll(page, lang, found, 'service form with errors')
    await page.locator('[name=foto_ktp]').setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.locator('form.service-form button[type=submit]').click()
    await page.locator('.check-answers').waitFor()
    await auditAll(page, lang, found, 'answers to check')
    await page.locator('.check-answers button[type=submit]').first().click()
    await page.locator('[data-reference]').waitFor()
    await auditAll(page, lang, found, 'request sent')
    await page.goto(`${server.url}${prefix}/layanan/lacak`)
    await page.locator('[name=reference]').fill(request.reference)
    await page.locator('[name=digits]').fill(request.digits)
    await page.locator('form button[type=submit]').last().click()
    await page.locator('.timeline').waitFor()
    await auditAll(page, lang, found, 'tracking result')
    await page.goto(`${server.url}${prefix}/verifikasi/${letterCode}`)
    await page.locator('[data-record]').waitFor()
    await auditAll(page, lang, found, 'letter verification')
    await page.locator('[name=file]').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.locator('form button[type=submit]').last().click()
    expect(await page.locator('[data-file-check]').getAttribute('data-file-check')).toBe('not-authentic')
    await auditAll(page, lang, found, 'letter verification, file not matching')
    expect(found).toEqual({})
    await context.close()
  })
})

/** Presses Tab (or Shift+Tab) until the element is focused; fails when it cannot be reached. */
const tabTo = async (page: Page, target: ReturnType<Page['locator']>, { back = false, max = 80 } = {}) => {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}
const focusedName = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? document.activeElement?.id)

describe('keyboard only, in Chromium', () => {
  it('adds a product to the cart, changes its quantity, checks out (fixing an error) and reaches the order', async () => {
    const { context, page } = await open()
    await page.goto(`${server.url}/produk/kopi-robusta-bubuk`)
    // Tab reaches the chosen variant; arrow keys move the choice within the group.
    await tabTo(page, page.locator('input[name=variantId]:checked'))
    for (let i = 0; i < 5 && !(await page.getByLabel(/500 g/).isChecked()); i++) await page.keyboard.press('ArrowDown')
    expect(await page.getByLabel(/500 g/).isChecked()).toBe(true)
    await tabTo(page, page.getByRole('button', { name: 'Masukkan keranjang' }))
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/keranjang$/)

    await tabTo(page, page.getByLabel('Jumlah Kopi robusta bubuk'))
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => page.locator('.totals').textContent()).toMatch(/Rp\s160\.000/)
    expect(await focusedName(page)).toBe('quantity')
    await tabTo(page, page.getByRole('link', { name: 'Lanjut ke pembayaran' }))
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/checkout$/)

    await tabTo(page, page.getByLabel('Nama lengkap'))
    await page.keyboard.type('Ayu Lestari')
    await page.keyboard.press('Tab')
    await page.keyboard.type('ayu@example.com')
    await page.keyboard.press('Tab')
    await page.keyboard.type('12345')
    await tabTo(page, page.getByRole('button', { name: 'Buat pesanan' }))
    await page.keyboard.press('Enter')
    // The refused post comes back with the phone field focused, marked invalid and described by its message.
    await page.getByRole('alert').waitFor()
    expect(await focusedName(page)).toBe('phone')
    const phone = page.getByLabel('Nomor HP/WhatsApp')
    expect(await phone.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator(`#${await phone.getAttribute('aria-describedby')}`).textContent()).toMatch(/nomor HP Indonesia/)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('0812-3456-7890')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/pesanan\/DD-/)
    expect(await page.locator('main').textContent()).toMatch(/Rp\s160\.000/)
    await context.close()
  })

  it('uses the search combobox: type, arrow through suggestions, Enter opens one, Escape closes the list', async () => {
    const { context, page } = await open()
    await page.goto(`${server.url}/cari`)
    const box = page.getByRole('combobox')
    await tabTo(page, box)
    await page.keyboard.type('sejar', { delay: 30 })
    // The seeded pages reach the index through a background job: the suggestions may take a moment.
    await expect.poll(() => page.getByRole('option').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    const options = page.getByRole('option')
    await page.keyboard.press('ArrowDown')
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'))
    if ((await options.count()) > 1) {
      await page.keyboard.press('ArrowDown')
      expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'))
      await page.keyboard.press('ArrowUp')
    }
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Escape')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator('#cari-suggestions').isHidden()).toBe(true)
    expect(await box.inputValue()).toBe('sejar')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('r')
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('ArrowDown')
    const url = await options.first().getAttribute('data-url')
    await page.keyboard.press('Enter')
    await page.waitForURL((u) => u.pathname === url)
    await context.close()
  })

  it('sends a service form: a refused file moves focus to the error summary, the field says why, the fixed form goes through', async () => {
    const { context, page } = await open()
    await page.goto(`${server.url}/layanan/izin-keramaian/formulir`)
    const answers: [string, string][] = [
      ['Nama lengkap', 'Budi Santoso'],
      ['NIK', '123'],
      ['Nomor HP/WhatsApp', '081298765432'],
      ['Alamat', 'RT 05'],
      ['Nama acara', 'Syukuran'],
      ['Tempat acara', 'Balai desa'],
      ['Perkiraan jumlah tamu', '150'],
    ]
    for (const [label, value] of answers) {
      await tabTo(page, page.getByLabel(label, { exact: true }))
      await page.keyboard.type(value)
    }
    await tabTo(page, page.getByLabel('Tanggal acara'))
    // This headless Chromium orders a date field month, day, year.
    await page.keyboard.type('12202026')
    expect(await page.getByLabel('Tanggal acara').inputValue()).toBe('2026-12-20')
    await tabTo(page, page.getByLabel('Saya menyatakan'))
    await page.keyboard.press('Space')
    // Choosing a file opens the system's dialog, which is outside the page; the file is set as that dialog would.
    await page.getByLabel('Foto KTP').setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: NOT_A_PDF })
    const next = page.getByRole('button', { name: 'Lanjut ke pemeriksaan' })
    await tabTo(page, next, { back: true })
    await page.keyboard.press('Enter')
    // The form checks the wrong NIK first with the server's rule: the summary takes focus and the field says why.
    await expect.poll(() => focusedName(page)).toBe('error-summary')
    expect(await page.locator('#f-nik-error').textContent()).toBe('NIK harus 16 digit angka sesuai KTP.')
    await tabTo(page, page.getByLabel('NIK'))
    await page.keyboard.press('Control+A')
    await page.keyboard.type('6402011203850001')
    await tabTo(page, next)
    await page.keyboard.press('Enter')
    // The server refuses the file by its bytes: the summary takes focus, and the field is marked and described.
    await page.locator('#error-summary').waitFor()
    await expect.poll(() => focusedName(page)).toBe('error-summary')
    const file = page.getByLabel('Foto KTP')
    expect(await file.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator(`#${(await file.getAttribute('aria-describedby'))!.split(' ').pop()}`).textContent()).toContain(
      'apa pun nama berkasnya',
    )
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#f-foto_ktp')
    await file.setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: PDF })
    await tabTo(page, next)
    await page.keyboard.press('Enter')
    const send = page.getByRole('button', { name: 'Kirim permohonan' })
    await send.waitFor()
    await tabTo(page, send)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor()
    expect((await page.locator('[data-reference]').textContent())!.trim()).toMatch(/^[A-Z2-9]{8}$/)
    await context.close()
  })

  it('starts with a skip link that moves focus to the content', async () => {
    const { context, page } = await open()
    await page.goto(`${server.url}/berita`)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Langsung ke isi' })
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    const box = (await skip.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    expect(await focusedName(page)).toBe('main')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true)
    await context.close()
  })

  it('shows a visible focus ring on every control reached with Tab', async () => {
    const { context, page } = await open()
    const unringed: string[] = []
    for (const path of ['/', '/produk/kopi-robusta-bubuk', '/layanan/izin-keramaian/formulir', '/layanan/lacak', '/cari?q=lada']) {
      await page.goto(server.url + path)
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab')
        const ring = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null
          if (!el || el === document.body) return null
          const style = getComputedStyle(el)
          const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
          return {
            visible: outlined || style.boxShadow !== 'none',
            what: `${el.tagName.toLowerCase()} ${el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30)}`,
          }
        })
        if (ring && !ring.visible) unringed.push(`${path}: ${ring.what}`)
      }
    }
    expect(unringed).toEqual([])
    await context.close()
  })
})

describe('forms', () => {
  it('label every control and set the page language, in both languages', async () => {
    const { context, page } = await open()
    for (const prefix of ['', '/en']) {
      for (const path of [
        '/produk',
        '/produk/kopi-robusta-bubuk',
        '/layanan/izin-keramaian/formulir',
        '/layanan/lacak',
        '/cari',
        `/verifikasi/${letterCode}`,
      ]) {
        await page.goto(server.url + prefix + path)
        expect(await page.locator('html').getAttribute('lang')).toBe(prefix ? 'en' : 'id')
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')]
            .filter(
              (el) =>
                !el.closest('[aria-hidden=true]') &&
                !el.labels?.length &&
                !el.getAttribute('aria-label') &&
                !el.getAttribute('aria-labelledby'),
            )
            .map((el) => el.name),
        )
        expect([path, unlabelled]).toEqual([path, []])
      }
    }
    await context.close()
  })
})
