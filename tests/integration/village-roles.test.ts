import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { VillageRole } from '../../cms/access'
import type { User, Village } from '../../cms/payload-types'
import { attachmentsEndpoint } from '../../cms/collections/ServiceRequests/attachments'
import { workflowActor } from '../../cms/collections/ServiceRequests/transition'
import { actingAs, createUser, staffOf, startPayload } from '../support/payload'
import { domicileRequest, seedServiceCatalog, setServiceKeys, sktmAwaitingSignature } from '../support/services'
import { letterDownloadEndpoint } from '../../cms/resident-services/letterEndpoint'
import { recordAudit } from '../../cms/resident-services/audit'
import { idOf } from '../../cms/lib/relation'
import { paragraph } from '../support/richText'

/**
 * A person may hold a different role in each village they belong to (a row of their `villages`): a regency's staff
 * edit one village's news and handle a neighbouring village's requests. The account's role is the default of rows
 * without one of their own.
 */
let payload: Payload
let first: Village
let second: Village
/** Editor of the first village (the account's role), officer of the second (the row's). */
let person: User
let news: { first: number; second: number }
let requests: { first: number; second: number }
/** A signed letter of the first village. */
let letter: number
setServiceKeys()

const article = (title: string, village: Village, status: 'draft' | 'published' = 'published') => ({
  title,
  slug: title.toLowerCase().replaceAll(' ', '-'),
  body: paragraph(title),
  _status: status,
  village: village.id,
})
const rejected = (run: Promise<unknown>) =>
  run.then(
    () => ({ status: 200 }),
    (err: { status?: number }) => err,
  )

