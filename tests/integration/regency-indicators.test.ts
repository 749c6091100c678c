import { createLocalReq, type Payload, type Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { atomicStore } from '../../cms/instances/atomicStore'
import { witaDate } from '../../cms/lib/wita'
import type { User, Village, VillageStatistic } from '../../cms/payload-types'
import { dashboardOf, type Dashboard } from '../../cms/regency/dashboard'
import { refreshVillageStatistics } from '../../cms/regency/statistics'
import { inVillage } from '../../cms/villages/current'
import { makeRegencyAdministrator } from '../../cms/villages/regency'
import { actingAs, createUser, startPayload } from '../support/payload'
import { pdfText } from '../support/pdf'
import { paragraph } from '../support/richText'
import { seedServiceCatalog, setServiceKeys } from '../support/services'
import { createProduct } from '../support/shop'
import { sheetOf } from '../support/xlsx'

let payload: Payload
let first: Village
let sukamaju: Village
let regencyAdmin: User
let regencyViewer: User
let districtViewer: User
setServiceKeys()

const DAY = 86_400_000
const started = Date.now()
const ref = (village: Village) => ({ id: village.id, slug: village.slug })
const at = (ms: number) => new Date(ms).toISOString()

const viewer = (role: 'regency-viewer' | 'district-viewer', kecamatan?: string) =>
  payload.create({
    collection: 'users',
    data: { email: `${role}@kab.test`, password: 'kata-sandi-rahasia-123', name: `Pemantau ${role}`, role, kecamatan },
    ...actingAs(regencyAdmin),
  })
const reqOf = (user: User, search = '', language = 'id') =>
  createLocalReq({ user: { ...user, collection: 'users' }, urlSuffix: `/api/regency${search}` }, payload).then((req) => {
    req.i18n = { ...req.i18n, language }
    return req
  })
/** The dashboard as this account reads it at `now`. */
const dashboardAt = async (user: User, now: number, needsHelp = false) => dashboardOf(await reqOf(user), { needsHelp }, new Date(now))
const rowIn = (dashboard: Dashboard, village: Village) => dashboard.villages.find((row) => row.village === village.id)!
const statisticsOf = async (village: Village): Promise<VillageStatistic> =>
  (await payload.find({ collection: 'village-statistics', where: { village: { equals: village.id } }, overrideAccess: true })).docs[0]
const call = async (user: User, endpoint: string, search = '', routeParams: Record<string, string> = {}, language = 'id') => {
  const handler = payload.config.endpoints.find((e) => e.path === endpoint)!.handler
  const req = await createLocalReq({ user: { ...user, collection: 'users' }, urlSuffix: `/api${endpoint}${search}` }, payload)
  req.routeParams = routeParams
  req.i18n = { ...req.i18n, language }
  return handler(req)
}
const waiting: Where = { and: [{ taskSlug: { equals: 'countVillage' } }, { completedAt: { exists: false } }] }
const waitingCounts = async (village: Village) =>
  (await payload.find({ collection: 'payload-jobs', where: waiting, overrideAccess: true, pagination: false })).docs.filter(
    (job) => (job.input as { village?: number }).village === village.id,
  ).length
const article = (village: Village, slug: string, publishedAt: number, status: 'published' | 'draft' = 'published') =>
  payload.create({
    collection: 'news',
    data: { title: slug, slug, body: paragraph('Kabar desa.'), _status: status, publishedAt: at(publishedAt), village: village.id },
    draft: status === 'draft',
    overrideAccess: true,
  })

beforeAll(async () => {
  payload = await startPayload()
  ;[first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await seedServiceCatalog(payload)
  sukamaju = await payload.create({
    collection: 'villages',
    data: { name: 'Desa Sukamaju', slug: 'sukamaju', kecamatan: 'Loa Sentosa', status: 'active' },
    overrideAccess: true,
  })
  regencyAdmin = await createUser(payload, 'admin')
  await makeRegencyAdministrator(payload, regencyAdmin.email)
  regencyAdmin = await payload.findByID({ collection: 'users', id: regencyAdmin.id, overrideAccess: true })
  regencyViewer = await viewer('regency-viewer')
  districtViewer = await viewer('district-viewer', 'Loa Sentosa')
  await refreshVillageStatistics(payload)
  await payload.jobs.run({ queue: 'regency' })

  // Sungai Lestari (Tenggarong): its services, an episode 89 days ago, page views 29 and 30 days ago.
  await payload.db.create({
    collection: 'episodes',
    data: {
      title: 'Obrolan pasar',
      slug: 'obrolan-pasar',
      episodeType: 'full',
      _status: 'published',
      publishedAt: at(started - 89 * DAY),
      village: first.id,
    },
  })
  await atomicStore(payload).addVisits(first.id, witaDate(new Date(started - 29 * DAY)), 3)
  await atomicStore(payload).addVisits(first.id, witaDate(new Date(started - 30 * DAY)), 100)
  // Sukamaju (Loa Sentosa): an article still a draft, its services (given to a new village) closed to online
  // requests, no product, episode or visit.
  await article(sukamaju, 'rapat-desa', started - DAY, 'draft')
  await payload.update({
    collection: 'services',
    where: { village: { equals: sukamaju.id } },
    data: { active: false },
    overrideAccess: true,
  })
})

describe("a village's indicators of the provincial assessment", () => {
  it('are counted into its row when its articles, products or services change, once for a burst of saves', async () => {
    await article(first, 'kerja-bakti', started - 29 * DAY)
    await inVillage(ref(first), () => createProduct(payload))
    expect(await waitingCounts(first)).toBe(1)
    await payload.jobs.run({ queue: 'regency' })
    expect(await waitingCounts(first)).toBe(0)
    const row = await statisticsOf(first)
    expect(row).toMatchObject({
      lastArticleAt: at(started - 29 * DAY),
      lastEpisodeAt: at(started - 89 * DAY),
      productsListed: 1,
      visitsByDay: { [witaDate(new Date(started - 29 * DAY))]: 3, [witaDate(new Date(started - 30 * DAY))]: 100 },
    })
    expect(row.servicesActive).toBeGreaterThan(0)
    expect(await statisticsOf(sukamaju)).toMatchObject({ lastArticleAt: null, lastEpisodeAt: null, servicesActive: 0, productsListed: 0 })
  })

  it('are evaluated against the time they are read: an article in 30 days, an episode in 90 days, a visit in 30 days', async () => {
    const now = await dashboardAt(regencyViewer, Date.now())
    expect(rowIn(now, first)).toMatchObject({
      websiteCurrent: true,
      servicesOnline: true,
      productsPromoted: true,
      mediaActive: true,
      visited: true,
      recentVisits: 3,
      needsHelp: false,
    })
    expect(rowIn(now, sukamaju)).toMatchObject({
      websiteCurrent: false,
      servicesOnline: false,
      productsPromoted: false,
      mediaActive: false,
      visited: false,
      recentVisits: 0,
      needsHelp: true,
    })
    const articleAt = started - 29 * DAY
    expect(rowIn(await dashboardAt(regencyViewer, articleAt + 30 * DAY), first).websiteCurrent).toBe(true)
    expect(rowIn(await dashboardAt(regencyViewer, articleAt + 30 * DAY + 1), first)).toMatchObject({
      websiteCurrent: false,
      needsHelp: true,
    })
    const episodeAt = started - 89 * DAY
    expect(rowIn(await dashboardAt(regencyViewer, episodeAt + 90 * DAY), first).mediaActive).toBe(true)
    expect(rowIn(await dashboardAt(regencyViewer, episodeAt + 90 * DAY + 1), first).mediaActive).toBe(false)
    // The window is today and the 29 days before it (WITA): the views of 30 days ago are left out, and a day later those of 29 too.
    expect(rowIn(await dashboardAt(regencyViewer, started + DAY), first)).toMatchObject({ recentVisits: 0, visited: false })
  })

  it("count neither drafts, nor the regency's articles, nor a product taken off sale", async () => {
    await payload.create({
      collection: 'news',
      data: {
        title: 'Berita kabupaten',
        slug: 'berita-kabupaten',
        body: paragraph('Untuk semua desa.'),
        _status: 'published',
        forEveryVillage: true,
        village: sukamaju.id,
      },
      overrideAccess: true,
    })
    await inVillage(ref(sukamaju), () => createProduct(payload, undefined, { status: 'draft' }))
    await payload.jobs.run({ queue: 'regency' })
    expect(await statisticsOf(sukamaju)).toMatchObject({ lastArticleAt: null, productsListed: 0 })
  })
})

describe('villages that need help', () => {
  it('are listed alone when asked, with their number per kecamatan', async () => {
    const help = (await (await call(regencyViewer, '/regency/dashboard', '?help=1')).json()) as Dashboard
    expect(help.needsHelp).toBe(true)
    expect(help.villages.map((row) => row.villageName)).toEqual(['Desa Sukamaju'])
    expect(help.districts.map((d) => [d.kecamatan, d.villages, d.needsHelp])).toEqual([
      ['Loa Sentosa', 1, 1],
      ['Tenggarong', 1, 0],
    ])
    const all = (await (await call(regencyViewer, '/regency/dashboard')).json()) as Dashboard
    expect(all.villages.map((row) => row.villageName)).toEqual(['Desa Sukamaju', 'Desa Sungai Lestari'])
  })

  it("are a district viewer's own kecamatan's only, whichever kecamatan is asked for", async () => {
    const help = (await (await call(districtViewer, '/regency/dashboard', '?help=1&kecamatan=Tenggarong')).json()) as Dashboard
    expect(help.villages.map((row) => row.villageName)).toEqual(['Desa Sukamaju'])
    expect(help.districts.map((d) => d.kecamatan)).toEqual(['Loa Sentosa'])
    const shown = JSON.stringify(help)
    expect(shown).not.toContain('Sungai Lestari')
  })

  it('are exported with the indicators as columns, in words, as XLSX and PDF', async () => {
    const answer = await call(regencyViewer, '/regency/active-villages/:format', '?help=1', { format: 'xlsx' }, 'en')
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="desa-perlu-bantuan.xlsx"')
    const [header, ...rows] = sheetOf(Buffer.from(await answer.arrayBuffer()))
    expect(header.slice(-5)).toEqual([
      'Website up to date (article in 30 days)',
      'Services online',
      'Products promoted',
      'Podcast (episode in 90 days)',
      'Site visits (30 days)',
    ])
    expect(rows).toEqual([expect.arrayContaining(['Desa Sukamaju'])])
    expect(rows[0].slice(-5)).toEqual(['✗ No, never', '✗ No, 0 services', '✗ No, 0 products', '✗ No, never', '✗ No, 0 page views'])
    const [, ...everyone] = sheetOf(
      Buffer.from(await (await call(regencyViewer, '/regency/active-villages/:format', '', { format: 'xlsx' }, 'id')).arrayBuffer()),
    )
    const lestari = everyone.find((row) => row[0] === 'Desa Sungai Lestari')!
    expect(lestari.slice(-5)).toEqual([
      expect.stringMatching(/^✓ Ya, terakhir \d/),
      expect.stringMatching(/^✓ Ya, \d+ layanan$/),
      '✓ Ya, 1 produk',
      expect.stringMatching(/^✓ Ya, terakhir \d/),
      '✓ Ya, 3 tampilan',
    ])
    const pdf = pdfText(
      new Uint8Array(await (await call(districtViewer, '/regency/active-villages/:format', '?help=1', { format: 'pdf' })).arrayBuffer()),
    )
    expect(pdf).toContain('Desa yang perlu bantuan')
    expect(pdf).toContain('Desa Sukamaju')
    expect(pdf).not.toContain('Sungai Lestari')
  })
})

describe('counting again after a change', () => {
  it('counts two changes in quick succession, and one made while a count runs', async () => {
    const before = await statisticsOf(sukamaju)
    await article(sukamaju, 'pasar-murah', Date.now() - 2 * DAY)
    const latest = Date.now() - DAY
    await article(sukamaju, 'gotong-royong', latest)
    expect(await waitingCounts(sukamaju)).toBe(1)
    // The waiting count taken by a runner: the next change asks for another, as that one may have read before it.
    await payload.update({ collection: 'payload-jobs', where: waiting, data: { processing: true }, overrideAccess: true })
    await inVillage(ref(sukamaju), () => createProduct(payload))
    expect(await waitingCounts(sukamaju)).toBe(2)
    await payload.update({ collection: 'payload-jobs', where: waiting, data: { processing: false }, overrideAccess: true })
    await payload.jobs.run({ queue: 'regency' })
    expect(await statisticsOf(sukamaju)).toMatchObject({
      lastArticleAt: at(latest),
      newsPublished: before.newsPublished! + 2,
      productsListed: before.productsListed! + 1,
    })
  })

  it("keeps a village's newer figures when the count of every village, which read before the change, ends after its count", async () => {
    let release!: () => void
    let paused!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const reached = new Promise<void>((resolve) => (paused = resolve))
    const find = payload.find.bind(payload)
    let pauses = 1
    // The full count pauses once, after reading Sukamaju's articles and before writing its row.
    payload.find = (async (args: Parameters<Payload['find']>[0]) => {
      if (args.collection === 'site-visits' && JSON.stringify(args.where).includes(`"${sukamaju.id}"`) && pauses-- > 0) {
        paused()
        await gate
      }
      return find(args)
    }) as Payload['find']
    try {
      const everyVillage = refreshVillageStatistics(payload)
      await reached
      const newest = Date.now()
      await article(sukamaju, 'panen-raya', newest)
      await payload.jobs.run({ queue: 'regency' })
      expect((await statisticsOf(sukamaju)).lastArticleAt).toBe(at(newest))
      release()
      await everyVillage
      expect((await statisticsOf(sukamaju)).lastArticleAt).toBe(at(newest))
    } finally {
      payload.find = find
    }
  })
})
