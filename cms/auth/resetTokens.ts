import { createHash } from 'node:crypto'
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

/**
 * Password-reset tokens are kept only as their SHA-256: the emailed link holds the token, the database
 * its hash, so a copy of the database (a backup) opens nobody's account. Payload makes the token and
 * stores it through an update (hashed here), and looks it up by value (the link's token is hashed first).
 */
export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex')

const isHash = (value: string) => /^[0-9a-f]{64}$/.test(value)

export const storeResetTokenHashed: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.resetPasswordToken === 'string' && !isHash(data.resetPasswordToken))
    data.resetPasswordToken = hashResetToken(data.resetPasswordToken)
  return data
}

export const findResetTokenHashed: CollectionBeforeOperationHook = ({ args, operation }) => {
  const data = (args as { data?: { token?: unknown } }).data
  if (operation === 'resetPassword' && data && typeof data.token === 'string') data.token = hashResetToken(data.token)
  return args
}
