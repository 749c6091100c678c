import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User, Village, VillageStatistic } from '../../cms/payload-types'
import { refreshVillageStatistics } from '../../cms/regency/statistics'
import { makeRegencyAdministrator } from '../../cms/villages/regency'
import { inVillage } from '../../cms/villages/current'
import { createUser, startPayload, actingAs, staffOf } from '../support/payload'
import { paragraph } from '../support/richText'
import { applicant, domicileRequest, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'

let payload: Payload
let first: Village
let sukamaju: Village
let regencyAdmin: User
setServiceKeys()

const PASSWORD = 'kata-sandi-rahasia-123'
const ref = (village: Village) => ({ id: village.id, slug: village.slug })
const viewer = (role: 'regency-viewer' | 'district-viewer', kecamatan?: string) =>
  payload.create({
    collection: 'users',
    data: {
      email: `${role}-${(kecamatan ?? 'semua').replace(/\W+/g, '-').toLowerCase()}@kab.test`,
      password: PASSWORD,
      name: `Pemantau ${kecamatan ?? 'kabupaten'}`,
      role,
      kecamatan,
    },
    ...actingAs(regencyAdmin),
  })
const rows = async (user: User) =>
  (await payload.find({ collection: 'village-statistics', sort: 'villageName', ...actingAs(user) })).docs.map((r) => r.villageName)
const rowOf = async (village: Village): Promise<VillageStatistic> =>
  (await payload.find({ collection: 'village-statistics', where: { village: { equals: village.id } }, overrideAccess: true })).docs[0]

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

  // Sungai Lestari (Tenggarong): one letter signed, one request waiting, one article.
  const [officer, head] = [await staffOf(payload, first, 'officer'), await staffOf(payload, first, 'head')]
  await inVillage(ref(first), async () => {
    await (await sktmAwaitingSignature(payload, officer, 'Siti Aminah')).sign(head)
    await domicileRequest(payload)
  })
  await payload.create({
    collection: 'news',
    data: { title: 'Kerja bakti', slug: 'kerja-bakti', body: paragraph('Kerja bakti.'), _status: 'published', village: first.id },
    overrideAccess: true,
  })
  // Sukamaju (Loa Sentosa): one request past its due date; its officer signs in.
  const { request } = await inVillage(ref(sukamaju), () => domicileRequest(payload))
  await payload.db.updateOne({ collection: 'service-requests', id: request.id, data: { dueDate: '2026-01-05' } })
  const officerOfSukamaju = await staffOf(payload, sukamaju, 'officer')
  await payload.login({ collection: 'users', data: { email: officerOfSukamaju.email, password: PASSWORD } })

  await payload.jobs.queue({ task: 'refreshVillageStatistics', input: {}, queue: 'regency' })
  await payload.jobs.run({ queue: 'regency' })
})

describe("the regency's village statistics", () => {
  it("count each village's requests, letters and news from its data, and hold nothing about any resident", async () => {
    expect(await rowOf(first)).toMatchObject({
      villageName: 'Desa Sungai Lestari',
      kecamatan: 'Tenggarong',
      requestsReceived: 2,
      requestsOpen: 1,
      requestsOverdue: 0,
      requestsDone: 1,
      lettersSigned: 1,
      newsPublished: 1,
      productsListed: 0,
      ordersPaid: 0,
      active: true,
    })
    expect((await rowOf(first)).medianDaysToDone).toBeLessThan(0.1)
    const other = await rowOf(sukamaju)
    expect(other).toMatchObject({ kecamatan: 'Loa Sentosa', requestsReceived: 1, requestsOpen: 1, requestsOverdue: 1, requestsDone: 0 })
    expect(other.medianDaysToDone).toBeNull()
    expect(Date.now() - Date.parse(other.lastStaffSignIn!)).toBeLessThan(60_000)
    const everything = JSON.stringify(await payload.find({ collection: 'village-statistics', overrideAccess: true }))
    for (const personal of [applicant.nama, applicant.nik, applicant.telepon, 'Siti Aminah']) expect(everything).not.toContain(personal)
  })

  it('call a village inactive when neither its staff signed in nor its data changed in the last seven days', async () => {
    const later = new Date(Date.now() + 8 * 86_400_000)
    await refreshVillageStatistics(payload, later)
    expect([(await rowOf(first)).active, (await rowOf(sukamaju)).active]).toEqual([false, false])
    await refreshVillageStatistics(payload)
    expect((await rowOf(sukamaju)).active).toBe(true)
  })

  it('are read by a regency viewer for every village, by a district viewer for their kecamatan only, by village staff not at all', async () => {
    expect(await rows(await viewer('regency-viewer'))).toEqual(['Desa Sukamaju', 'Desa Sungai Lestari'])
    expect(await rows(await viewer('district-viewer', 'Loa Sentosa'))).toEqual(['Desa Sukamaju'])
    expect(await rows(regencyAdmin)).toHaveLength(2)
    for (const role of ['admin', 'officer', 'head', 'editor'] as const) {
      const refused = await payload
        .find({ collection: 'village-statistics', ...actingAs(await staffOf(payload, first, role)) })
        .catch((err) => err)
      expect(refused.status, role).toBe(403)
    }
  })
})

