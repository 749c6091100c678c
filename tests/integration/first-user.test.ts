import { expect, it } from 'vitest'
import { makeRegencyAdministrator } from '../../cms/villages/regency'
import { createUser, startPayload } from '../support/payload'

it('makes the very first account an administrator, whatever role it asked for', async () => {
  const payload = await startPayload()
  const first = await createUser(payload, 'editor')
  const second = await createUser(payload, 'editor')
  expect(first.role).toBe('admin')
  expect(second.role).toBe('editor')
})

it("lets the install's only administrator become the regency's, who still cannot give up being an administrator", async () => {
  const payload = await startPayload()
  const first = await createUser(payload, 'editor')
  expect((await makeRegencyAdministrator(payload, first.email)).role).toBe('regency-admin')
  const demoted = await payload
    .update({ collection: 'users', id: first.id, data: { role: 'editor' }, overrideAccess: true })
    .catch((err) => err)
  expect(demoted.status).toBe(400)
  expect(JSON.stringify(demoted.data.errors)).toMatch(/administrator terakhir/)
})

it("keeps the install's only administrator from giving up the role through the row of their village", async () => {
  const payload = await startPayload()
  const first = await createUser(payload, 'editor')
  const [village] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  const asEditorThere = { villages: [{ village: village.id, role: 'editor' as const }] }
  const demoted = await payload.update({ collection: 'users', id: first.id, data: asEditorThere, overrideAccess: true }).catch((err) => err)
  expect(demoted.status).toBe(400)
  expect(JSON.stringify(demoted.data.errors)).toMatch(/administrator terakhir/)

  // Once another account administers the village, the first may become its editor.
  const second = await createUser(payload, 'editor')
  await payload.update({
    collection: 'users',
    id: second.id,
    data: { villages: [{ village: village.id, role: 'admin' }] },
    overrideAccess: true,
  })
  const editor = await payload.update({ collection: 'users', id: first.id, data: asEditorThere, overrideAccess: true })
  expect(editor.villages?.[0]?.role).toBe('editor')
})
