import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, type SignedIn } from '../support/api'
import { cameraPhoto as camera } from '../support/cameraPhoto'
import { useProductionServer } from '../support/e2e'

/**
 * What residents hit on a phone, without JavaScript (a cheap phone, a page that failed to load its script,
 * the page after a server-side error): camera photos, the documents an officer asks for, their own reply
 * in the timeline, a cancellation that asks first, and pages that fit 360 px.
 */
// This file submits many forms from one address; the limits are tested in hostile-input.test.ts.
const server = useProductionServer({ browser: true, env: { RATE_LIMIT_OFF: '1' } })
let officer: SignedIn

/** A phone camera's picture, about 7 MB, with EXIF. */
let cameraPhoto: Buffer

beforeAll(async () => {
  officer = await signIn(server, { role: 'officer', name: 'Petugas Rina' })
  cameraPhoto = await camera()
})

const phone = async (javaScript = false): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await server.browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 360, height: 740 } })
  return { context, page: await context.newPage() }
}

const photo = (name: string) => ({ name, mimeType: 'image/jpeg', buffer: cameraPhoto })

const fillSkck = async (page: Page) => {
  await page.getByLabel('Nama lengkap').fill('Budi Santoso')
  await page.getByLabel('NIK').fill('6402011203850001')
  await page.getByLabel('Nomor HP/WhatsApp').fill('081298765432')
  await page.getByLabel('Alamat', { exact: true }).fill('RT 05, Dusun Hilir')
  await page.getByLabel('Tempat lahir').fill('Samarinda')
  await page.getByLabel('Tanggal lahir').fill('1985-03-12')
  await page.getByLabel('Pekerjaan').fill('Petani')
  await page.getByLabel('Keperluan').fill('Melamar kerja')
  await page.getByLabel('Saya menyatakan').check()
}

const requestOf = async (reference: string) =>
  (
    await officer.get<{ docs: { id: number; status: string; attachments: { label: string; mime: string; size: number }[] }[] }>(
      `/api/service-requests?where[reference][equals]=${reference}&depth=0`,
    )
  ).docs[0]

const attachment = async (id: number, row: number) =>
  Buffer.from(await (await officer.request('GET', `/api/service-requests/${id}/attachments/${row}`)).arrayBuffer())

/** What the office keeps of a camera photo: the browser script's size, a JPEG, nothing of its EXIF. */
const expectShrunk = async (bytes: Buffer) => {
  const meta = await sharp(bytes).metadata()
  expect(meta.format).toBe('jpeg')
  expect(Math.max(meta.width, meta.height)).toBe(1600)
  expect(meta.exif).toBeUndefined()
  expect(bytes.length).toBeLessThan(cameraPhoto.length / 4)
}

const track = async (page: Page, reference: string, digits = '5432') => {
  await page.goto(`${server.url}/layanan/lacak`)
  await page.getByLabel('Nomor referensi').fill(reference)
  await page.getByLabel('4 digit terakhir nomor HP').fill(digits)
  await page.getByRole('button', { name: 'Lacak' }).click()
}

const submitSkck = async (page: Page) => {
  await page.goto(`${server.url}/layanan/pengantar-skck/formulir`)
  await fillSkck(page)
  await page.getByLabel('Foto KTP').setInputFiles(photo('ktp.jpg'))
  await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk.jpg'))
  await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
  await page.getByRole('button', { name: 'Kirim permohonan' }).click()
  return (await page.locator('[data-reference]').textContent())!.trim()
}

