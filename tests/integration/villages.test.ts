import type { Payload } from 'payload'
import type { User, Village } from '../../cms/payload-types'
import { villageSender } from '../../cms/notify/emailAdapter'
import { VILLAGE_COLLECTIONS, VILLAGE_DOCUMENTS } from '../../cms/plugins/villages'
import { absoluteUrlOnHost, sitePageUrl } from '../../cms/lib/urls'
import { inRegencyPortal, inVillage } from '../../cms/villages/current'
import { makeRegencyAdministrator } from '../../cms/villages/regency'
import { activeVillage, siteForRequest, villageForHost } from '../../cms/villages/resolve'
import { villageAddress } from '../../cms/villages/siteUrl'
import { EmbeddedEngine } from '../../cms/search/embedded'
import { setSearchEngine } from '../../cms/search/engine'
import { villageFilter } from '../../cms/search/filters'
import { getSearch, reindexAll } from '../../cms/search/sync'
import { settingsOf } from '../../cms/villages/settings'
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser, startPayload, actingAs, staffOf } from '../support/payload'
import { paragraph } from '../support/richText'

let payload: Payload
let first: Village

/** A village as a request carries it: with the first of its domains, where its links point. */
const ref = (village: Village) => ({ id: village.id, slug: village.slug, ...(village.domains?.[0] && { host: village.domains[0].host }) })
const article = (title: string, village?: Village) => ({
  title,
  slug: 'pasar-murah',
  body: paragraph(title),
  _status: 'published' as const,
  ...(village && { village: village.id }),
})

