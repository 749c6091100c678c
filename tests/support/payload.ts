import { getPayload, type Payload } from 'payload'
import type { Role } from '../../cms/access'
import type { User } from '../../cms/payload-types'

/** Real Payload on the in-memory SQLite database of this test file (see integration-env.ts). */
export const startPayload = async (): Promise<Payload> => {
  const { default: config } = await import('../../cms/payload.config')
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
