import { buffer } from 'node:stream/consumers'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { PASSWORD, settingsPath, signIn, type ApiClient } from '../support/api'
import { cameraPhoto } from '../support/cameraPhoto'
import { useProductionServer } from '../support/e2e'
import { startFakeWhatsapp } from '../support/fakeWhatsapp'
import { pdfSignatures, pdfText } from '../support/pdf'
import { smtpInbox, type ReceivedMail } from '../support/smtp'
import { startFilling } from '../support/serviceForm'

// The village's mail server and the WhatsApp Cloud API's edge, both on loopback.
const smtp = smtpInbox()
const WHATSAPP = { token: 'EAAGtokenDesa', phoneNumberId: '106540352242922' }
const whatsapp = await startFakeWhatsapp(WHATSAPP)
const server = useProductionServer({
  browser: true,
  env: {
    SMTP_URL: `smtp://127.0.0.1:${await smtp.listen()}`,
    EMAIL_FROM: 'desa@desa.test',
    WHATSAPP_TOKEN: WHATSAPP.token,
    WHATSAPP_PHONE_NUMBER_ID: WHATSAPP.phoneNumberId,
    WHATSAPP_API_URL: whatsapp.url,
  },
})
afterAll(() => Promise.all([smtp.close(), whatsapp.close()]))

/** The server's job runner sends the outbox every few seconds. */
const waitForMail = async (match: (mail: ReceivedMail) => boolean) => {
  await expect.poll(() => smtp.mails.some(match), { timeout: 30_000, interval: 250 }).toBe(true)
  return smtp.mails.find(match)!
}

