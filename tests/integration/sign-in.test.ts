import crypto from 'node:crypto'
import { syncBuiltinESMExports } from 'node:module'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser, startPayload } from '../support/payload'

let payload: Payload
const hashings: string[] = []
const pbkdf2 = crypto.pbkdf2

beforeAll(async () => {
  payload = await startPayload()
  // Observe (not replace) the password hashing Node does for each sign-in.
  crypto.pbkdf2 = (...args: Parameters<typeof pbkdf2>) => {
    hashings.push(`${args[2]} iterations, ${args[3]} bytes, ${args[4]}`)
    return pbkdf2(...args)
  }
  syncBuiltinESMExports()
})

afterAll(async () => {
  crypto.pbkdf2 = pbkdf2
  syncBuiltinESMExports()
  await payload?.db.destroy?.()
})

const failedSignIn = async (email: string) => {
  hashings.length = 0
  const error = await payload.login({ collection: 'users', data: { email, password: 'salah-kata-sandi-1' } }).catch((err: Error) => err)
  return { message: (error as Error).message, hashings: [...hashings] }
}

it('costs an unknown email the same password hashing as a wrong password, with the same answer', async () => {
  const user = await createUser(payload, 'officer')
  const known = await failedSignIn(user.email)
  const unknown = await failedSignIn('tidak-ada@desa.test')
  expect(known.hashings).toHaveLength(1)
  expect(unknown.hashings).toEqual(known.hashings)
  expect(unknown.message).toBe(known.message)
})