describe('a camera photo', () => {
  it('is a real phone-sized picture', () => {
    expect(cameraPhoto.length).toBeGreaterThan(6 * 1024 * 1024)
  })

  it('is accepted without JavaScript, asked for again after a server-side error, and stored shrunk without EXIF', async () => {
    const { context, page } = await phone()
    await page.goto(`${server.url}/layanan/pengantar-skck/formulir`)
    await fillSkck(page)
    // Blank to the server (the browser's `required` lets spaces through).
    await page.getByLabel('Pekerjaan').fill('   ')
    await page.getByLabel('Foto KTP').setInputFiles(photo('ktp.jpg'))
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk.jpg'))
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    // The server refuses the empty answer, not the photos; files are stored only with a form that is right
    // (an invalid post costs no disk), so the page asks for them again.
    const summary = await page.locator('#error-summary').innerText()
    expect(summary).toContain('Isi Pekerjaan.')
    expect(summary).not.toContain('terlalu besar')
    for (const field of ['foto_ktp', 'foto_kk'])
      expect(await page.locator(`#f-${field}-error`).innerText()).toContain(
        'Berkas belum disimpan karena ada isian lain yang perlu diperbaiki',
      )
    await page.getByLabel('Pekerjaan').fill('Petani')
    await page.getByLabel('Foto KTP').setInputFiles(photo('ktp.jpg'))
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk.jpg'))
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor()
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    const reference = (await page.locator('[data-reference]').textContent())!.trim()
    const request = await requestOf(reference)
    expect(request.attachments.map((a) => [a.label, a.mime])).toEqual([
      ['Foto KTP', 'image/jpeg'],
      ['Foto Kartu Keluarga', 'image/jpeg'],
    ])
    await expectShrunk(await attachment(request.id, 0))
    await context.close()
  })

  it('is refused over 15 MB, and a PDF over its field limit, with the limits said', async () => {
    const { context, page } = await phone()
    await page.goto(`${server.url}/layanan/pengantar-skck/formulir`)
    await fillSkck(page)
    const big = Buffer.alloc(16 * 1024 * 1024, 1)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    await page.getByLabel('Foto KTP').setInputFiles({ name: 'besar.jpg', mimeType: 'image/jpeg', buffer: big })
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 32)])
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles({ name: 'kk.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    const summary = await page.locator('#error-summary').innerText()
    expect(summary).toContain('Berkas terlalu besar (16 MB). Ukuran maksimal 15 MB.')
    expect(summary).toMatch(/Berkas terlalu besar \(6 MB\)\. Ukuran maksimal 5 MB\./)
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Budi Santoso')
    await context.close()
  })
})

describe('a returned request', () => {
  it('asks for exactly the documents the officer named, one upload each, and shows the reply as the resident’s', async () => {
    const { context, page } = await phone()
    await page.goto(`${server.url}/layanan/pengantar-skck`)
    // The start page and the form ask for the same documents.
    const needed = await page
      .getByRole('heading', { name: 'Yang perlu Anda siapkan' })
      .locator('xpath=following-sibling::ul[1]')
      .innerText()
    expect(needed).toContain('Kartu Keluarga')
    const reference = await submitSkck(page)
    const request = await requestOf(reference)
    const move = (body: object) => officer.request('PATCH', `/api/service-requests/${request.id}`, body)
    expect((await move({ nextStatus: 'checking' })).status).toBe(200)
    const unknown = await move({ nextStatus: 'returned', transitionNote: 'Kurang jelas.', missingDocuments: ['akta'] })
    expect(unknown.status).toBe(400)
    expect(
      (
        await move({
          nextStatus: 'returned',
          transitionNote: 'Foto Kartu Keluarga buram, mohon foto ulang.',
          missingDocuments: ['foto_kk'],
        })
      ).status,
    ).toBe(200)

    await track(page, reference)
    const completion = page.locator('form', { has: page.getByRole('button', { name: 'Kirim kelengkapan' }) })
    expect(await completion.getByLabel('Foto Kartu Keluarga').count()).toBe(1)
    expect(await completion.getByLabel('Foto KTP').count()).toBe(0)
    expect(await completion.getByText('Petugas meminta dokumen berikut:').count()).toBe(1)
    // The browser asks for the document before sending; the server refuses a post without it too, keeping the reply.
    expect(await completion.getByLabel('Foto Kartu Keluarga').getAttribute('required')).not.toBeNull()
    const withoutIt = await fetch(`${server.url}/layanan/lacak?_action=services.complete`, {
      method: 'POST',
      headers: { Origin: server.url },
      body: new URLSearchParams({ reference, digits: '5432', reply: 'Sudah saya foto ulang.' }),
    })
    expect(withoutIt.status).toBe(400)
    const refusedPage = await withoutIt.text()
    expect(refusedPage).toContain('Unggah Foto Kartu Keluarga.')
    expect(refusedPage).toContain('Sudah saya foto ulang.')
    await page.getByLabel('Tanggapan Anda').fill('Sudah saya foto ulang.')
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk-baru.jpg'))
    await page.getByRole('button', { name: 'Kirim kelengkapan' }).click()
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('checking')

    const timeline = page.locator('.timeline')
    expect(await timeline.locator('blockquote', { hasText: 'Foto Kartu Keluarga buram' }).innerText()).toMatch(/^Pesan petugas:/)
    expect(await timeline.locator('blockquote', { hasText: 'Sudah saya foto ulang.' }).innerText()).toMatch(/^Tanggapan Anda:/)
    const after = await requestOf(reference)
    expect(after.attachments.map((a) => a.label)).toEqual(['Foto KTP', 'Foto Kartu Keluarga', 'Foto Kartu Keluarga'])
    await expectShrunk(await attachment(request.id, 2))
    await context.close()
  })
})

