import { expect, it } from 'vitest'
import { createUser, startPayload } from '../support/payload'

it('makes the very first account an administrator, whatever role it asked for', async () => {
  const payload = await startPayload()
  const first = await createUser(payload, 'editor')
  const second = await createUser(payload, 'editor')
  expect(first.role).toBe('admin')
  expect(second.role).toBe('editor')
})
