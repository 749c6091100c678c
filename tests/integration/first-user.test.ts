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
