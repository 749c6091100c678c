import { createHash } from 'node:crypto'
import { ValidationError } from 'payload'
import { expect, it } from 'vitest'
import { createUser, startPayload } from '../support/payload'

it('holds a password reset from the emailed link to the same password rules as a change', async () => {
  const payload = await startPayload()
  await createUser(payload, 'admin')
  const user = await createUser(payload, 'officer')
  const token = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
  const reset = (password: string) => payload.resetPassword({ collection: 'users', data: { token, password }, overrideAccess: true })

  const refusal = (err: unknown) => (err instanceof ValidationError ? err.data.errors.map((e) => e.message) : err)
  expect(await reset('pendek1!').then(() => 'accepted', refusal)).toEqual(['Kata sandi minimal 10 karakter.'])
  expect(await reset(`${user.email}-2026`).then(() => 'accepted', refusal)).toEqual(['Kata sandi tidak boleh memuat alamat email akun.'])
  expect(await reset('Sungai-Mahakam-2026').then(() => 'accepted', refusal)).toBe('accepted')
  expect((await payload.login({ collection: 'users', data: { email: user.email, password: 'Sungai-Mahakam-2026' } })).user?.id).toBe(
    user.id,
  )
})

it('keeps only the hash of the emailed token, so a copy of the database resets nobody’s password', async () => {
  const payload = await startPayload()
  await createUser(payload, 'admin')
  const user = await createUser(payload, 'editor')
  const token = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
  const stored = await payload.db.findOne<{ id: number; resetPasswordToken?: string }>({
    collection: 'users',
    where: { id: { equals: user.id } },
  })
  expect(stored?.resetPasswordToken).not.toBe(token)
  expect(stored?.resetPasswordToken).toBe(createHash('sha256').update(token).digest('hex'))
  // The stored value itself opens nothing.
  const withStored = payload.resetPassword({
    collection: 'users',
    data: { token: stored!.resetPasswordToken!, password: 'Sungai-Mahakam-2026' },
    overrideAccess: true,
  })
  await expect(withStored).rejects.toThrow()
  await payload.resetPassword({ collection: 'users', data: { token: token, password: 'Sungai-Mahakam-2026' }, overrideAccess: true })
})
