import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../cms/access'
import { createUser, startPayload } from '../support/payload'
import { savePodcast } from '../support/villageDocuments'

type Actor = Role | 'anonymous'
const ACTORS: Actor[] = ['anonymous', 'producer', 'editor', 'officer', 'head', 'admin']
const MEDIA_TEAM: Actor[] = ['editor', 'admin']

let payload: Payload
const users = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>
const userOf = (actor: Actor) => (actor === 'anonymous' ? undefined : { ...users[actor], collection: 'users' as const })
const allowed = (run: () => Promise<unknown>) =>
  run().then(
    () => true,
    (err) => {
      if ((err as { status?: number }).status === 403) return false
      // Refused on its content (400) means the access check let it through.
      if ((err as { status?: number }).status === 400) return true
      throw err
    },
  )

beforeAll(async () => {
  payload = await startPayload()
  for (const role of ['admin', 'producer', 'editor', 'officer', 'head'] as const) users[role] = await createUser(payload, role)
})

/** Everyone reads published news, terms and the show; only the media team writes them. */
describe.each(ACTORS)('as %s', (actor) => {
  const user = () => userOf(actor)
  const writes = MEDIA_TEAM.includes(actor)

  it.each(['categories', 'tags'] as const)('reads %s and writes them only as the media team', async (collection) => {
    const term = await payload.create({
      collection,
      data: { title: `Istilah ${actor}`, slug: `istilah-${collection}-${actor}` },
      overrideAccess: true,
    })
    expect((await payload.find({ collection, where: { id: { equals: term.id } }, user: user(), overrideAccess: false })).totalDocs).toBe(1)
    expect(
      await allowed(() =>
        payload.create({ collection, data: { title: 'Baru', slug: `baru-${collection}-${actor}` }, user: user(), overrideAccess: false }),
      ),
    ).toBe(writes)
    expect(
      await allowed(() => payload.update({ collection, id: term.id, data: { title: 'Ubah' }, user: user(), overrideAccess: false })),
    ).toBe(writes)
    expect(await allowed(() => payload.delete({ collection, id: term.id, user: user(), overrideAccess: false }))).toBe(writes)
  })

  it('reads the podcast show and describes it only as the media team', async () => {
    expect(await allowed(() => payload.find({ collection: 'podcast', user: user(), overrideAccess: false }))).toBe(true)
    expect(await allowed(() => savePodcast(payload, { copyright: `© ${actor}` }, { user: user(), overrideAccess: false }))).toBe(writes)
  })

  it('sees draft articles only as the media team', async () => {
    const body = { root: { type: 'root', version: 1, direction: null, format: '' as const, indent: 0, children: [] } }
    const draft = await payload.create({
      collection: 'news',
      data: { title: 'Draf', slug: `draf-${actor}`, body, _status: 'draft' },
      overrideAccess: true,
      draft: true,
    })
    const { totalDocs } = await payload.find({
      collection: 'news',
      where: { id: { equals: draft.id } },
      user: user(),
      overrideAccess: false,
      draft: true,
    })
    expect(totalDocs).toBe(writes ? 1 : 0)
  })
})
