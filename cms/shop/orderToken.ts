import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { payloadSecret } from '../lib/secret'
import type { Order } from '../payload-types'

/**
 * The buyer's order link carries a token made from the order number with the server's secret (so later
 * emails can carry the link again); the order keeps only the token's SHA-256, so a copy of the database
 * opens no order page.
 */
export const orderLinkToken = (number: string) => createHmac('sha256', payloadSecret()).update(`order-link:${number}`).digest('base64url')

export const hashToken = (token: string) => `sha256:${createHash('sha256').update(token).digest('hex')}`

/**
 * Whether the link's token is the order's. Orders stored before tokens were hashed keep their token in
 * clear on MongoDB (the SQLite migration hashed them): those are compared the same way.
 */
export const tokenMatches = (order: Pick<Order, 'accessToken'>, token: string) => {
  const stored = Buffer.from(order.accessToken.startsWith('sha256:') ? order.accessToken : hashToken(order.accessToken))
  const given = Buffer.from(hashToken(token))
  return stored.length === given.length && timingSafeEqual(stored, given)
}
