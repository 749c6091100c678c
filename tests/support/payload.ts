import { getPayload, type Payload } from 'payload'
import type { Role } from '../../cms/access'
import type { User } from '../../cms/payload-types'

/** Where getPayload keeps the instance it hands out (payload/dist/index.js). */
const cachedInstances = () => (globalThis as { _payload?: Map<string, { payload: Payload | null }> })._payload

/**
 * Real Payload on a new in-memory SQLite database for this test file (see integration-env.ts). The files of a
 * worker share loaded modules, so the previous file's instance is closed and forgotten first.
 */
export const startPayload = async (): Promise<Payload> => {
  const { default: config } = await import('../../cms/payload.config')
  const previous = cachedInstances()?.get('default')
  if (previous) {
    cachedInstances()!.delete('default')
    await previous.payload?.destroy()
  }
  return getPayload({ config })
}
let counter = 0

/** A staff account with the given role, created as an admin would. */
export const createUser = async (payload: Payload, role: Role): Promise<User> => {
  counter += 1
  return payload.create({
    collection: 'users',
    data: { email: `${role}${counter}@desa.test`, password: 'kata-sandi-rahasia-123', name: `${role} ${counter}`, role },
    overrideAccess: true,
  })
}

/** An account acting through access control, as Payload's local API takes it. */
export const actingAs = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

/** A staff account of one village (named `name` when given), as that village's administrator would create it. */
export const staffOf = async (payload: Payload, village: { id: number }, role: Role, name?: string): Promise<User> => {
  const user = await createUser(payload, role)
  return payload.update({
    collection: 'users',
    id: user.id,
    data: { villages: [{ village: village.id }], ...(name && { name }) },
    overrideAccess: true,
  })
}

/** Whether an operation was allowed: true when it ran, false when access control refused it (403). */
export const attempt = async (run: () => Promise<unknown>): Promise<boolean> => {
  try {
    await run()
    return true
  } catch (err) {
    if ((err as { status?: number }).status === 403 || (err as Error).name === 'Forbidden') return false
    throw err
  }
}

/** Sends what is waiting in the email outbox now, as the server's job runner does every few seconds. */
export const deliverEmails = (payload: Payload) => payload.jobs.run({ queue: 'email', limit: 100 })

/** Sends what is waiting in the WhatsApp outbox now, as the server's job runner does every few seconds. */
export const deliverWhatsapp = (payload: Payload) => payload.jobs.run({ queue: 'whatsapp', limit: 100 })
