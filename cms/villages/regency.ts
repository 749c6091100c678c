import type { Payload } from 'payload'
import { ConfigProblem } from '../lib/problem'

/**
 * Makes the account with this email a regency administrator (an administrator of every village), as the server's
 * operator does for the regency's first one; later ones are made in the admin by a regency administrator.
 */
export const makeRegencyAdministrator = async (payload: Payload, email: string) => {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email.trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!docs[0])
    throw new ConfigProblem(`No account has the email ${email}: create it first (Tidak ada akun dengan email ${email}: buat dulu akunnya).`)
  return payload.update({ collection: 'users', id: docs[0].id, data: { role: 'regency-admin' }, overrideAccess: true })
}
