import type { BrowserContext, Page, Request } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, type SignedIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { startFilling } from '../support/serviceForm'

/**
 * The resident's form with JavaScript, on a 360 px phone: the React island (site/islands/ServiceRequest.tsx)
 * and the tracking page's completion form (site/islands/TrackedRequest.tsx), against the real server and its
 * service worker. Without JavaScript the same pages are plain forms (services.test.ts, services-residents.test.ts).
 */
// This file submits many forms from one address; the limits are tested in hostile-input.test.ts.
const server = useProductionServer({ browser: true, env: { RATE_LIMIT_OFF: '1' } })
const PHONE = { viewport: { width: 360, height: 740 } }
const NIK = '6402011203850001'
let officer: SignedIn
/** A phone camera's picture: 4000×3000 of noise, about 7 MB. */
let cameraPhoto: Buffer

beforeAll(async () => {
  officer = await signIn(server, { role: 'officer', name: 'Petugas Rina' })
  const width = 4000
  const height = 3000
  const noise = Buffer.alloc(width * height * 3)
  let seed = 777
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    noise[i] = seed >>> 24
  }
  cameraPhoto = await sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 78 })
    .toBuffer()
})

const photo = (name: string) => ({ name, mimeType: 'image/jpeg', buffer: cameraPhoto })