describe('the regency and district viewers', () => {
  it('read nothing but the statistics and their own account: no request, letter, order or account of any village', async () => {
    const watchers = [await viewer('regency-viewer', 'x'), await viewer('district-viewer', 'Tenggarong')]
    // Payload's record of migrations has no API routes (`endpoints: false`): only the server's code reads it.
    const slugs = payload.config.collections
      .map((c) => c.slug)
      .filter((slug) => !['village-statistics', 'village-monthly-statistics', 'payload-migrations'].includes(slug))
    for (const watcher of watchers) {
      for (const collection of slugs) {
        const found = await payload
          .find({ collection, depth: 0, ...actingAs(watcher) })
          .catch((err) => (err.status === 403 ? null : Promise.reject(err)))
        const ids = (found?.docs ?? []).map((d) => d.id)
        expect(ids, `${watcher.role} in ${collection}`).toEqual(collection === 'users' ? [watcher.id] : [])
      }
      await expect(
        payload.update({ collection: 'village-statistics', where: {}, data: { requestsDone: 99 }, ...actingAs(watcher) }),
      ).rejects.toMatchObject({ status: 403 })
    }
  })

  it('are made only by a regency administrator, and a district viewer names the kecamatan watched', async () => {
    const villageAdmin = await staffOf(payload, first, 'admin')
    const byVillage = await payload
      .create({
        collection: 'users',
        data: { email: 'pantau@desa.test', password: PASSWORD, name: 'Pantau', role: 'regency-viewer' },
        ...actingAs(villageAdmin),
      })
      .catch((err) => err)
    expect(byVillage.status).toBe(400)
    expect(byVillage.data.errors).toEqual([
      expect.objectContaining({ path: 'role', message: expect.stringMatching(/administrator kabupaten/) }),
    ])
    const nameless = await payload
      .create({
        collection: 'users',
        data: { email: 'camat@kab.test', password: PASSWORD, name: 'Camat', role: 'district-viewer' },
        ...actingAs(regencyAdmin),
      })
      .catch((err) => err)
    expect(nameless.data.errors).toEqual([expect.objectContaining({ path: 'kecamatan', message: expect.stringMatching(/kecamatan/) })])
  })
})

describe('counting again', () => {
  it('are counted again once for a burst of villages added, not once per village', async () => {
    for (const n of [1, 2, 3])
      await payload.create({
        collection: 'villages',
        data: { name: `Desa Baru ${n}`, slug: `baru-${n}`, kecamatan: 'Waru', status: 'active' },
        overrideAccess: true,
      })
    const waiting = { taskSlug: { equals: 'refreshVillageStatistics' }, completedAt: { exists: false } }
    expect((await payload.count({ collection: 'payload-jobs', where: waiting, overrideAccess: true })).totalDocs).toBe(1)
    await payload.jobs.run({ queue: 'regency' })
    expect(
      (await payload.count({ collection: 'village-statistics', where: { kecamatan: { equals: 'Waru' } }, overrideAccess: true })).totalDocs,
    ).toBe(3)
  })

  it('are asked for again after a count that gave up', async () => {
    const waiting = { taskSlug: { equals: 'refreshVillageStatistics' }, completedAt: { exists: false }, hasError: { not_equals: true } }
    await payload.update({ collection: 'villages', id: sukamaju.id, data: { kecamatan: 'Loa Janan' }, overrideAccess: true })
    // The job's retries spent, as Payload leaves it.
    await payload.update({ collection: 'payload-jobs', where: waiting, data: { hasError: true }, overrideAccess: true })
    await payload.update({ collection: 'villages', id: sukamaju.id, data: { kecamatan: 'Loa Sentosa' }, overrideAccess: true })
    expect((await payload.count({ collection: 'payload-jobs', where: waiting, overrideAccess: true })).totalDocs).toBe(1)
  })
})