describe('cancelling', () => {
  it('asks for a confirmation first, without JavaScript, and can be stepped back from', async () => {
    const { context, page } = await phone()
    const reference = await submitSkck(page)
    await track(page, reference)
    await page.getByRole('button', { name: 'Batalkan permohonan ini' }).click()
    await page.getByRole('heading', { name: `Batalkan permohonan ${reference}?` }).waitFor()
    expect((await requestOf(reference)).status).toBe('submitted')
    await page.getByRole('button', { name: 'Tidak, kembali' }).click()
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('submitted')
    await page.getByRole('button', { name: 'Batalkan permohonan ini' }).click()
    await page.getByRole('button', { name: 'Ya, batalkan' }).click()
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('cancelled')
    expect((await requestOf(reference)).status).toBe('cancelled')
    await context.close()
  })
})

describe('every services page', () => {
  /** Fills a CMS-defined form with valid answers of each field's type. */
  const fillForm = async (page: Page) => {
    for (const field of await page.locator('.service-form [data-field]').all()) {
      const type = await field.getAttribute('data-type')
      const name = await field.getAttribute('data-field')
      const input = field.locator('input:not([type=hidden]), textarea, select').first()
      if (type === 'checkbox') await input.check()
      else if (type === 'select') await input.selectOption({ index: 1 })
      else if (type === 'file') await input.setInputFiles(photo(`${name}.jpg`))
      else if (type === 'date') await input.fill('1990-08-05')
      else if (type === 'number') await input.fill('150')
      else if (type === 'nik') await input.fill('6402014508900003')
      else if (type === 'phone') await input.fill('081234567890')
      else if (type === 'email') await input.fill('seorang.warga.dengan.alamat.email.panjang@desasungailestari.desa.id')
      else await input.fill(`Jawaban yang cukup panjang untuk ${name} di Dusun Hulu RT 02 RW 01`)
    }
  }

  const fits = async (page: Page, what: string) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(360)

  it.each([false, true])(
    'fits 360 px without horizontal scrolling (JavaScript %s)',
    async (javaScript) => {
      const { context, page } = await phone(javaScript)
      await page.goto(`${server.url}/layanan`)
      await fits(page, '/layanan')
      const slugs = await page.$$eval('main a[href^="/layanan/"]', (links) => [
        ...new Set(
          links.map((a) => a.getAttribute('href')!).filter((href) => /^\/layanan\/[a-z0-9-]+$/.test(href) && href !== '/layanan/lacak'),
        ),
      ])
      expect(slugs.length).toBeGreaterThanOrEqual(8)
      let reference = ''
      for (const start of slugs) {
        await page.goto(`${server.url}${start}`)
        await fits(page, start)
        await page.goto(`${server.url}${start}/formulir`)
        await fits(page, `${start}/formulir`)
        await fillForm(page)
        await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
        const refused = page.locator('#error-summary')
        await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).or(refused).waitFor()
        expect(await refused.count(), `${start}/formulir: ${await refused.allInnerTexts()}`).toBe(0)
        await fits(page, `${start}/formulir: Periksa jawaban`)
        if (!reference) {
          await page.getByRole('button', { name: 'Kirim permohonan' }).click()
          reference = (await page.locator('[data-reference]').textContent())!.trim()
          await fits(page, `${start}/terkirim`)
        }
      }
      await track(page, reference, '7890')
      await fits(page, '/layanan/lacak: the request')
      await page.getByRole('button', { name: 'Batalkan permohonan ini' }).click()
      await fits(page, '/layanan/lacak: confirm the cancellation')
      await page.goto(`${server.url}/en/layanan/lacak`)
      await fits(page, '/en/layanan/lacak')
      await context.close()
    },
    600_000,
  )
})
