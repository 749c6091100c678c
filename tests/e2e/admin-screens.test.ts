import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatWitaDateTime } from '../../cms/lib/wita'
import { createVillageCa, issueHeadCertificate } from '../../cms/resident-services/certificates'
import { placeOrder, signInToAdmin, submitSktm } from '../support/admin'
import { apiClient, signIn, type SignedIn } from '../support/api'
import { refuseOutsideHosts } from '../support/browser'
import { useProductionServer } from '../support/e2e'

/**
 * The officer's and the village head's screens, as each staff role sees them in Chromium: nothing is
 * loaded from another host (an office may have no internet, and Gravatar would learn who works there),
 * one language per account, dates in WITA on a 24-hour clock, answers as a labelled table, corrections
 * before signing, and a queue that opens on the requests still to handle.
 */
const server = useProductionServer({ browser: true })
const staff = {} as Record<(typeof ROLES)[number], SignedIn>
let admin: SignedIn
let officer: SignedIn
const ids = {} as { request: number; rejected: number; order: number; episode: number; service: number }
let reference: string

const ROLES = ['admin', 'editor', 'officer', 'head', 'producer'] as const

beforeAll(async () => {
  const producers = await apiClient(server).get<{ docs: { id: number }[] }>('/api/producers?limit=1&depth=0')
  staff.admin = admin = await signIn(server, 'admin')
  staff.editor = await signIn(server, { role: 'editor', name: 'Tim Media' })
  staff.officer = officer = await signIn(server, { role: 'officer', name: 'Petugas Rina' })
  staff.head = await signIn(server, { role: 'head', name: 'H. Abdul Karim' })
  staff.producer = await signIn(server, { role: 'producer', name: 'Pak Darto', producer: producers.docs[0].id })

  reference = await submitSktm(server, 'Siti Aminah')
  const byReference = async (ref: string) =>
    (await officer.get<{ docs: { id: number }[] }>(`/api/service-requests?where[reference][equals]=${ref}&depth=0`)).docs[0].id
  ids.request = await byReference(reference)
  ids.rejected = await byReference(await submitSktm(server, 'Budi Santoso'))
  for (const [nextStatus, transitionNote] of [
    ['checking', null],
    ['rejected', 'Bukan warga desa ini.'],
  ]) {
    const res = await officer.request('PATCH', `/api/service-requests/${ids.rejected}`, { nextStatus, transitionNote })
    expect(res.status).toBe(200)
  }

  const products = await apiClient(server).get<{ docs: { id: number; slug: string; variants: { id: string }[] }[] }>(
    `/api/products?where[producer][equals]=${producers.docs[0].id}&limit=1&depth=0`,
  )
  const number = await placeOrder(server, products.docs[0])
  type Ids = { docs: { id: number }[] }
  ids.order = (await admin.get<Ids>(`/api/orders?where[number][equals]=${number}&depth=0`)).docs[0].id
  ids.episode = (await admin.get<Ids>('/api/episodes?limit=1&depth=0')).docs[0].id
  ids.service = (await admin.get<Ids>('/api/services?where[slug][equals]=pengantar-skck&depth=0')).docs[0].id
})

/** A browser for one account, in a UTC clock like the server's, with every request to another host refused and recorded. */
const deskFor = async (role: (typeof ROLES)[number], language: 'id' | 'en' = 'id') => {
  const context = await server.browser.newContext({ timezoneId: 'UTC', locale: language === 'en' ? 'en-GB' : 'id-ID' })
  const outside = await refuseOutsideHosts(context)
  await signInToAdmin(server, context, staff[role], language)
  const page = await context.newPage()
  return { context, page, outside }
}

/** Opens an admin screen and waits until it has loaded everything it loads. */
const open = async (page: Page, path: string) => {
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
  expect(res?.status(), path).toBeLessThan(400)
}

const textOf = async (page: Page) => (await page.locator('main, .template-default__wrap, body').first().innerText()).replace(/\s+/g, ' ')

