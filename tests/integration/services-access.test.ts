import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../cms/access'
import { formFieldsOf, prepareAnswers, submitRequest } from '../../cms/resident-services/requests'
import { recordAudit } from '../../cms/resident-services/audit'
import { issueLetter } from '../../cms/resident-services/letters'
import { attempt, createUser, startPayload } from '../support/payload'
import { applicant, seedServiceCatalog, serviceBySlug, setServiceKeys } from '../support/services'
import { idOf } from '../../cms/lib/relation'

type Actor = Role | 'anonymous'
type Operation = 'read' | 'create' | 'update' | 'delete'
const ACTORS: Actor[] = ['anonymous', 'producer', 'editor', 'officer', 'head', 'admin']
const STAFF: Actor[] = ['officer', 'head', 'admin']

/**
 * Residents' requests and letters are personal data: only officers, the village head and admins read them.
 * Requests are created by the public form (server code), letters by the workflow; the audit log is the
 * administrators' to read and nobody's to write.
 */
const allowed: Record<string, Partial<Record<Operation, Actor[]>>> = {
  services: { read: ACTORS, create: STAFF, update: STAFF, delete: STAFF },
  'service-requests': { read: STAFF, create: [], update: STAFF, delete: ['admin'] },
  letters: { read: STAFF, create: [], update: [], delete: ['admin'] },
  'audit-log': { read: ['admin'], create: [], update: [], delete: [] },
}

let payload: Payload
const users = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>
setServiceKeys()

beforeAll(async () => {
  payload = await startPayload()
  await seedServiceCatalog(payload)
  for (const role of ['admin', 'producer', 'editor', 'officer', 'head'] as const) users[role] = await createUser(payload, role)
})

const userOf = (actor: Actor) => (actor === 'anonymous' ? undefined : { ...users[actor], collection: 'users' as const })

const newRequest = async () => {
  const service = await serviceBySlug(payload, 'izin-keramaian')
  const answers = {
    ...applicant,
    nama_acara: 'Syukuran',
    tanggal_acara: '2026-12-20',
    tempat_acara: 'Balai desa',
    jumlah_tamu: '150',
    pernyataan: 'on',
  }
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)])
  const prepared = await prepareAnswers(formFieldsOf(service), answers, { foto_ktp: { name: 'ktp.pdf', data: pdf, size: pdf.length } }, [])
  return submitRequest(payload, service, answers, prepared.files)
}

it('refuses to delete a request whose letter still exists, with a clear message', async () => {
  const request = await newRequest()
  const letter = await issueLetter(payload, request.id)
  const admin = userOf('admin')
  await expect(
    payload.delete({ collection: 'service-requests', id: request.id, user: admin, overrideAccess: false }),
  ).rejects.toMatchObject({ status: 409, message: 'Permohonan ini sudah memiliki surat. Hapus suratnya lebih dulu.' })
  await payload.delete({ collection: 'letters', id: letter.id, user: admin, overrideAccess: false })
  await payload.delete({ collection: 'service-requests', id: request.id, user: admin, overrideAccess: false })
})

describe.each(ACTORS)('as %s', (actor) => {
  const user = () => userOf(actor)
  const may = (slug: string, op: Operation) => (allowed[slug][op] ?? []).includes(actor)
  const canRead = async (collection: 'service-requests' | 'letters' | 'audit-log', id: number) => {
    let found = 0
    await attempt(
      async () =>
        (found = (await payload.find({ collection, where: { id: { equals: id } }, user: user(), overrideAccess: false })).totalDocs),
    )
    return found > 0
  }

  it('reads and manages services as the table says', async () => {
    const service = await serviceBySlug(payload, 'keterangan-usaha')
    const { docs } = await payload.find({
      collection: 'services',
      where: { id: { equals: service.id } },
      user: user(),
      overrideAccess: false,
    })
    expect(docs.length > 0).toBe(may('services', 'read'))
    expect(
      await attempt(() =>
        payload.update({ collection: 'services', id: service.id, data: { processingDays: 3 }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('services', 'update'))
  })

  it('reads, changes and deletes requests, letters and the audit log only as the table says', async () => {
    const request = await newRequest()
    const letter = await issueLetter(payload, request.id)
    expect(await canRead('service-requests', request.id)).toBe(may('service-requests', 'read'))
    expect(await canRead('letters', letter.id)).toBe(may('letters', 'read'))
    await recordAudit(payload, { request: request.id, village: idOf(request.village), user: users.officer.id, action: 'view' })
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { request: { equals: request.id } },
      limit: 1,
      overrideAccess: true,
    })
    expect(await canRead('audit-log', docs[0].id)).toBe(may('audit-log', 'read'))
    expect(
      await attempt(() =>
        payload.create({
          collection: 'service-requests',
          data: { reference: 'ABCDEFGH', service: 1, applicantName: 'x', phone: '0812' } as never,
          user: user(),
          overrideAccess: false,
        }),
      ),
    ).toBe(may('service-requests', 'create'))
    expect(
      await attempt(() =>
        payload.update({
          collection: 'service-requests',
          id: request.id,
          data: { nextStatus: 'checking' },
          user: user(),
          overrideAccess: false,
        }),
      ),
    ).toBe(may('service-requests', 'update'))
    expect(
      await attempt(() =>
        payload.update({ collection: 'letters', id: letter.id, data: { signerName: 'Palsu' }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('letters', 'update'))
    expect(await attempt(() => payload.delete({ collection: 'letters', id: letter.id, user: user(), overrideAccess: false }))).toBe(
      may('letters', 'delete'),
    )
    expect(
      await attempt(() => payload.delete({ collection: 'service-requests', id: request.id, user: user(), overrideAccess: false })),
    ).toBe(may('service-requests', 'delete'))
  })

  it('sees a full NIK only as staff opening one request, and that view is audited', async () => {
    const request = await newRequest()
    let doc: Record<string, unknown> | null = null
    await attempt(
      async () =>
        (doc = (await payload.findByID({ collection: 'service-requests', id: request.id, user: user(), overrideAccess: false })) as never),
    )
    expect(doc?.['nik'] ?? null).toBe(STAFF.includes(actor) ? applicant.nik : null)
    expect(doc?.['nikEncrypted']).toBeUndefined()
    const views = await payload.find({
      collection: 'audit-log',
      where: { and: [{ request: { equals: request.id } }, { action: { equals: 'view' } }] },
      overrideAccess: true,
    })
    expect(views.totalDocs).toBe(STAFF.includes(actor) ? 1 : 0)
  })
})

describe('an officer', () => {
  it('changes the status only through allowed transitions, and is told the recorded facts cannot change', async () => {
    const request = await newRequest()
    const officer = userOf('officer')
    await expect(
      payload.update({
        collection: 'service-requests',
        id: request.id,
        data: { status: 'done' } as never,
        user: officer,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Status baru') })
    await expect(
      payload.update({
        collection: 'service-requests',
        id: request.id,
        data: { dueDate: '2000-01-01', timeline: [], nextStatus: 'checking' } as never,
        user: officer,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
    const changed = await payload.update({
      collection: 'service-requests',
      id: request.id,
      data: { nextStatus: 'checking' },
      user: officer,
      overrideAccess: false,
    })
    expect(changed).toMatchObject({ applicantName: applicant.nama, dueDate: request.dueDate, status: 'checking' })
    expect(changed.timeline).toHaveLength(2)
  })
})
