import type { MigrateUpArgs } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { up } from '../../cms/migrations/sqlite/20261201_161858_i12_trust_hash_tokens'
import { placeOrder } from '../../cms/shop/orders'
import { tokenMatches } from '../../cms/shop/orderToken'
import { createUser, startPayload } from '../support/payload'
import { checkoutFor, createProduct } from '../support/shop'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  await payload?.db.destroy?.()
})

it('hashes the order and password-reset tokens of an existing database; links already sent keep working', async () => {
  // As an older version stored them: the tokens themselves.
  const order = await placeOrder(payload, checkoutFor(await createProduct(payload), 1))
  const sentLink = 'dGhlLW9sZC1yYW5kb20tdG9rZW4tb2YtYS1saW5r'
  await payload.db.updateOne({ collection: 'orders', id: order.id, data: { accessToken: sentLink } })
  await createUser(payload, 'admin')
  const user = await createUser(payload, 'officer')
  const emailedReset = 'a'.repeat(40)
  await payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { resetPasswordToken: emailedReset, resetPasswordExpiration: new Date(Date.now() + 3_600_000).toISOString() },
  })

  await up({ db: (payload.db as unknown as { drizzle: MigrateUpArgs['db'] }).drizzle, payload } as MigrateUpArgs)

  const stored = await payload.db.findOne<{ id: number; accessToken: string }>({
    collection: 'orders',
    where: { id: { equals: order.id } },
  })
  expect(stored!.accessToken).toMatch(/^sha256:[0-9a-f]{64}$/)
  expect(tokenMatches(stored!, sentLink)).toBe(true)
  expect(tokenMatches(stored!, stored!.accessToken)).toBe(false)
  await payload.resetPassword({ collection: 'users', data: { token: emailedReset, password: 'Sungai-Mahakam-2026' }, overrideAccess: true })
})