describe('every staff role', () => {
  /** The edit screens each role must have opened (what they work on). */
  const mustOpen: Record<(typeof ROLES)[number], () => string[]> = {
    admin: () => [
      `/admin/collections/service-requests/${ids.request}`,
      `/admin/collections/orders/${ids.order}`,
      `/admin/collections/episodes/${ids.episode}`,
      '/admin/collections/settings',
    ],
    editor: () => [`/admin/collections/orders/${ids.order}`, `/admin/collections/episodes/${ids.episode}`],
    officer: () => [`/admin/collections/service-requests/${ids.request}`, `/admin/collections/services/${ids.service}`],
    head: () => [`/admin/collections/service-requests/${ids.request}`],
    producer: () => [`/admin/collections/orders/${ids.order}`],
  }

  it.each(ROLES)(
    'opens the dashboard and the list and edit screens of every collection and global as %s without asking any other host',
    async (role) => {
      const { context, page, outside } = await deskFor(role)
      await open(page, '/admin')
      const entries = await page.$$eval('nav a[href^="/admin/collections/"], nav a[href^="/admin/globals/"]', (links) => [
        ...new Set(links.map((a) => a.getAttribute('href')!).filter((href) => !href.endsWith('/create'))),
      ])
      expect(entries.length).toBeGreaterThan(0)
      const opened = new Set<string>()
      for (const entry of entries) {
        await open(page, entry)
        opened.add(entry)
        if (!entry.startsWith('/admin/collections/')) continue
        // The list is rendered on the server: once the page is idle, its rows are there or the list is empty.
        const rows = page.locator(`.table tbody a[href^="${entry}/"]`)
        const first = (await rows.count()) > 0 ? await rows.first().getAttribute('href') : null
        if (first) {
          await open(page, first)
          opened.add(first)
        }
      }
      for (const path of mustOpen[role]()) {
        if (!opened.has(path)) {
          await open(page, path)
          opened.add(path)
        }
      }
      await open(page, '/admin/account')
      expect(outside).toEqual([])
      await context.close()
    },
    900_000,
  )
})

