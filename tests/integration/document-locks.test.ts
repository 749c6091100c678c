import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../cms/payload-types'
import { createUser, startPayload } from '../support/payload'

/**
 * When a colleague is editing a document, the admin says who: the lock's holder is named for staff, who may
 * otherwise read only their own account (Payload would show "Pengguna: 3").
 */
let payload: Payload
let admin: User
let officer: User
let head: User
let producer: User

beforeAll(async () => {
  payload = await startPayload()
  // The first account is always the administrator.
  admin = await createUser(payload, 'admin')
  officer = await createUser(payload, 'officer')
  head = await createUser(payload, 'head')
  producer = await createUser(payload, 'producer')
})

const locksAs = (user: User) =>
  payload.find({ collection: 'payload-locked-documents', depth: 1, user: { ...user, collection: 'users' }, overrideAccess: false })

describe('a document lock', () => {
  it("names its holder to other staff, with nothing else of the holder's account", async () => {
    const service = await payload.create({
      collection: 'services',
      data: { name: 'Uji', slug: 'uji-kunci', code: '470', summary: 'Uji', fee: 0, processingDays: 3 },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'services', value: service.id }, globalSlug: null, user: { relationTo: 'users', value: head.id } },
      overrideAccess: true,
    })
    expect(
      await payload.find({
        collection: 'users',
        where: { id: { equals: head.id } },
        user: { ...officer, collection: 'users' },
        overrideAccess: false,
      }),
    ).toMatchObject({ totalDocs: 0 })
    const [lock] = (await locksAs(officer)).docs
    expect(lock.user.value).toEqual({ id: head.id, name: head.name, email: `${head.name} (${head.email})`, collection: 'users' })
    const [seenByAdmin] = (await locksAs(admin)).docs
    expect(seenByAdmin.user.value).toMatchObject({ id: head.id, email: `${head.name} (${head.email})` })
    const [seenByProducer] = (await locksAs(producer)).docs
    expect(seenByProducer?.user.value ?? head.id).toBe(head.id)
  })
})