/** A phone photo: 4000×3000 of noise, the kind of file residents take with their phones. */
const phonePhoto = () => {
  const width = 4000
  const height = 3000
  const noise = Buffer.alloc(width * height * 3)
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** An applicant whose name the standard PDF fonts cannot print. */
const NAME = 'Siti Nurhaliza Ṣāliḥ Đặng'
const MASKED = 'Si** Nu******* Ṣā*** Đặ**'

describe('a letter from request to verification', () => {
  it('is requested with a Unicode name, returned, completed without JavaScript, corrected, signed, downloaded and verified, the resident told at each step', async () => {
    // Staff accounts: the first account is the administrator, who creates an officer and the village head.
    const admin = await signIn(server, 'admin')
    const officer = await signIn(server, { role: 'officer', name: 'Petugas Rina' })
    const head = await signIn(server, { role: 'head', name: 'H. Abdul Karim' })
    // The administrator names the templates Meta approved for the village's WhatsApp number.
    await admin.patch(await settingsPath(admin), {
      whatsappTemplates: [
        { event: 'received', name: 'desa_permohonan_diterima', language: 'id' },
        ...['checking', 'returned', 'processing', 'awaitingSignature'].map((event) => ({ event, name: 'desa_status', language: 'id' })),
        { event: 'done', name: 'desa_surat_selesai', language: 'id' },
      ],
    })

    // The resident fills in the form on a phone, with a 4000×3000 photo of the ID card (and a typo in the purpose).
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.url}/layanan/keterangan-domisili`)
    await page.getByRole('button', { name: 'Mulai sekarang' }).click()
    // The form is interactive once hydrated, on the resident's first touch.
    await startFilling(page)
    await page.getByLabel('Nama lengkap').fill(NAME)
    await page.getByLabel('NIK').fill('6402014508900003')
    await page.getByLabel('Nomor HP/WhatsApp').fill('081234567890')
    await page.locator('input[name=email]').fill('siti@warga.test')
    await page.getByLabel('Alamat', { exact: true }).fill('RT 02 Dusun Hulu')
    await page.getByLabel('Tempat lahir').fill('Tenggarong')
    await page.getByLabel('Tanggal lahir').fill('1990-08-05')
    await page.getByLabel('Tinggal sejak tahun').fill('2015')
    await page.getByLabel('Keperluan').fill('Melamar pekerjan')
    await page.getByLabel('Saya menyatakan').check()
    // A dropped connection or a closed tab loses nothing: the draft comes back from this browser.
    await page.getByText('Draf tersimpan di perangkat ini.').waitFor()
    await page.reload()
    await startFilling(page)
    expect(await page.getByLabel('Keperluan').inputValue()).toBe('Melamar pekerjan')
    expect(await page.getByLabel('Saya menyatakan').isChecked()).toBe(true)
    // The browser checks the NIK before sending, with the server's rule and message.
    await page.getByLabel('NIK').fill('123')
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    expect(await page.locator('#f-nik-error').textContent()).toBe('NIK harus 16 digit angka sesuai KTP.')
    await page.getByLabel('NIK').fill('6402014508900003')
    await page.getByLabel('Foto KTP').setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() })
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor()
    expect(await page.locator('.check-answers').textContent()).toContain(NAME)
    await page.getByRole('button', { name: 'Kirim permohonan' }).click()
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor()
    const reference = (await page.locator('[data-reference]').textContent())!.trim()
    expect(reference).toMatch(/^[ABCDEFGHJKLMNPRSTUVWXY2-9]{8}$/)
    expect(await page.locator('[data-due]').textContent()).toMatch(/WITA/)
    expect(errors).toEqual([])

    // The officer finds it in the queue: the NIK is masked in the list, and the photo arrived compressed.
    const list = await officer.get<{ docs: { id: number; nikMasked: string; nik?: string }[] }>(
      `/api/service-requests?where[reference][equals]=${reference}`,
    )
    const request = list.docs[0]
    expect(request.nikMasked).toBe('640201******0003')
    expect(request.nik).toBeUndefined()
    const photoAt = async (row: number) =>
      Buffer.from(await (await officer.request('GET', `/api/service-requests/${request.id}/attachments/${row}`)).arrayBuffer())
    const { width, height } = await sharp(await photoAt(0)).metadata()
    expect(Math.max(width, height)).toBeLessThanOrEqual(1600)
    expect((await fetch(`${server.url}/api/service-requests/${request.id}/attachments/0`)).status).toBe(403)

    const move = (as: ApiClient, nextStatus: string, transitionNote?: string, missingDocuments?: string[]) =>
      as.request('PATCH', `/api/service-requests/${request.id}`, { nextStatus, transitionNote, missingDocuments })
    expect((await move(officer, 'done')).status).toBe(400)
    expect((await move(officer, 'checking')).status).toBe(200)
    // The officer returns it, asking for a sharper photo of the ID card.
    expect((await move(officer, 'returned', 'Foto KTP buram, mohon foto ulang.', ['foto_ktp'])).status).toBe(200)

    // The resident completes it on a phone without JavaScript, with a camera photo as it is (about 7 MB).
    const camera = await cameraPhoto()
    expect(camera.length).toBeGreaterThan(6 * 1024 * 1024)
    const noScript = await server.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })
    const plain = await noScript.newPage()
    await plain.goto(`${server.url}/layanan/lacak`)
    await plain.getByLabel('Nomor referensi').fill(reference)
    await plain.getByLabel('4 digit terakhir nomor HP').fill('7890')
    await plain.getByRole('button', { name: 'Lacak' }).click()
    await plain.getByLabel('Tanggapan Anda').fill('Sudah saya foto ulang.')
    await plain.getByLabel('Foto KTP').setInputFiles({ name: 'IMG_20261201.jpg', mimeType: 'image/jpeg', buffer: camera })
    await plain.getByRole('button', { name: 'Kirim kelengkapan' }).click()
    expect(await plain.locator('[data-status]').getAttribute('data-status')).toBe('checking')
    await noScript.close()
    const retaken = await sharp(await photoAt(1)).metadata()
    expect(Math.max(retaken.width, retaken.height)).toBe(1600)

    // The officer corrects the typo in the purpose through the API before it goes for signature.
    const stored = await officer.get<{ answers: Record<string, string> }>(`/api/service-requests/${request.id}`)
    expect(stored.answers.keperluan).toBe('Melamar pekerjan')
    const corrected = await officer.request('PATCH', `/api/service-requests/${request.id}`, {
      answers: { ...stored.answers, keperluan: 'Melamar pekerjaan' },
    })
    expect(corrected.status).toBe(200)
    for (const next of ['processing', 'awaitingSignature']) expect((await move(officer, next)).status).toBe(200)
    expect((await move(head, 'done', 'Surat siap diunduh.')).status).toBe(200)

    // In the admin, the officer's list of all requests shows the request with a masked NIK and offers the WhatsApp message.
    const desk = await server.browser.newPage()
    await desk.goto(`${server.url}/admin/login`)
    await desk.fill('input[name=email]', 'officer@desa.test')
    await desk.fill('input[name=password]', PASSWORD)
    await desk.click('button[type=submit]')
    await desk.waitForURL(/\/admin\/?$/)
    await desk.goto(`${server.url}/admin/collections/service-requests`)
    // The queue opens on the open requests; this one is done.
    await desk.getByRole('link', { name: 'Tampilkan semua permohonan' }).click()
    await desk.getByRole('link', { name: reference }).waitFor()
    expect(await desk.locator('table').textContent()).toContain('640201******0003')
    // Opened by its address: a click while the list is still hydrating on a busy machine can be lost by the router.
    await desk.goto(new URL((await desk.getByRole('link', { name: reference }).getAttribute('href'))!, server.url).href)
    await desk.getByRole('link', { name: 'Kirim kabar lewat WhatsApp' }).waitFor({ timeout: 90_000 })
    expect(await desk.getByRole('link', { name: 'Kirim kabar lewat WhatsApp' }).getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\/6281234567890\?text=/,
    )
    await desk.close()

    // The resident tracks the request and downloads the signed letter.
    await page.goto(`${server.url}/layanan/lacak`)
    await page.getByLabel('Nomor referensi').fill(reference.toLowerCase())
    await page.getByLabel('4 digit terakhir nomor HP').fill('7890')
    await page.getByRole('button', { name: 'Lacak' }).click()
    expect(await page.locator('[data-masked-name]').textContent()).toBe(MASKED)
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('done')
    expect(await page.locator('.timeline').textContent()).toContain('Surat siap diunduh.')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Unduh surat/ }).click()])
    const pdf = await buffer(await download.createReadStream())
    // The letter says the name exactly as typed, and any PDF reader finds the head's signature over all of it.
    expect(pdfText(pdf)).toContain(`Nama: ${NAME}`)
    expect(pdfSignatures(pdf)).toEqual([
      expect.objectContaining({ commonName: 'Kepala Desa', validation: 'Signature is Valid.', wholeFile: true }),
    ])
    const changed = Buffer.from(pdf)
    changed[Math.floor(changed.length / 2)] ^= 1
    expect(pdfSignatures(changed)[0].validation).not.toBe('Signature is Valid.')

    // Anyone can compare a paper copy with the village's record, which claims nothing before a file is checked.
    const finished = await officer.get<{ letter: { verificationCode: string; number: string } }>(
      `/api/service-requests/${request.id}?depth=1`,
    )
    await page.goto(`${server.url}/verifikasi/${finished.letter.verificationCode}`)
    const record = (await page.locator('[data-record]').textContent())!
    for (const shown of ['Surat Keterangan Domisili', finished.letter.number, MASKED, 'Melamar pekerjaan']) expect(record).toContain(shown)
    expect(await page.locator('main').textContent()).not.toMatch(/Sah|ASLI|6402014508900003/)
    expect(await page.locator('[data-file-check]').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.getByLabel('Berkas PDF surat').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByRole('button', { name: 'Periksa berkas' }).click()
    expect(await page.locator('[data-file-check]').getAttribute('data-file-check')).toBe('authentic')
    await page.getByLabel('Berkas PDF surat').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: changed })
    await page.getByRole('button', { name: 'Periksa berkas' }).click()
    expect(await page.locator('[data-file-check]').getAttribute('data-file-check')).toBe('not-authentic')
    expect(await page.locator('main').textContent()).not.toMatch(/ASLI|✓/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    // In English too.
    await page.goto(`${server.url}/en/verifikasi/${finished.letter.verificationCode}`)
    expect(await page.locator('[data-record]').textContent()).toContain(finished.letter.number)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.close()

    // Each step reached the resident's inbox from the village, greeting them and naming the service.
    const SERVICE = 'Surat Keterangan Domisili'
    const subjects = [
      `Permohonan ${reference} diterima: ${SERVICE}`,
      ...['Diperiksa', 'Perlu Dilengkapi', 'Diproses', 'Menunggu Tanda Tangan', 'Selesai'].map(
        (status) => `Permohonan ${reference} (${SERVICE}): ${status}`,
      ),
    ]
    for (const subject of subjects) {
      const mail = await waitForMail((m) => m.subject === subject)
      expect(mail.to).toEqual(['siti@warga.test'])
      expect(mail.from).toBe('Desa Sungai Lestari <desa@desa.test>')
      expect(mail.text).toContain(`Yth. ${NAME},\n\nPermohonan ${SERVICE} Anda`)
    }
    // The returned request was completed: the officer heard back twice "Diperiksa", the second with the resident's reply.
    await expect.poll(() => smtp.mails.filter((m) => m.subject === subjects[1]).length, { timeout: 30_000 }).toBe(2)
    expect(smtp.mails.some((m) => m.subject === subjects[1] && m.text.includes('Tanggapan Anda: Sudah saya foto ulang.'))).toBe(true)
    // The Selesai mail says where to download the letter: its link gives the very file the head signed.
    const doneMail = smtp.mails.find((m) => m.subject === subjects.at(-1))!
    const link = /Unduh suratnya \(PDF\) di:\n(\S+)\n/.exec(doneMail.text)?.[1]
    expect(link).toBeDefined()
    const fromMail = await fetch(link!.replace(/^https?:\/\/[^/]+/, server.url))
    expect(fromMail.status).toBe(200)
    expect(Buffer.from(await fromMail.arrayBuffer()).equals(pdf)).toBe(true)
    expect(doneMail.text).toContain('/layanan/lacak, masukkan nomor referensi dan 4 digit terakhir nomor HP Anda')

    // And on WhatsApp, through the Cloud API: the approved template of each step, to the resident's number.
    const toResident = () => whatsapp.calls.filter((call) => call.to === '6281234567890' && call.parameters.includes(reference))
    await expect.poll(() => toResident().length, { timeout: 30_000 }).toBe(7)
    for (const call of toResident()) {
      expect(call.path).toBe(`/v23.0/${WHATSAPP.phoneNumberId}/messages`)
      expect(call.authorization).toBe(`Bearer ${WHATSAPP.token}`)
      expect(call.language).toBe('id')
      expect(call.parameters.slice(0, 3)).toEqual([NAME, SERVICE, reference])
    }
    expect(
      toResident()
        .map((call) => call.template)
        .sort(),
    ).toEqual(['desa_permohonan_diterima', 'desa_surat_selesai', ...Array(5).fill('desa_status')].sort())
    const done = toResident().find((call) => call.template === 'desa_surat_selesai')!
    expect(done.parameters.slice(3)).toEqual(['Selesai', 'Surat siap diunduh.', link])
  }, 240_000)

  it('works without JavaScript and keeps what the resident typed when something is wrong', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.url}/layanan/pengantar-skck/formulir`)
    await page.getByLabel('Nama lengkap').fill('Budi Santoso')
    await page.getByLabel('NIK').fill('6402011203850001')
    await page.getByLabel('Nomor HP/WhatsApp').fill('081298765432')
    await page.getByLabel('Alamat', { exact: true }).fill('RT 05')
    await page.getByLabel('Tempat lahir').fill('Samarinda')
    await page.getByLabel('Tanggal lahir').fill('1985-03-12')
    await page.getByLabel('Pekerjaan').fill('Petani')
    await page.getByLabel('Keperluan').fill('Melamar kerja')
    await page.getByLabel('Saya menyatakan').check()
    // A "photo" that is really a program: refused by its bytes, whatever its name says.
    await page.getByLabel('Foto KTP').setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ'.repeat(500)) })
    await page.getByLabel('Foto Kartu Keluarga').setInputFiles({ name: 'kk.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() })
    await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
    expect(await page.locator('#error-summary').textContent()).toContain('apa pun nama berkasnya')
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Budi Santoso')
    expect(await page.getByLabel('Pekerjaan').inputValue()).toBe('Petani')
    await context.close()
  })

  it('lets the resident complete a returned request and cancel another one from the tracking page', async () => {
    const officer = await signIn(server, 'officer')
    const context = await server.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const apply = async () => {
      await page.goto(`${server.url}/layanan/izin-keramaian/formulir`)
      await page.getByLabel('Nama lengkap').fill('Budi Santoso')
      await page.getByLabel('NIK').fill('6402011203850001')
      await page.getByLabel('Nomor HP/WhatsApp').fill('081298765432')
      await page.getByLabel('Alamat', { exact: true }).fill('RT 05')
      await page.getByLabel('Nama acara').fill('Syukuran')
      await page.getByLabel('Tanggal acara').fill('2026-12-20')
      await page.getByLabel('Tempat acara').fill('Balai desa')
      await page.getByLabel('Perkiraan jumlah tamu').fill('150')
      await page.getByLabel('Saya menyatakan').check()
      await page.getByLabel('Foto KTP').setInputFiles({
        name: 'ktp.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32)]),
      })
      await page.getByRole('button', { name: 'Lanjut ke pemeriksaan' }).click()
      await page.getByRole('button', { name: 'Kirim permohonan' }).click()
      return (await page.locator('[data-reference]').textContent())!.trim()
    }
    const track = async (reference: string) => {
      await page.goto(`${server.url}/layanan/lacak`)
      await page.getByLabel('Nomor referensi').fill(reference)
      await page.getByLabel('4 digit terakhir nomor HP').fill('5432')
      await page.getByRole('button', { name: 'Lacak' }).click()
    }

    const returned = await apply()
    const { docs } = await officer.get<{ docs: { id: number }[] }>(`/api/service-requests?where[reference][equals]=${returned}`)
    for (const [nextStatus, transitionNote] of [['checking'], ['returned', 'Foto KTP kurang jelas, mohon unggah ulang.']]) {
      await officer.request('PATCH', `/api/service-requests/${docs[0].id}`, { nextStatus, transitionNote })
    }
    await track(returned)
    expect(await page.locator('.timeline').textContent()).toContain('Foto KTP kurang jelas')
    await page.getByLabel('Tanggapan Anda').fill('Sudah saya foto ulang.')
    await page.getByLabel('Foto KTP').setInputFiles({
      name: 'ktp2.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(400, 32)]),
    })
    await page.getByRole('button', { name: 'Kirim kelengkapan' }).click()
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('checking')
    const after = await officer.get<{ attachments: unknown[] }>(`/api/service-requests/${docs[0].id}`)
    expect(after.attachments).toHaveLength(2)

    const cancelled = await apply()
    await track(cancelled)
    await page.getByRole('button', { name: 'Batalkan permohonan ini' }).click()
    await page.getByRole('button', { name: 'Ya, batalkan' }).click()
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('cancelled')
    expect(await page.getByRole('button', { name: 'Batalkan permohonan ini' }).count()).toBe(0)
    await context.close()
  })

  it("refuses a form whose honeypot field is filled in, in the visitor's language", async () => {
    const body = new URLSearchParams({ service: 'pengantar-skck', nama: 'Bot', website: 'http://spam.example' })
    const res = await fetch(`${server.url}/en/layanan/pengantar-skck/formulir?_action=services.prepare`, {
      method: 'POST',
      body,
      headers: { Origin: server.url },
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('The request cannot be processed.')
    expect(html).toContain('value="Bot"')
  })

  // Last: it uses up this client's tracking allowance.
  it('answers too many tracking attempts with 429, Retry-After and a localized message', async () => {
    let last: Response | undefined
    for (let i = 0; i < 25; i++) {
      const body = new URLSearchParams({ reference: 'ABCDEFGH', digits: '0000' })
      last = await fetch(`${server.url}/en/layanan/lacak?_action=services.track`, { method: 'POST', body, headers: { Origin: server.url } })
      if (last.status === 429) break
      expect(last.status).toBe(404)
    }
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await last!.text()).toMatch(/Too many attempts/)
  })
})
