import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User, Village, VillageMonthlyStatistic } from '../../cms/payload-types'
import type { Dashboard } from '../../cms/regency/dashboard'
import { refreshVillageStatistics } from '../../cms/regency/statistics'
import { witaDate } from '../../cms/lib/wita'
import { makeRegencyAdministrator } from '../../cms/villages/regency'
import { inVillage } from '../../cms/villages/current'
import { actingAs, createUser, startPayload, staffOf } from '../support/payload'
import { pdfText } from '../support/pdf'
import { sheetOf } from '../support/xlsx'
import { applicant, domicileRequest, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'

let payload: Payload
let first: Village
let sukamaju: Village
let regencyAdmin: User
let regencyViewer: User
let districtViewer: User
setServiceKeys()

const DAY = 86_400_000
const now = Date.now()
const monthOf = (at: number) => witaDate(new Date(at)).slice(0, 7)
const ref = (village: Village) => ({ id: village.id, slug: village.slug })

const viewer = (role: 'regency-viewer' | 'district-viewer', kecamatan?: string) =>
  payload.create({
    collection: 'users',
    data: { email: `${role}@kab.test`, password: 'kata-sandi-rahasia-123', name: `Pemantau ${role}`, role, kecamatan },
    ...actingAs(regencyAdmin),
  })

/** The answer of one of the regency's endpoints to this account (none: anonymous), as Payload's REST route gives it. */
const call = async (user: User | null, endpoint: string, search = '', routeParams: Record<string, string> = {}, language = 'id') => {
  const handler = payload.config.endpoints.find((e) => e.path === endpoint)!.handler
  const req = await createLocalReq(
    { user: user ? { ...user, collection: 'users' } : undefined, urlSuffix: `/api${endpoint}${search}` },
    payload,
  )
  req.routeParams = routeParams
  req.i18n = { ...req.i18n, language }
  return handler(req)
}
const dashboard = async (user: User, search = '') => (await (await call(user, '/regency/dashboard', search)).json()) as Dashboard
const exported = (user: User | null, format: 'xlsx' | 'pdf', search = '', language = 'id') =>
  call(user, '/regency/active-villages/:format', search, { format }, language)

const monthsOf = async (village: Village): Promise<VillageMonthlyStatistic[]> =>
  (
    await payload.find({
      collection: 'village-monthly-statistics',
      where: { village: { equals: village.id } },
      sort: 'month',
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  payload = await startPayload()
  ;[first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await seedServiceCatalog(payload)
  sukamaju = await payload.create({
    collection: 'villages',
    data: { name: 'Desa Sukamaju', slug: 'sukamaju', kecamatan: 'Loa Sentosa', status: 'active' },
    overrideAccess: true,
  })
  await inVillage(ref(sukamaju), () => seedServiceCatalog(payload, { name: 'Desa Sukamaju', kecamatan: 'Loa Sentosa' }))
  regencyAdmin = await createUser(payload, 'admin')
  await makeRegencyAdministrator(payload, regencyAdmin.email)
  regencyAdmin = await payload.findByID({ collection: 'users', id: regencyAdmin.id, overrideAccess: true })
  regencyViewer = await viewer('regency-viewer')
  districtViewer = await viewer('district-viewer', 'Loa Sentosa')

  // Sungai Lestari (Tenggarong): two SKTM letters signed, one submitted 40 days ago and finished 3 days later, and
  // two domicile requests, one of them submitted last month.
  const [officer, head] = [await staffOf(payload, first, 'officer'), await staffOf(payload, first, 'head')]
  await inVillage(ref(first), async () => {
    const early = await sktmAwaitingSignature(payload, officer, 'Siti Aminah')
    await early.sign(head)
    await payload.db.updateOne({
      collection: 'service-requests',
      id: early.request.id,
      data: { submittedAt: new Date(now - 40 * DAY).toISOString(), completedAt: new Date(now - 37 * DAY).toISOString() },
    })
    await (await sktmAwaitingSignature(payload, officer, 'Budi Santoso')).sign(head)
    await domicileRequest(payload)
    const { request } = await domicileRequest(payload)
    await payload.db.updateOne({
      collection: 'service-requests',
      id: request.id,
      data: { submittedAt: new Date(now - 40 * DAY).toISOString() },
    })
  })
  // Sukamaju (Loa Sentosa): one domicile request.
  await inVillage(ref(sukamaju), () => domicileRequest(payload))
  await refreshVillageStatistics(payload)
})

describe("the villages' figures per month and service", () => {
  it('count what came in by the month it was submitted, what was finished and its letters by the month they were done', async () => {
    const [before, current] = [monthOf(now - 40 * DAY), monthOf(now)]
    const figures = (await monthsOf(first)).map((row) => ({
      month: row.month,
      service: row.serviceSlug,
      title: row.serviceTitle,
      received: row.requestsReceived,
      done: row.requestsDone,
      letters: row.lettersSigned,
    }))
    const sktm = { id: 'Surat Keterangan Tidak Mampu (SKTM)', en: expect.any(String) }
    const expected = [
      { month: before, service: 'keterangan-domisili', received: 1, done: 0, letters: 0 },
      {
        month: before,
        service: 'keterangan-tidak-mampu',
        title: sktm,
        received: 1,
        done: before === monthOf(now - 37 * DAY) ? 1 : 0,
        letters: 0,
      },
      { month: current, service: 'keterangan-domisili', received: 1, done: 0, letters: 0 },
      { month: current, service: 'keterangan-tidak-mampu', title: sktm, received: 1, done: 1, letters: 2 },
    ]
    if (before !== monthOf(now - 37 * DAY))
      expected.push({ month: monthOf(now - 37 * DAY), service: 'keterangan-tidak-mampu', title: sktm, received: 0, done: 1, letters: 0 })
    expect(figures).toEqual(expect.arrayContaining(expected.map((row) => expect.objectContaining(row))))
    expect(figures).toHaveLength(expected.length)
    const finishedEarly = (await monthsOf(first)).find(
      (r) => r.month === monthOf(now - 37 * DAY) && r.serviceSlug === 'keterangan-tidak-mampu',
    )
    expect(finishedEarly?.medianDaysToDone).toBe(3)
    expect((await monthsOf(sukamaju)).map((r) => [r.kecamatan, r.month, r.requestsReceived])).toEqual([['Loa Sentosa', current, 1]])
  })

  it('are written again only where a figure changed, and hold nothing about any resident', async () => {
    const before = await monthsOf(first)
    await refreshVillageStatistics(payload)
    expect((await monthsOf(first)).map((r) => [r.id, r.updatedAt])).toEqual(before.map((r) => [r.id, r.updatedAt]))
    await inVillage(ref(first), () => domicileRequest(payload))
    await refreshVillageStatistics(payload)
    const after = await monthsOf(first)
    const changed = after.filter((r) => before.find((b) => b.id === r.id)?.updatedAt !== r.updatedAt)
    expect(changed.map((r) => [r.month, r.serviceSlug, r.requestsReceived])).toEqual([[monthOf(now), 'keterangan-domisili', 2]])
    const everything = JSON.stringify(await payload.find({ collection: 'village-monthly-statistics', overrideAccess: true }))
    for (const personal of [applicant.nama, applicant.nik, applicant.telepon, 'Budi Santoso']) expect(everything).not.toContain(personal)
  })
})

describe("the regency's dashboard", () => {
  it("sums the regency's months and services, drills down to a kecamatan and a village, sorts the villages", async () => {
    const all = await dashboard(regencyViewer)
    expect(all.kecamatanChoices).toEqual(['Loa Sentosa', 'Tenggarong'])
    expect(all.villages.map((v) => v.villageName)).toEqual(['Desa Sukamaju', 'Desa Sungai Lestari'])
    expect(all.months).toHaveLength(12)
    expect(all.months.at(-1)).toMatchObject({ month: monthOf(now), requestsReceived: 4, lettersSigned: 2 })
    expect(all.services.find((s) => s.slug === 'keterangan-domisili')).toMatchObject({ requestsReceived: 4 })
    const sorted = await dashboard(regencyViewer, '?sort=-requestsReceived')
    expect(sorted.villages.map((v) => [v.villageName, v.requestsReceived])).toEqual([
      ['Desa Sungai Lestari', 5],
      ['Desa Sukamaju', 1],
    ])
    // Per kecamatan, the median over every request of its villages; none where nothing was completed.
    const tenggarong = all.villages.find((v) => v.villageName === 'Desa Sungai Lestari')?.medianDaysToDone
    expect(tenggarong).toBeGreaterThan(0)
    expect(all.districts.map((d) => [d.kecamatan, d.medianDaysToDone])).toEqual([
      ['Loa Sentosa', null],
      ['Tenggarong', tenggarong],
    ])
    const district = await dashboard(regencyViewer, '?kecamatan=Tenggarong')
    expect(district.villages.map((v) => v.villageName)).toEqual(['Desa Sungai Lestari'])
    const one = await dashboard(regencyAdmin, `?village=${sukamaju.id}`)
    expect([one.village?.villageName, one.kecamatan, one.monthsByService.map((m) => m.slug)]).toEqual([
      'Desa Sukamaju',
      'Loa Sentosa',
      ['keterangan-domisili'],
    ])
    for (const personal of [applicant.nama, applicant.nik, applicant.telepon, 'Budi Santoso'])
      expect(JSON.stringify([all, one])).not.toContain(personal)
  })

  it("shows a district viewer their kecamatan's villages only, whatever kecamatan or village is asked for", async () => {
    for (const search of ['', '?kecamatan=Tenggarong', `?village=${first.id}`]) {
      const seen = await dashboard(districtViewer, search)
      expect([seen.kecamatanChoices, seen.villages.map((v) => v.villageName), seen.districts.map((d) => d.kecamatan)], search).toEqual([
        ['Loa Sentosa'],
        ['Desa Sukamaju'],
        ['Loa Sentosa'],
      ])
      expect(seen.kecamatan, search).toBe('Loa Sentosa')
      expect(
        seen.months.reduce((sum, m) => sum + m.requestsReceived, 0),
        search,
      ).toBe(1)
    }
  })

  it("is refused to the villages' staff and to anonymous callers", async () => {
    for (const role of ['admin', 'editor', 'officer', 'head'] as const) {
      const staff = await staffOf(payload, first, role)
      expect((await call(staff, '/regency/dashboard')).status, role).toBe(403)
    }
    expect((await call(null, '/regency/dashboard')).status).toBe(403)
  })
})

describe("the export of the active villages' table", () => {
  it('is an XLSX workbook of the villages of the kecamatan asked for, the header in the account’s language', async () => {
    const answer = await exported(regencyViewer, 'xlsx', '?kecamatan=Tenggarong', 'en')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="desa-aktif-tenggarong.xlsx"')
    const [header, ...rows] = sheetOf(Buffer.from(await answer.arrayBuffer()))
    expect(header).toEqual([
      'Village',
      'Kecamatan',
      'Active (7 days)',
      'Staff last signed in',
      'Letters issued',
      'Articles published',
      'Requests',
      'Overdue',
      'Median days to letter',
      'Website up to date (article in 30 days)',
      'Services online',
      'Products promoted',
      'Podcast (episode in 90 days)',
      'Site visits (30 days)',
    ])
    expect(rows).toHaveLength(1)
    expect(rows[0].slice(0, 3)).toEqual(['Desa Sungai Lestari', 'Tenggarong', 'Yes'])
    expect(rows[0][4]).toBe('2')
    expect(rows[0][6]).toBe('5')
  })

  it("gives a regency viewer every village and a district viewer their kecamatan's, as a PDF too", async () => {
    const names = async (user: User, format: 'xlsx' | 'pdf') => {
      const answer = await exported(user, format)
      expect(answer.status).toBe(200)
      const bytes = Buffer.from(await answer.arrayBuffer())
      if (format === 'xlsx')
        return sheetOf(bytes)
          .slice(1)
          .map((row) => row[0])
      const text = pdfText(bytes)
      expect(text).toContain('Desa aktif')
      expect(text).toMatch(user === districtViewer ? /Kecamatan Loa Sentosa, dihitung \d/ : /Seluruh kabupaten, dihitung \d/)
      // The headers wrap into the narrow columns of fourteen.
      expect(text).toMatch(/Median/)
      expect(text).toMatch(/Situs terkini/)
      return ['Desa Sukamaju', 'Desa Sungai Lestari'].filter((name) => text.includes(name))
    }
    for (const format of ['xlsx', 'pdf'] as const) {
      expect(await names(regencyViewer, format), format).toEqual(['Desa Sukamaju', 'Desa Sungai Lestari'])
      expect(await names(districtViewer, format), format).toEqual(['Desa Sukamaju'])
    }
    const asked = sheetOf(Buffer.from(await (await exported(districtViewer, 'xlsx', '?kecamatan=Tenggarong')).arrayBuffer()))
    expect(asked.slice(1).map((row) => row[0])).toEqual(['Desa Sukamaju'])
  })

  it("is refused to a village's editor and officer, and to anonymous callers", async () => {
    for (const role of ['editor', 'officer'] as const)
      for (const format of ['xlsx', 'pdf'] as const)
        expect((await exported(await staffOf(payload, first, role), format)).status, `${role} ${format}`).toBe(403)
    expect((await exported(null, 'xlsx')).status).toBe(403)
  })
})
