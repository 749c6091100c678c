import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../cms/access'
import { idOf } from '../../cms/lib/relation'
import { settingsOf } from '../../cms/villages/settings'
import { attempt, createUser, startPayload } from '../support/payload'

type Actor = Role | 'anonymous'
type Operation = 'read' | 'create' | 'update' | 'delete'
const ACTORS: Actor[] = ['anonymous', 'producer', 'editor', 'officer', 'head', 'admin', 'regency-admin']

/** A village's administrators, and the regency's: an administrator of every village. */
const ADMINS = ['admin', 'regency-admin'] as const
const MEDIA_TEAM = ['editor', ...ADMINS] as const

/**
 * Who may do what. Reads of published content are public; the media team manages content; only
 * administrators manage accounts and the village settings. Anything not listed here is denied.
 */
const allowed: Record<string, Partial<Record<Operation, Actor[]>>> = {
  pages: { read: ACTORS, create: [...MEDIA_TEAM], update: [...MEDIA_TEAM], delete: [...MEDIA_TEAM] },
  media: { read: ACTORS, create: ['producer', ...MEDIA_TEAM], update: [...MEDIA_TEAM], delete: [...MEDIA_TEAM] },
  users: { read: [...ADMINS], create: [...ADMINS], update: [...ADMINS], delete: [...ADMINS] },
  settings: { read: ACTORS, update: [...ADMINS] },
}

let payload: Payload
const users = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>

beforeAll(async () => {
  payload = await startPayload()
  users.admin = await createUser(payload, 'admin')
  for (const role of ['producer', 'editor', 'officer', 'head', 'regency-admin'] as const) users[role] = await createUser(payload, role)
})

const userOf = (actor: Actor) => (actor === 'anonymous' ? undefined : { ...users[actor], collection: 'users' as const })

describe.each(ACTORS)('as %s', (actor) => {
  const user = () => userOf(actor)
  const may = (slug: string, op: Operation) => (allowed[slug][op] ?? []).includes(actor)

  it('reads, creates, changes and deletes profile pages only as the table says', async () => {
    const page = await payload.create({
      collection: 'pages',
      data: { title: 'Uji', slug: `uji-${actor}`, _status: 'published' },
      overrideAccess: true,
    })
    const { docs } = await payload.find({ collection: 'pages', where: { id: { equals: page.id } }, user: user(), overrideAccess: false })
    expect(docs.length > 0).toBe(may('pages', 'read'))
    expect(
      await attempt(() =>
        payload.create({ collection: 'pages', data: { title: 'Baru', slug: `baru-${actor}` }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('pages', 'create'))
    expect(
      await attempt(() =>
        payload.update({ collection: 'pages', id: page.id, data: { title: 'Ubah' }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('pages', 'update'))
    expect(await attempt(() => payload.delete({ collection: 'pages', id: page.id, user: user(), overrideAccess: false }))).toBe(
      may('pages', 'delete'),
    )
  })

  it('sees drafts of profile pages only as the media team', async () => {
    const draft = await payload.create({
      collection: 'pages',
      data: { title: 'Draf', slug: `draf-${actor}`, _status: 'draft' },
      overrideAccess: true,
    })
    const { docs } = await payload.find({
      collection: 'pages',
      where: { id: { equals: draft.id } },
      user: user(),
      overrideAccess: false,
      draft: true,
    })
    expect(docs.length > 0).toBe((MEDIA_TEAM as readonly Actor[]).includes(actor))
  })

  it("manages other people's accounts only as an administrator", async () => {
    const other = await createUser(payload, 'officer')
    let found = 0
    await attempt(async () => {
      found = (await payload.find({ collection: 'users', where: { id: { equals: other.id } }, user: user(), overrideAccess: false }))
        .totalDocs
    })
    expect(found > 0).toBe(may('users', 'read'))
    expect(
      await attempt(() =>
        payload.create({
          collection: 'users',
          data: { email: `new-${actor}@desa.test`, password: 'kata-sandi-rahasia-123', name: 'Baru', role: 'editor' },
          user: user(),
          overrideAccess: false,
        }),
      ),
    ).toBe(may('users', 'create'))
    expect(
      await attempt(() =>
        payload.update({ collection: 'users', id: other.id, data: { name: 'Diubah' }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('users', 'update'))
    expect(await attempt(() => payload.delete({ collection: 'users', id: other.id, user: user(), overrideAccess: false }))).toBe(
      may('users', 'delete'),
    )
  })

  it("reads and edits the village's settings as the table says; nobody adds or removes them", async () => {
    const { id, village } = await settingsOf(payload, null, { depth: 0 })
    const { docs } = await payload.find({ collection: 'settings', where: { id: { equals: id } }, user: user(), overrideAccess: false })
    expect(docs.length > 0).toBe(may('settings', 'read'))
    expect(
      await attempt(() =>
        payload.update({ collection: 'settings', id, data: { name: `Desa ${actor}` }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('settings', 'update'))
    expect(
      await attempt(() =>
        payload.create({ collection: 'settings', data: { name: 'Kedua', village: idOf(village) }, user: user(), overrideAccess: false }),
      ),
    ).toBe(may('settings', 'create'))
    expect(await attempt(() => payload.delete({ collection: 'settings', id, user: user(), overrideAccess: false }))).toBe(
      may('settings', 'delete'),
    )
  })
})

describe('own account', () => {
  it('lets staff read and edit their own account but never their own role', async () => {
    const editor = await createUser(payload, 'editor')
    const self = { ...editor, collection: 'users' as const }
    const { docs } = await payload.find({ collection: 'users', user: self, overrideAccess: false })
    expect(docs.map((d) => d.id)).toEqual([editor.id])
    const updated = await payload.update({
      collection: 'users',
      id: editor.id,
      data: { name: 'Nama Baru', role: 'admin' },
      user: self,
      overrideAccess: false,
    })
    expect(updated.name).toBe('Nama Baru')
    expect(updated.role).toBe('editor')
  })
})