beforeAll(async () => {
  payload = await startPayload()
  ;[first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await seedServiceCatalog(payload)
  // The install's first account is its administrator, whatever it is created as.
  await createUser(payload, 'admin')
  const { sign } = await sktmAwaitingSignature(payload, await createUser(payload, 'officer'), 'Budi Santoso')
  letter = idOf((await sign(await createUser(payload, 'head'))).letter)!
  const own = (await domicileRequest(payload)).request.id
  const moved = (await domicileRequest(payload)).request.id
  second = await payload.create({
    collection: 'villages',
    data: { name: 'Sukamaju', slug: 'sukamaju', code: '64.09.01.2002', status: 'active', domains: [{ host: 'sukamaju.localhost' }] },
    overrideAccess: true,
  })
  await payload.update({ collection: 'villages', id: first.id, data: { domains: [{ host: 'desa.localhost' }] }, overrideAccess: true })
  // A resident's request of the second village (its own catalogue is not needed to be refused or read).
  await payload.db.updateOne({ collection: 'service-requests', id: moved, data: { village: second.id } })
  requests = { first: own, second: moved }
  news = {
    first: (await payload.create({ collection: 'news', data: article('Kerja bakti', first), overrideAccess: true })).id,
    second: (await payload.create({ collection: 'news', data: article('Panen raya', second), overrideAccess: true })).id,
  }
  const editor = await createUser(payload, 'editor')
  person = await payload.update({
    collection: 'users',
    id: editor.id,
    data: { villages: [{ village: first.id }, { village: second.id, role: 'officer' }] },
    overrideAccess: true,
  })
})

describe('an editor of one village who is an officer of another', () => {
  it("edits the first village's news and not the second's", async () => {
    const changed = await payload.update({ collection: 'news', id: news.first, data: { title: 'Kerja bakti Minggu' }, ...actingAs(person) })
    expect(changed.title).toBe('Kerja bakti Minggu')
    const refused = await rejected(payload.update({ collection: 'news', id: news.second, data: { title: 'Diubah' }, ...actingAs(person) }))
    expect([403, 404]).toContain(refused.status)
    expect((await payload.findByID({ collection: 'news', id: news.second, overrideAccess: true })).title).toBe('Panen raya')
  })

  it("sees the drafts of the village whose media team they are in, and only what is published in the other's", async () => {
    const drafts = [
      await payload.create({ collection: 'news', data: article('Draf pertama', first, 'draft'), overrideAccess: true }),
      await payload.create({ collection: 'news', data: article('Draf kedua', second, 'draft'), overrideAccess: true }),
    ]
    const { docs } = await payload.find({
      collection: 'news',
      where: { id: { in: drafts.map((d) => d.id) } },
      draft: true,
      ...actingAs(person),
    })
    expect(docs.map((d) => d.title)).toEqual(['Draf pertama'])
  })

  it("reads the version history of the first village's news only", async () => {
    const { docs } = await payload.findVersions({
      collection: 'news',
      where: { parent: { in: [news.first, news.second] } },
      ...actingAs(person),
    })
    expect(docs.length).toBeGreaterThan(0)
    expect(new Set(docs.map((d) => d.parent))).toEqual(new Set([news.first]))
  })

  it("reads the second village's residents' requests and not the first's", async () => {
    const { docs } = await payload.find({
      collection: 'service-requests',
      where: { id: { in: [requests.first, requests.second] } },
      ...actingAs(person),
    })
    expect(docs.map((d) => d.id)).toEqual([requests.second])
  })

  it("sees the NIK of the second village's requests in full, as its officers do", async () => {
    const request = await payload.findByID({ collection: 'service-requests', id: requests.second, ...actingAs(person) })
    expect(request.nik).toBe('6402014508900003')
  })

  it("acts in each request's workflow with the role of the request's village", async () => {
    const head = await payload.update({
      collection: 'users',
      id: (await createUser(payload, 'officer')).id,
      data: { villages: [{ village: first.id, role: 'head' }, { village: second.id }] },
      overrideAccess: true,
    })
    expect(workflowActor({ context: {}, user: { ...head, collection: 'users' } }, first.id)).toBe('head')
    expect(workflowActor({ context: {}, user: { ...head, collection: 'users' } }, second.id)).toBe('officer')
  })

  it('creates in each village only what its role there allows: news in the first, services in the second', async () => {
    const written = await payload.create({ collection: 'news', data: article('Posyandu', first), ...actingAs(person) })
    expect(written.village).toMatchObject({ id: first.id })
    expect((await rejected(payload.create({ collection: 'news', data: article('Titipan', second), ...actingAs(person) }))).status).toBe(403)
    const service = (village: Village, slug: string) => ({
      name: 'Surat Pindah',
      slug,
      code: '474.2',
      summary: 'Pindah domisili.',
      fee: 0,
      processingDays: 3,
      village: village.id,
    })
    const created = await payload.create({ collection: 'services', data: service(second, 'surat-pindah'), ...actingAs(person) })
    expect(created.village).toMatchObject({ id: second.id })
    expect(
      (await rejected(payload.create({ collection: 'services', data: service(first, 'surat-pindah'), ...actingAs(person) }))).status,
    ).toBe(403)
  })

  it('cannot move a document into the village where their role does not allow it', async () => {
    const refused = await rejected(
      payload.update({ collection: 'news', id: news.first, data: { village: second.id }, ...actingAs(person) }),
    )
    expect([403, 404]).toContain(refused.status)
    expect((await payload.findByID({ collection: 'news', id: news.first, depth: 0, overrideAccess: true })).village).toBe(first.id)
  })

  it("downloads a resident's documents of the second village only, as do its officers; the first village's stay closed", async () => {
    const download = async (user: User, id: number) => {
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
      req.routeParams = { id: String(id), row: '0' }
      return (await attachmentsEndpoint.handler(req)).status
    }
    expect(await download(person, requests.second)).toBe(200)
    expect(await download(person, requests.first)).toBe(404)
    const officerOfSecond = await staffOf(payload, second, 'officer')
    expect(await download(officerOfSecond, requests.first)).toBe(404)
    expect(await download(await staffOf(payload, first, 'officer'), requests.first)).toBe(200)
  })

  it("finds none of the first village's signed letters, which its own staff download", async () => {
    const download = async (user: User) => {
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
      req.routeParams = { id: String(letter) }
      return (await letterDownloadEndpoint.handler(req)).status
    }
    expect(await download(person)).toBe(404)
    expect(await download(await staffOf(payload, second, 'officer'))).toBe(404)
    expect(await download(await staffOf(payload, first, 'head'))).toBe(200)
  })
})

describe("the roles of an account's villages", () => {
  it("are given by a village's administrator in their own village only, and never a regency role", async () => {
    const adminOfFirst = await staffOf(payload, first, 'admin')
    const rows = (village: Village, role?: VillageRole) => ({ village: village.id, ...(role && { role }) })
    const change = (villages: User['villages']) =>
      rejected(payload.update({ collection: 'users', id: person.id, data: { villages }, ...actingAs(adminOfFirst) }))

    // What a client may send whatever the types say.
    const regencyRow = { village: first.id, role: 'regency-admin' } as unknown as ReturnType<typeof rows>
    const regency = (await change([regencyRow, rows(second, 'officer')])) as { status: number; data?: { errors: object[] } }
    expect(regency.status).toBe(400)
    const otherRole = (await change([rows(first), rows(second, 'head')])) as { status: number; data?: { errors: object[] } }
    expect(otherRole.status).toBe(400)
    expect(otherRole.data?.errors).toEqual([
      expect.objectContaining({ path: 'villages', message: expect.stringMatching(/desa yang Anda kelola/) }),
    ])
    expect((await change([rows(first)])).status).toBe(400)

    const onlyFirst = await staffOf(payload, first, 'editor')
    const added = await rejected(
      payload.update({ collection: 'users', id: onlyFirst.id, data: { villages: [rows(first), rows(second)] }, ...actingAs(adminOfFirst) }),
    )
    expect(added.status).toBe(400)

    const changed = await payload.update({
      collection: 'users',
      id: person.id,
      data: { villages: [rows(first, 'head'), rows(second, 'officer')] },
      ...actingAs(adminOfFirst),
    })
    expect(changed.villages?.map((row) => row.role ?? null)).toEqual(['head', 'officer'])
    await payload.update({
      collection: 'users',
      id: person.id,
      data: { villages: [rows(first), rows(second, 'officer')] },
      overrideAccess: true,
    })
  })

  it("leave the account's own role to whoever administers every village it belongs to", async () => {
    const adminOfFirst = await staffOf(payload, first, 'admin')
    const kept = await payload.update({ collection: 'users', id: person.id, data: { role: 'admin' }, ...actingAs(adminOfFirst) })
    expect(kept.role).toBe('editor')
    const onlyFirst = await staffOf(payload, first, 'officer')
    const raised = await payload.update({ collection: 'users', id: onlyFirst.id, data: { role: 'head' }, ...actingAs(adminOfFirst) })
    expect(raised.role).toBe('head')
  })

  it("make an administrator of one village who edits another's news an administrator of the first only", async () => {
    const both = await createUser(payload, 'admin')
    const adminHere = await payload.update({
      collection: 'users',
      id: both.id,
      data: { villages: [{ village: first.id }, { village: second.id, role: 'editor' }] },
      overrideAccess: true,
    })
    const account = await payload.create({
      collection: 'users',
      data: { email: 'baru@desa.test', password: 'kata-sandi-rahasia-123', name: 'Baru', role: 'officer' },
      ...actingAs(adminHere),
    })
    expect(account.villages?.map((row) => (typeof row.village === 'object' ? row.village.id : row.village))).toEqual([first.id])
    const ofSecond = await staffOf(payload, second, 'officer')
    const seen = await payload.find({ collection: 'users', where: { id: { in: [account.id, ofSecond.id] } }, ...actingAs(adminHere) })
    expect(seen.docs.map((u) => u.id)).toEqual([account.id])
    const { id: settings } = (
      await payload.find({ collection: 'settings', where: { village: { equals: second.id } }, overrideAccess: true })
    ).docs[0]
    const refused = await rejected(
      payload.update({ collection: 'settings', id: settings, data: { name: 'Diambil' }, ...actingAs(adminHere) }),
    )
    expect([403, 404]).toContain(refused.status)
  })

  it("keeps each village's audit log to its own administrators: what an officer saw or corrected there is theirs to read", async () => {
    await recordAudit(payload, {
      request: requests.first,
      village: first.id,
      action: 'correct',
      before: 'Budi Santoso',
      after: 'Budi Santosa',
    })
    await recordAudit(payload, { request: requests.second, village: second.id, action: 'view' })
    const entriesSeenBy = async (user: User) =>
      (await payload.find({ collection: 'audit-log', depth: 0, limit: 100, ...actingAs(user) })).docs.map((d) => idOf(d.request))
    const seenBySecond = await entriesSeenBy(await staffOf(payload, second, 'admin'))
    expect(seenBySecond).toContain(requests.second)
    expect(seenBySecond).not.toContain(requests.first)
    expect(await entriesSeenBy(await staffOf(payload, first, 'admin'))).not.toContain(requests.second)
  })
})