beforeAll(async () => {
  payload = await startPayload()
  ;[first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
})

describe('an install of one village', () => {
  it('has its village from the start, and every host shows it', async () => {
    expect((await payload.count({ collection: 'villages', overrideAccess: true })).totalDocs).toBe(1)
    expect(await villageForHost(payload, 'localhost:3000')).toEqual(ref(first))
    expect(await villageForHost(payload, 'desa-mana-saja.example.id')).toEqual(ref(first))
  })

  it('keeps its village active: archiving the last one is refused with a reason', async () => {
    const archived = await payload
      .update({ collection: 'villages', id: first.id, data: { status: 'archived' }, overrideAccess: true })
      .catch((err) => err)
    expect(archived.status).toBe(400)
    expect(archived.data.errors).toEqual([expect.objectContaining({ path: 'status', message: expect.stringMatching(/terakhir/) })])
  })

  it('gives new documents and new accounts its village without being told', async () => {
    const news = await payload.create({ collection: 'news', data: article('Kerja bakti'), overrideAccess: true })
    expect(news.village).toMatchObject({ id: first.id })
    const officer = await createUser(payload, 'officer')
    expect(officer.villages?.map((row) => (typeof row.village === 'object' ? row.village.id : row.village))).toEqual([first.id])
  })
})

describe('two villages on one install', () => {
  let second: Village
  let editorOfFirst: User
  let secondArticle: number

  beforeAll(async () => {
    first = await payload.update({
      collection: 'villages',
      id: first.id,
      data: { domains: [{ host: 'desa.localhost' }] },
      overrideAccess: true,
    })
    second = await payload.create({
      collection: 'villages',
      data: { name: 'Sukamaju', slug: 'sukamaju', code: '64.09.01.2002', status: 'active', domains: [{ host: 'Sukamaju.Localhost' }] },
      overrideAccess: true,
    })
    editorOfFirst = await staffOf(payload, first, 'editor')
    secondArticle = (await payload.create({ collection: 'news', data: article('Panen raya Sukamaju', second), overrideAccess: true })).id
  })

  it('serve each village on its own hosts and no village on any other host', async () => {
    expect(await villageForHost(payload, 'desa.localhost:4321')).toEqual(ref(first))
    expect(await villageForHost(payload, 'sukamaju.localhost')).toEqual(ref(second))
    expect(await villageForHost(payload, 'SUKAMAJU.localhost.')).toEqual(ref(second))
    expect(await villageForHost(payload, 'localhost:3000')).toBeNull()
    expect(await villageForHost(payload, '127.0.0.1')).toBeNull()
  })

  it('let each village use the same slug once', async () => {
    const again = await payload
      .create({ collection: 'news', data: article('Pasar murah lagi', second), overrideAccess: true })
      .catch((err) => err)
    expect(again.status).toBe(400)
    expect(again.data.errors).toEqual([expect.objectContaining({ path: 'slug', message: 'Nilai harus unik' })])
  })

  it('show anonymous readers only the village of their request, and refuse them outside one', async () => {
    const titles = async () =>
      (await payload.find({ collection: 'news', where: { slug: { equals: 'pasar-murah' } }, overrideAccess: false })).docs.map(
        (d) => d.title,
      )
    expect(await inVillage(ref(first), titles)).toEqual(['Kerja bakti'])
    expect(await inVillage(ref(second), titles)).toEqual(['Panen raya Sukamaju'])
    await expect(titles()).rejects.toMatchObject({ status: 403 })
  })

  it('keep staff of one village out of every document of the other, whatever they ask', async () => {
    for (const role of ['admin', 'editor', 'officer', 'head', 'producer'] as const) {
      const staff = role === 'editor' ? editorOfFirst : await staffOf(payload, first, role)
      for (const collection of [...VILLAGE_COLLECTIONS, ...VILLAGE_DOCUMENTS]) {
        const found = await payload
          .find({ collection: collection, where: { village: { equals: second.id } }, ...actingAs(staff) })
          .catch((err) => (err.status === 403 ? null : Promise.reject(err)))
        expect(found?.totalDocs ?? 0, `${role} in ${collection}`).toBe(0)
      }
    }
    await expect(payload.findByID({ collection: 'news', id: secondArticle, ...actingAs(editorOfFirst) })).rejects.toMatchObject({
      status: 404,
    })
    const changed = await payload
      .update({ collection: 'news', id: secondArticle, data: { title: 'Diubah dari desa lain' }, ...actingAs(editorOfFirst) })
      .catch((err) => err)
    expect([403, 404]).toContain(changed.status)
    const removed = await payload.delete({ collection: 'news', id: secondArticle, ...actingAs(editorOfFirst) }).catch((err) => err)
    expect([403, 404]).toContain(removed.status)
    const placed = await payload
      .create({ collection: 'news', data: { ...article('Titipan', second), slug: 'titipan' }, ...actingAs(editorOfFirst) })
      .catch((err) => err)
    expect(placed.status).toBe(400)
    expect((await payload.findByID({ collection: 'news', id: secondArticle, overrideAccess: true })).title).toBe('Panen raya Sukamaju')
  })

  it('give each village its own settings, named as its record, read on its own hosts and mailed from', async () => {
    const own = await settingsOf(payload, second.id)
    expect(own).toMatchObject({ name: 'Sukamaju', villageCode: '64.09.01.2002' })
    expect((await settingsOf(payload, first.id)).id).not.toBe(own.id)
    const names = async () => (await payload.find({ collection: 'settings', overrideAccess: false })).docs.map((d) => d.name)
    expect(await inVillage(ref(second), names)).toEqual(['Sukamaju'])
    expect(await inVillage(ref(first), names)).not.toContain('Sukamaju')
    const again = await payload
      .create({ collection: 'settings', data: { name: 'Sukamaju lagi', village: second.id }, overrideAccess: true })
      .catch((err) => err)
    expect(again.status).toBe(400)
    await payload.update({ collection: 'settings', id: own.id, data: { name: 'Desa Sukamaju', kecamatan: 'Waru' }, overrideAccess: true })
    expect(await payload.findByID({ collection: 'villages', id: second.id, overrideAccess: true })).toMatchObject({
      name: 'Desa Sukamaju',
      kecamatan: 'Waru',
      code: '64.09.01.2002',
    })
    expect((await inVillage(ref(second), () => villageSender(payload))).name).toBe('Desa Sukamaju')
    expect((await inVillage(ref(first), () => villageSender(payload))).name).not.toBe('Desa Sukamaju')
  })

  it("refuse staff of one village the other's settings", async () => {
    const adminOfFirst = await staffOf(payload, first, 'admin')
    const { id } = await settingsOf(payload, second.id, { depth: 0 })
    const changed = await payload
      .update({ collection: 'settings', id, data: { name: 'Diambil alih' }, ...actingAs(adminOfFirst) })
      .catch((err) => err)
    expect([403, 404]).toContain(changed.status)
    expect((await settingsOf(payload, second.id)).name).not.toBe('Diambil alih')
  })

  it('put what staff create in their own village, and accounts they create too', async () => {
    const own = await payload.create({ collection: 'news', data: { ...article('Posyandu'), slug: 'posyandu' }, ...actingAs(editorOfFirst) })
    expect(own.village).toMatchObject({ id: first.id })
    const adminOfSecond = await staffOf(payload, second, 'admin')
    const created = await payload.create({
      collection: 'users',
      data: { email: 'petugas@sukamaju.test', password: 'kata-sandi-rahasia-123', name: 'Petugas', role: 'officer' },
      ...actingAs(adminOfSecond),
    })
    expect(created.villages?.map((row) => (typeof row.village === 'object' ? row.village.id : row.village))).toEqual([second.id])
    const seen = await payload.find({ collection: 'users', ...actingAs(adminOfSecond), limit: 100 })
    expect(seen.docs.map((u) => u.email).sort()).toEqual([adminOfSecond.email, 'petugas@sukamaju.test'].sort())
  })

  it("let the regency's administrator reach every village, add one, and write into the village of the request", async () => {
    const regency = await createUser(payload, 'regency-admin')
    const titles = (await payload.find({ collection: 'news', where: { slug: { equals: 'pasar-murah' } }, ...actingAs(regency) })).docs
    expect(titles.map((d) => d.title).sort()).toEqual(['Kerja bakti', 'Panen raya Sukamaju'])
    const changed = await payload.update({
      collection: 'news',
      id: secondArticle,
      data: { title: 'Panen raya 2026' },
      ...actingAs(regency),
    })
    expect(changed.title).toBe('Panen raya 2026')
    const written = await inVillage(ref(second), () =>
      payload.create({ collection: 'news', data: { ...article('Dari kabupaten'), slug: 'dari-kabupaten' }, ...actingAs(regency) }),
    )
    expect(written.village).toMatchObject({ id: second.id })

    const village = { name: 'Sidomulyo', slug: 'sidomulyo', status: 'active' as const, domains: [{ host: 'sidomulyo.localhost' }] }
    const refused = await payload
      .create({ collection: 'villages', data: village, ...actingAs(await staffOf(payload, first, 'admin')) })
      .catch((err) => err)
    expect(refused.status).toBe(403)
    const unnamed = await payload
      .create({ collection: 'villages', data: { ...village, firstAdmin: { email: 'lurah@sidomulyo.test' } }, ...actingAs(regency) })
      .catch((err) => err)
    expect(unnamed.status).toBe(400)
    expect(unnamed.data.errors).toEqual([
      expect.objectContaining({ path: 'firstAdmin.name', message: expect.stringMatching(/nama administrator pertama/) }),
    ])
    const added = await payload.create({
      collection: 'villages',
      data: { ...village, firstAdmin: { email: 'Lurah@Sidomulyo.test', name: 'Lurah Sidomulyo', language: 'en' } },
      ...actingAs(regency),
    })
    expect(await settingsOf(payload, added.id)).toMatchObject({ name: 'Sidomulyo' })
    expect(await villageForHost(payload, 'sidomulyo.localhost')).toEqual(ref(added))
    const [invited] = (
      await payload.find({ collection: 'users', where: { email: { equals: 'lurah@sidomulyo.test' } }, overrideAccess: true, depth: 0 })
    ).docs
    expect(invited).toMatchObject({
      role: 'admin',
      name: 'Lurah Sidomulyo',
      language: 'en',
      villages: [expect.objectContaining({ village: added.id })],
    })
    expect((await payload.findByID({ collection: 'villages', id: added.id, overrideAccess: true })).firstAdmin?.email ?? null).toBeNull()
  })

  it("keep the regency's role and accounts to the regency: a village's administrator can neither take nor touch them", async () => {
    const adminOfFirst = await staffOf(payload, first, 'admin')
    const regency = await createUser(payload, 'regency-admin')
    const raised = await payload
      .update({ collection: 'users', id: adminOfFirst.id, data: { role: 'regency-admin' }, ...actingAs(adminOfFirst) })
      .catch((err) => err)
    expect(raised.status).toBe(400)
    expect(raised.data.errors).toEqual([
      expect.objectContaining({ path: 'role', message: expect.stringMatching(/administrator kabupaten/) }),
    ])
    const made = await payload
      .create({
        collection: 'users',
        data: { email: 'kabupaten@desa.test', password: 'kata-sandi-rahasia-123', name: 'Palsu', role: 'regency-admin' },
        ...actingAs(adminOfFirst),
      })
      .catch((err) => err)
    expect(made.status).toBe(400)
    const taken = await payload
      .update({ collection: 'users', id: regency.id, data: { email: 'diambil@desa.test' }, ...actingAs(adminOfFirst) })
      .catch((err) => err)
    expect([403, 404]).toContain(taken.status)
    const removed = await payload.delete({ collection: 'users', id: regency.id, ...actingAs(adminOfFirst) }).catch((err) => err)
    expect([403, 404]).toContain(removed.status)
    expect((await payload.findByID({ collection: 'users', id: regency.id, overrideAccess: true })).email).toBe(regency.email)

    const promoted = await payload.update({
      collection: 'users',
      id: adminOfFirst.id,
      data: { role: 'regency-admin' },
      ...actingAs(regency),
    })
    expect(promoted.role).toBe('regency-admin')
  })

  it("make the regency's first administrator on the server, by the account's email", async () => {
    const officer = await staffOf(payload, first, 'officer')
    expect((await makeRegencyAdministrator(payload, ` ${officer.email.toUpperCase()} `)).role).toBe('regency-admin')
    await expect(makeRegencyAdministrator(payload, 'tidak-ada@desa.test')).rejects.toThrow(/No account has the email tidak-ada@desa\.test/)
  })
})

describe("the regency's own host", () => {
  const REGENCY_HOST = 'kabupaten.localhost'
  let sukamaju: Village
  let tanjung: Village

  beforeAll(async () => {
    sukamaju = (await payload.find({ collection: 'villages', where: { slug: { equals: 'sukamaju' } }, overrideAccess: true })).docs[0]
    await payload.updateGlobal({ slug: 'regency', data: { name: 'Kabupaten Kutai Kartanegara', domains: [{ host: REGENCY_HOST }] } })
    tanjung = await payload.create({
      collection: 'villages',
      data: { name: 'Tanjung', slug: 'tanjung', kecamatan: 'Waru', status: 'active' },
      overrideAccess: true,
    })
    await payload.create({ collection: 'news', data: { ...article('Festival Tanjung', tanjung), slug: 'festival' }, overrideAccess: true })
  })

  it('serves the portal at its root, and under /desa/<slug>/ the villages without a domain of their own', async () => {
    expect(await siteForRequest(payload, `${REGENCY_HOST}:4321`, '/')).toEqual({ portal: true })
    expect(await siteForRequest(payload, REGENCY_HOST, '/en/berita?desa=tanjung')).toEqual({ portal: true })
    const inTanjung = { id: tanjung.id, slug: 'tanjung', host: REGENCY_HOST, base: '/desa/tanjung' }
    expect(await siteForRequest(payload, REGENCY_HOST, '/desa/tanjung/en/berita?halaman=2')).toEqual({
      village: inTanjung,
      path: '/en/berita?halaman=2',
    })
    expect(await siteForRequest(payload, REGENCY_HOST, '/desa/tanjung')).toEqual({ village: inTanjung, path: '/' })
    expect(await siteForRequest(payload, REGENCY_HOST, '/desa/tanjung?q=1')).toEqual({ village: inTanjung, path: '/?q=1' })
    expect(await siteForRequest(payload, REGENCY_HOST, '/desa/tidak-ada/')).toBeNull()
    // A village's own host does not serve the others under /desa/.
    expect(await siteForRequest(payload, 'sukamaju.localhost', '/desa/tanjung/')).toEqual({
      village: ref(sukamaju),
      path: '/desa/tanjung/',
    })
  })

  it('sends visitors of a village that has a domain of its own there, to the same page', async () => {
    expect(await siteForRequest(payload, REGENCY_HOST, '/desa/sukamaju/berita/panen?x=1')).toEqual({
      moved: absoluteUrlOnHost('sukamaju.localhost', '/berita/panen?x=1'),
    })
  })

  it("links a village's pages to its path on the regency's host, and its admin to that host's root", async () => {
    const address = await villageAddress(payload, tanjung)
    expect(address.site('/verifikasi/AB12')).toBe(absoluteUrlOnHost(REGENCY_HOST, '/desa/tanjung/verifikasi/AB12'))
    expect(address.admin('/admin')).toBe(absoluteUrlOnHost(REGENCY_HOST, '/admin'))
    expect((await villageAddress(payload, sukamaju)).site('/')).toBe(absoluteUrlOnHost('sukamaju.localhost', '/'))
    const inTanjung = (await activeVillage(payload, tanjung.id))!
    expect(inVillage(inTanjung, () => sitePageUrl('/pesanan/DD-1'))).toBe(absoluteUrlOnHost(REGENCY_HOST, '/desa/tanjung/pesanan/DD-1'))
  })

  it("shows the portal's anonymous readers the published news of every active village, and none of an archived one", async () => {
    const read = async (overrideAccess: boolean) =>
      (
        await payload.find({
          collection: 'news',
          where: {
            and: [{ slug: { in: ['festival', 'pasar-murah'] } }, ...(overrideAccess ? [{ _status: { equals: 'published' } }] : [])],
          },
          overrideAccess,
          sort: 'title',
          depth: 0,
        })
      ).docs.map((d) => `${d.title} (${d.village})`)
    const everyVillage = await read(true)
    expect(new Set(everyVillage.map((t) => t.replace(/^.*\((\d+)\)$/, '$1'))).size).toBe(3)
    expect(await inRegencyPortal(() => read(false))).toEqual(everyVillage)
    await payload.update({ collection: 'villages', id: tanjung.id, data: { status: 'archived' }, overrideAccess: true })
    expect(await inRegencyPortal(() => read(false))).toEqual(everyVillage.filter((t) => t !== `Festival Tanjung (${tanjung.id})`))
    await payload.update({ collection: 'villages', id: tanjung.id, data: { status: 'active' }, overrideAccess: true })
  })

  it("refuses a host as both the regency's and a village's, with the reason, whichever is saved second", async () => {
    const asVillage = await payload
      .update({ collection: 'villages', id: tanjung.id, data: { domains: [{ host: REGENCY_HOST }] }, overrideAccess: true })
      .catch((err) => err)
    expect(asVillage.status).toBe(400)
    expect(asVillage.data.errors[0].message).toMatch(/kabupaten\.localhost adalah host portal kabupaten/)
    const asRegency = await payload
      .updateGlobal({ slug: 'regency', data: { domains: [{ host: 'sukamaju.localhost' }] } })
      .catch((err) => err)
    expect(asRegency.status).toBe(400)
    expect(asRegency.data.errors[0].message).toMatch(/sukamaju\.localhost sudah menjadi domain sebuah desa/)
  })
})

describe('what the regency publishes to every village', () => {
  let sukamaju: Village
  let regencyAdmin: User
  let shared: number

  beforeAll(async () => {
    sukamaju = (await payload.find({ collection: 'villages', where: { slug: { equals: 'sukamaju' } }, overrideAccess: true })).docs[0]
    regencyAdmin = await createUser(payload, 'regency-admin')
    shared = (
      await payload.create({
        collection: 'news',
        data: { ...article('Musrenbang kabupaten 2027', first), slug: 'musrenbang-2027', forEveryVillage: true },
        ...actingAs(regencyAdmin),
      })
    ).id
  })

  it("is read on every village's site, beside the village's own news", async () => {
    const titles = async () =>
      (await payload.find({ collection: 'news', overrideAccess: false, depth: 0, limit: 100 })).docs.map((d) => d.title)
    for (const village of [first, sukamaju]) expect(await inVillage(ref(village), titles)).toContain('Musrenbang kabupaten 2027')
    expect(await inVillage(ref(first), titles)).toContain('Kerja bakti')
    expect(await inVillage(ref(sukamaju), titles)).not.toContain('Kerja bakti')
  })

  it("is found by every village's search, indexed once with the village it belongs to", async () => {
    setSearchEngine(new EmbeddedEngine())
    await reindexAll(payload)
    const search = await getSearch(payload)
    const titles = async (text: string) =>
      (
        await search.search({
          index: 'news',
          text,
          filter: { and: [await villageFilter(payload), { field: 'locale', op: 'eq', value: 'id' }] },
        })
      ).hits.map((h) => h.document.title)
    for (const village of [first, sukamaju])
      expect(await inVillage(ref(village), () => titles('musrenbang'))).toEqual(['Musrenbang kabupaten 2027'])
    expect(await inVillage(ref(first), () => titles('kerja bakti'))).toEqual(['Kerja bakti'])
    expect(await inVillage(ref(sukamaju), () => titles('kerja bakti'))).toEqual([])
  })

  it("is changed only by the regency's administrators: the village's own media team and administrator are refused", async () => {
    for (const role of ['editor', 'admin'] as const) {
      const staff = await staffOf(payload, first, role)
      await expect(
        payload.update({ collection: 'news', id: shared, data: { title: 'Diubah desa' }, ...actingAs(staff) }),
      ).rejects.toMatchObject({
        status: 403,
      })
      await expect(payload.delete({ collection: 'news', id: shared, ...actingAs(staff) })).rejects.toMatchObject({ status: 403 })
      // Their own articles stay theirs, and they cannot make one the regency's.
      const own = await payload.create({
        collection: 'news',
        data: { ...article(`Kabar ${role}`, first), slug: `kabar-${role}`, forEveryVillage: true },
        ...actingAs(staff),
      })
      expect(own.forEveryVillage).toBe(false)
      expect(
        (await payload.update({ collection: 'news', id: own.id, data: { forEveryVillage: true }, ...actingAs(staff) })).forEveryVillage,
      ).toBe(false)
    }
    const changed = await payload.update({
      collection: 'news',
      id: shared,
      data: { title: 'Musrenbang kabupaten 2027 (jadwal baru)' },
      ...actingAs(regencyAdmin),
    })
    expect(changed.title).toBe('Musrenbang kabupaten 2027 (jadwal baru)')
  })
})