/** A browser context whose pages the service worker controls (it installs on the first visit). */
const installedPhone = async (): Promise<[BrowserContext, Page]> => {
  const context = await server.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${server.url}/`)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  return [context, page]
}

/** The form, made interactive (hydrated) by the resident's first touch. */
const openForm = async (page: Page, slug: string) => {
  await page.goto(`${server.url}/layanan/${slug}/formulir`)
  await startFilling(page)
}

const fillApplicant = async (page: Page, name: string) => {
  await page.getByLabel('Nama lengkap').fill(name)
  await page.getByLabel('NIK').fill(NIK)
  await page.getByLabel('Nomor HP/WhatsApp').fill('081298765432')
  await page.getByLabel('Alamat', { exact: true }).fill('RT 05, Dusun Hilir')
}

const fillSkck = async (page: Page, name: string) => {
  await fillApplicant(page, name)
  await page.getByLabel('Tempat lahir').fill('Samarinda')
  await page.getByLabel('Tanggal lahir').fill('1985-03-12')
  await page.getByLabel('Pekerjaan').fill('Petani')
  await page.getByLabel('Keperluan').fill('Melamar kerja')
  await page.getByLabel('Saya menyatakan').check()
}

const requestsBy = async (name: string) =>
  (
    await officer.get<{ docs: { id: number; reference: string; attachments: { label: string }[] }[] }>(
      `/api/service-requests?where[applicantName][equals]=${encodeURIComponent(name)}&depth=0`,
    )
  ).docs

/** The posts the page sends, with their body size (its Content-Length: Chromium does not hand over multipart bodies with files). */
const postsOf = (page: Page) => {
  const posts: { url: string; bytes: number }[] = []
  page.on('request', async (request: Request) => {
    if (request.method() !== 'POST') return
    const post = { url: request.url(), bytes: 0 }
    posts.push(post)
    post.bytes = Number((await request.allHeaders())['content-length'] ?? 0)
  })
  return posts
}

/** Whether the element is inside the 740 px high viewport, where the resident's eye is. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
  })

describe('the request form with JavaScript', () => {
  it('loads no JavaScript until the resident touches it, and keeps what was typed while it woke up', async () => {
    const context = await server.browser.newContext(PHONE)
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await page.goto(`${server.url}/layanan/keterangan-domisili/formulir`, { waitUntil: 'networkidle' })
    // Idle for a while (an island hydrated at idle would have woken by now): still the server's HTML alone.
    await page.waitForTimeout(1500)
    expect(scripts).toEqual([])
    expect(await page.locator('astro-island[ssr]').count()).toBe(1)
    // The first touch is typing the name: the island hydrates while it is typed, and keeps it.
    await page.getByLabel('Nama lengkap').fill('Rina Cepat')
    await page.getByRole('button', { name: 'Hapus isian di perangkat ini' }).waitFor()
    expect(scripts.length).toBeGreaterThan(0)
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rina Cepat')
    await page.getByLabel('Keperluan').fill('Melamar pekerjaan')
    await page.getByText('Draf tersimpan di perangkat ini.').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('layanan:keterangan-domisili'))).toContain('Rina Cepat')
    // Back in this tab later, the draft is there at once, before any touch.
    await page.reload()
    await page.getByRole('button', { name: 'Hapus isian di perangkat ini' }).waitFor()
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Rina Cepat')
    await context.close()
  })

  it('checks answers with the server’s own rules before anything is sent', async () => {
    const context = await server.browser.newContext(PHONE)
    const page = await context.newPage()
    const posts = postsOf(page)
    await openForm(page, 'pengantar-skck')
    await fillSkck(page, 'Rina Aturan')
    // 16 digits, but month 99 in its birth date: the server's rule refuses it, so the browser does too.
    await page.getByLabel('NIK').fill('6402011299850001')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0361 123456')
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    const summary = page.locator('#error-summary')
    await summary.waitFor()
    expect(await summary.innerText()).toContain('NIK harus 16 digit angka sesuai KTP.')
    expect(await summary.innerText()).toContain('Nomor HP/WhatsApp tidak valid; tulis nomor HP seperti 081234567890.')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary')
    expect(await page.getByLabel('NIK').getAttribute('aria-invalid')).toBe('true')
    expect(posts).toEqual([])
    await context.close()
  })

  it('keeps shrinking photos and showing progress after the server refused a post', async () => {
    const context = await server.browser.newContext(PHONE)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const posts = postsOf(page)
    await openForm(page, 'pengantar-skck')
    await fillSkck(page, 'Budi Tolak')
    // A "photo" that is really a program: only the server can tell, by its bytes.
    await page.getByLabel('Foto KTP').setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ'.repeat(500)) })
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk.jpg'))
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.locator('#error-summary').getByText('apa pun nama berkasnya').waitFor()
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Budi Tolak')

    // The next try is enhanced as the first was: the camera photos are shrunk before upload, with progress
    // (on a slow phone connection, where progress matters).
    await page.getByLabel('Foto KTP').setInputFiles(photo('ktp.jpg'))
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk.jpg'))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 2e6, uploadThroughput: 1e6 })
    await page.evaluate(() => {
      const seen = window as unknown as { progressShown: boolean }
      seen.progressShown = false
      new MutationObserver(() => {
        if (/Mengunggah \d+%/.test(document.body.innerText) && document.querySelector('progress:not([hidden])')) seen.progressShown = true
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    const sentBefore = posts.length
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor()
    const retry = posts.slice(sentBefore)
    expect(retry).toHaveLength(1)
    // Two photos went, each shrunk to 1600 px (about 1 MB of noise), not the two 7 MB originals.
    expect(retry[0].bytes).toBeGreaterThan(500_000)
    expect(retry[0].bytes).toBeLessThan(cameraPhoto.length / 2)
    expect(await page.evaluate(() => (window as unknown as { progressShown: boolean }).progressShown)).toBe(true)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor()
    const [request] = await requestsBy('Budi Tolak')
    expect(request.attachments.map((a) => a.label)).toEqual(['Foto KTP', 'Foto Kartu Keluarga'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the draft for this tab only, never the NIK, and clears it on request and after sending', async () => {
    const context = await server.browser.newContext(PHONE)
    const page = await context.newPage()
    await openForm(page, 'keterangan-domisili')
    await fillApplicant(page, 'Dewi Draf')
    await page.getByLabel('Keperluan').fill('Melamar pekerjaan')
    await page.getByText('Draf tersimpan di perangkat ini.').waitFor()
    const stored = () => page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
    expect(await stored()).toContain('Dewi Draf')
    expect(await stored()).not.toContain(NIK)
    // A reload of the same tab gets the draft back, without the NIK.
    await page.reload()
    await startFilling(page)
    expect(await page.getByLabel('Keperluan').inputValue()).toBe('Melamar pekerjaan')
    expect(await page.getByLabel('NIK').inputValue()).toBe('')
    // The next person on a shared phone or office PC opens a new tab: nothing of it is there.
    const other = await context.newPage()
    await openForm(other, 'keterangan-domisili')
    expect(await other.getByLabel('Nama lengkap').inputValue()).toBe('')
    await other.close()
    // "Hapus isian di perangkat ini" empties the form and what this device keeps of it.
    await page.getByRole('button', { name: 'Hapus isian di perangkat ini' }).click()
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('')
    expect(await stored()).not.toContain('Dewi Draf')
    await page.reload()
    await startFilling(page)
    expect(await page.getByLabel('Keperluan').inputValue()).toBe('')
    await context.close()
  })
})

describe('a request made offline', () => {
  const fillDomisili = async (page: Page, name: string) => {
    await fillApplicant(page, name)
    await page.getByLabel('Tempat lahir').fill('Tenggarong')
    await page.getByLabel('Tanggal lahir').fill('1990-08-05')
    await page.getByLabel('Tinggal sejak tahun').fill('2015')
    await page.getByLabel('Keperluan').fill('Melamar pekerjaan')
    await page.getByLabel('Saya menyatakan').check()
    await page.getByLabel('Foto KTP').setInputFiles(photo('ktp.jpg'))
  }

  /** Back online, the worker sends it: one request, its reference shown, nothing left on the device. */
  const expectSentOnce = async (context: BrowserContext, page: Page, name: string) => {
    expect(await requestsBy(name)).toEqual([])
    await context.setOffline(false)
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor()
    const reference = (await page.locator('[data-reference]').textContent())!.trim()
    const requests = await requestsBy(name)
    expect(requests.map((r) => r.reference)).toEqual([reference])
    expect(requests[0].attachments.map((a) => a.label)).toEqual(['Foto KTP'])
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(name)
  }

  it('is queued from the check step, where the message shows in view, and sent once when back online', async () => {
    const [context, page] = await installedPhone()
    await openForm(page, 'keterangan-domisili')
    await fillDomisili(page, 'Wati Periksa')
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor()
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.getByText('Permohonan Anda tersimpan di perangkat ini').waitFor()
    expect(await inView(page, '.queue-status')).toBe(true)
    await expectSentOnce(context, page, 'Wati Periksa')
    await context.close()
  })

  it('goes from the form to the check step without a connection, and is queued from there', async () => {
    const [context, page] = await installedPhone()
    await openForm(page, 'keterangan-domisili')
    await fillDomisili(page, 'Wati Luring Penuh')
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor()
    expect(await page.locator('.check-answers').innerText()).toContain('Wati Luring Penuh')
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.getByText('Permohonan Anda tersimpan di perangkat ini').waitFor()
    expect(await inView(page, '.queue-status')).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('queue-status'))).toBe(true)
    await expectSentOnce(context, page, 'Wati Luring Penuh')
    await context.close()
  })
})

describe('completing a returned request with JavaScript', () => {
  const returnedRequest = async (page: Page, name: string) => {
    await openForm(page, 'pengantar-skck')
    await fillSkck(page, name)
    await page.getByLabel('Foto KTP').setInputFiles(photo('ktp.jpg'))
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk.jpg'))
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    const reference = (await page.locator('[data-reference]').textContent())!.trim()
    const [request] = await requestsBy(name)
    const move = (body: object) => officer.request('PATCH', `/api/service-requests/${request.id}`, body)
    expect((await move({ nextStatus: 'checking' })).status).toBe(200)
    expect((await move({ nextStatus: 'returned', transitionNote: 'Foto KK buram.', missingDocuments: ['foto_kk'] })).status).toBe(200)
    await page.goto(`${server.url}/layanan/lacak`)
    await page.getByLabel('Nomor referensi').fill(reference)
    await page.getByLabel('4 digit terakhir nomor HP').fill('5432')
    await page.getByRole('button', { name: 'Lacak' }).click()
    await page.getByRole('button', { name: 'Kirim kelengkapan' }).waitFor()
    return request.id
  }

  it('shrinks the photo, shows progress and updates the timeline in place', async () => {
    const context = await server.browser.newContext(PHONE)
    const page = await context.newPage()
    await returnedRequest(page, 'Sari Lengkap')
    const posts = postsOf(page)
    await page.getByLabel('Tanggapan Anda').fill('Sudah saya foto ulang.')
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk-baru.jpg'))
    await page.getByRole('button', { name: 'Kirim kelengkapan' }).click()
    await page.getByText('Kelengkapan terkirim').waitFor()
    expect(posts).toHaveLength(1)
    expect(posts[0].bytes).toBeGreaterThan(200_000)
    expect(posts[0].bytes).toBeLessThan(cameraPhoto.length / 2)
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('checking')
    expect(await page.locator('.timeline').innerText()).toContain('Sudah saya foto ulang.')
    await context.close()
  })

  it('is queued offline, with its message in view, and sent once when back online', async () => {
    const [context, page] = await installedPhone()
    const id = await returnedRequest(page, 'Sari Luring')
    await page.getByLabel('Tanggapan Anda').fill('Saya kirim saat ada sinyal.')
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles(photo('kk-baru.jpg'))
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Kirim kelengkapan' }).click()
    await page.getByText('tersimpan di perangkat ini').waitFor()
    expect(await inView(page, '.queue-status')).toBe(true)
    await context.setOffline(false)
    await page.getByText('Kelengkapan terkirim').waitFor()
    const after = await officer.get<{ status: string; attachments: { label: string }[] }>(`/api/service-requests/${id}?depth=0`)
    expect(after.status).toBe('checking')
    expect(after.attachments.map((a) => a.label)).toEqual(['Foto KTP', 'Foto Kartu Keluarga', 'Foto Kartu Keluarga'])
    await context.close()
  })
})
