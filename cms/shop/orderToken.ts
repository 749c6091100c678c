import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { payloadSecret } from '../lib/secret'
import type { Order } from '../payload-types'

/**
 * The buyer's order link carries a token made from the order number with the server's secret (so later
 * emails can carry the link again); the order keeps only the token's SHA-256, so a copy of the database
 * opens no order page.
 */
export const orderLinkToken = (number: string) => createHmac('sha256', payloadSecret()).update(`order-link:${number}`).digest('base64url')

/**
 * The link of a checkout on the regency's portal (its orders, one per village): made from the group's id with the
 * server's secret, so the id alone, which every order of the group keeps, opens nothing.
 */
export const groupLinkToken = (group: string) => createHmac('sha256', payloadSecret()).update(`checkout-group:${group}`).digest('base64url')

/** Whether `token` is the link's token of the checkout group `group`, compared in constant time. */
export const groupTokenMatches = (group: string, token: string) => {
  const expected = Buffer.from(groupLinkToken(group))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

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