describe('the request screen', () => {
  it("shows the answers as a table labelled by the service's form, with select labels, written dates and a masked NIK", async () => {
    const { context, page, outside } = await deskFor('officer')
    await open(page, `/admin/collections/service-requests/${ids.request}`)
    const table = page.getByRole('table', { name: 'Jawaban formulir' })
    await table.waitFor()
    const row = (label: string) => table.getByRole('row', { name: new RegExp(`^${label}`) })
    expect(await row('Tanggal lahir').innerText()).toContain('1 Januari 1999')
    expect(await row('Untuk bantuan').innerText()).toContain('Kesehatan')
    expect(await row('Pekerjaan').innerText()).toContain('Petani')
    expect(await table.innerText()).not.toMatch(/kesehatan|1999-01-01|\{/)
    expect(await page.locator('.monaco-editor, .code-editor').count()).toBe(0)
    expect(outside).toEqual([])
    await context.close()
  })

  it('shows its dates in WITA on a 24-hour clock, in the queue and on the request', async () => {
    const request = await officer.get<{ submittedAt: string; dueDate: string; timeline: { at: string }[] }>(
      `/api/service-requests/${ids.request}?depth=0`,
    )
    const { context, page } = await deskFor('officer')
    await open(page, '/admin/collections/service-requests')
    const queueRow = page.locator('.table tbody tr', { hasText: reference })
    expect(await queueRow.innerText()).toContain(formatWitaDateTime(request.submittedAt, 'id'))
    const due = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${request.dueDate}T00:00:00Z`),
    )
    expect(await queueRow.innerText()).toContain(due)
    expect(await queueRow.innerText()).not.toContain(request.dueDate)
    await open(page, `/admin/collections/service-requests/${ids.request}`)
    const screen = await textOf(page)
    expect(screen).toContain(formatWitaDateTime(request.submittedAt, 'id'))
    expect(screen).toContain(`Diajukan · ${formatWitaDateTime(request.timeline[0].at, 'id')} · Pemohon`)
    expect(screen).not.toMatch(/\b(AM|PM)\b/)
    await context.close()
  })

  it('opens the queue on the open requests, with a way to see them all', async () => {
    const rejected = await officer.get<{ reference: string }>(`/api/service-requests/${ids.rejected}?depth=0`)
    const { context, page } = await deskFor('officer')
    await open(page, '/admin/collections/service-requests')
    const table = page.locator('.table')
    expect(await table.innerText()).toContain(reference)
    expect(await table.innerText()).not.toContain(rejected.reference)
    await page.getByRole('link', { name: 'Tampilkan semua permohonan' }).click()
    await page.locator('.table', { hasText: rejected.reference }).waitFor()
    expect(await page.locator('.table').innerText()).toContain(reference)
    await context.close()
  })
})

describe('one language per account', () => {
  /** Texts that gave one language away on the other's screens. */
  const OFFENDERS = {
    // On Indonesian screens: labels Payload made up from field names, untranslated keys, a 12-hour clock.
    id: [
      /\bAt\b/,
      /\bBy User\b/,
      /\b(Timeline|Line|Document|Step|Guest|Item) \d\d\b/,
      /Tambah (Document|Step|Guest|Item)\b/,
      /\bService\b/,
      /\bIssued At\b/,
      /\bMethod\b/,
      /\bState\b/,
      /Stripe (Session|Payment Intent) Id/,
      /lexical:/,
      /\b[a-z]+:[a-zA-Z]+Label\b/,
      /\((open)\)/,
      /\b(AM|PM)\b/,
      /Select a value/,
    ],
    // On English screens: texts our own components wrote in Indonesian.
    en: [
      /\(buka\)/,
      /Kirim kabar lewat WhatsApp/,
      /lewat tenggat/i,
      /\bTambah\b/,
      /\bPilih\b/,
      /\bPemohon\b/,
      /\bRiwayat\b/,
      /\bKoreksi\b/,
      /Permohonan ini/,
      /lexical:/,
      /ke-\d/,
    ],
  }
  const SCREENS = () =>
    [
      ['officer', `/admin/collections/service-requests/${ids.request}`],
      ['officer', '/admin/collections/service-requests'],
      ['officer', `/admin/collections/services/${ids.service}`],
      // An empty letter template shows the rich text editor's placeholder.
      ['officer', '/admin/collections/services/create'],
      ['admin', `/admin/collections/orders/${ids.order}`],
      ['admin', '/admin/collections/audit-log'],
      ['admin', '/admin/collections/letters'],
    ] as const

  it.each(['id', 'en'] as const)(
    'shows the request, order and service screens of an account in %s only in that language',
    async (language) => {
      const found: string[] = []
      for (const [role, path] of SCREENS()) {
        const { context, page } = await deskFor(role, language)
        await open(page, path)
        const text = await textOf(page)
        for (const offender of OFFENDERS[language]) {
          const match = offender.exec(text)
          if (match) found.push(`${path}: "${match[0]}"`)
        }
        await context.close()
      }
      expect(found).toEqual([])
    },
    600_000,
  )
})

describe('correcting a typo before signing', () => {
  it('is done in the admin, logged, and refused after the head signs', async () => {
    const { context, page } = await deskFor('officer')
    await open(page, `/admin/collections/service-requests/${ids.request}`)
    await page.getByText('dapat dikoreksi sampai surat ditandatangani').waitFor()
    await page.getByLabel('Nama pemohon').fill('Siti Aminah Putri')
    await page.getByRole('button', { name: 'Koreksi jawaban' }).click()
    await page.getByLabel('Pekerjaan').fill('Pedagang')
    await page.getByLabel('Untuk bantuan').selectOption('pendidikan')
    const saved = page.waitForResponse((r) => r.url().includes(`/api/service-requests/${ids.request}`) && r.request().method() === 'PATCH')
    await page.getByRole('button', { name: 'Simpan' }).click()
    expect((await saved).status()).toBe(200)
    const request = await officer.get<{ applicantName: string; answers: Record<string, string> }>(
      `/api/service-requests/${ids.request}?depth=0`,
    )
    expect(request.applicantName).toBe('Siti Aminah Putri')
    expect(request.answers).toMatchObject({ pekerjaan: 'Pedagang', jenis_bantuan: 'pendidikan', tanggal_lahir: '1999-01-01' })
    const log = await admin.get<{ docs: { detail: string; before: string; after: string }[] }>(
      `/api/audit-log?where[request][equals]=${ids.request}&where[action][equals]=correct&sort=id&depth=0`,
    )
    expect(log.docs.map((e) => [e.detail, e.before, e.after])).toEqual([
      ['Nama pemohon', 'Siti Aminah', 'Siti Aminah Putri'],
      ['Pekerjaan', 'Petani', 'Pedagang'],
      ['Untuk bantuan', 'Kesehatan', 'Pendidikan'],
    ])

    // Through the API too, and with a clear refusal once the head has signed.
    const move = (as: SignedIn, body: object) => as.request('PATCH', `/api/service-requests/${ids.request}`, body)
    for (const nextStatus of ['checking', 'processing', 'awaitingSignature']) expect((await move(officer, { nextStatus })).status).toBe(200)
    expect((await move(officer, { address: 'RT 03, Dusun Hilir' })).status).toBe(200)
    expect((await move(staff.head, { nextStatus: 'done' })).status).toBe(200)
    const refused = await move(officer, { applicantName: 'Siti A. Putri' })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toContain('sudah ditandatangani')
    // An account that chose English (the admin keeps the choice in this cookie).
    const english = await officer.request(
      'PATCH',
      `/api/service-requests/${ids.request}`,
      { reference: 'ABCDEFGH' },
      { Cookie: 'payload-lng=en' },
    )
    expect(english.status).toBe(400)
    expect(JSON.stringify(await english.json())).toContain('These fields cannot be changed: Reference')

    await open(page, `/admin/collections/service-requests/${ids.request}`)
    await page.getByText('Surat sudah ditandatangani: data pemohon dan jawaban tidak dapat diubah lagi.').waitFor()
    expect(await page.getByLabel('Nama pemohon').isEditable()).toBe(false)
    expect(await page.getByRole('button', { name: 'Koreksi jawaban' }).count()).toBe(0)
    await context.close()
  })
})

describe("installing the head's signing certificate", () => {
  it('takes the file and passphrase in the admin, says on the field when they do not open, and then shows whose it is', async () => {
    const ca = createVillageCa('Desa Sungai Lestari')
    const { p12 } = issueHeadCertificate(ca, { commonName: 'H. Abdul Karim', organization: 'Desa Sungai Lestari' }, 'sandi-kades')
    const { context, page } = await deskFor('admin')
    await open(page, '/admin/collections/letter-signing')
    await page.locator('#field-certificateFile').setInputFiles({ name: 'kades.p12', mimeType: 'application/x-pkcs12', buffer: p12 })
    await page.getByLabel('Kata sandi sertifikat').fill('sandi-salah')
    await page.keyboard.press('Control+s')
    await page.getByText('tidak dapat dibuka sebagai sertifikat PKCS#12').waitFor()

    await page.getByLabel('Kata sandi sertifikat').fill('sandi-kades')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('#field-holder').inputValue(), { timeout: 30_000 }).toBe('H. Abdul Karim')
    expect(await page.locator('#field-issuer').inputValue()).toBe('CA Desa Sungai Lestari')
    await context.close()

    const [installed] = (await admin.get<{ docs: Record<string, unknown>[] }>('/api/letter-signing?depth=0')).docs
    expect(installed).toMatchObject({ holder: 'H. Abdul Karim' })
    expect(Object.keys(installed).filter((key) => /sealed|passphrase|certificateFile/i.test(key))).toEqual([])
  })
})

describe("an account's villages", () => {
  it.each(['id', 'en'] as const)("give each row a select of the person's role in that village, in %s", async (language) => {
    const { context, page, outside } = await deskFor('admin', language)
    await open(page, `/admin/collections/users/${staff.officer.user.id}`)
    const row = page.locator('#field-villages__0__role')
    await expect.poll(() => row.count()).toBe(1)
    expect(await textOf(page)).toContain(language === 'id' ? 'Peran di desa ini' : 'Role in this village')
    await row.locator('.rs__control').click()
    const options = await row.locator('.rs__option').allInnerTexts()
    expect(options).toEqual(
      language === 'id'
        ? ['Administrator', 'Tim media (editor)', 'Petugas layanan', 'Kepala desa', 'Produsen (penjual)']
        : ['Administrator', 'Media team (editor)', 'Service officer', 'Village head', 'Producer (seller)'],
    )
    expect(outside).toEqual([])
    await context.close()
  })
})
