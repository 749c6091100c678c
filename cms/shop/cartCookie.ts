import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CartLine } from './pricing'

const MAX_LINES = 30
export const MAX_QUANTITY = 99

type Stored = [productId: number | string, variantId: string, quantity: number, seenPrice?: number]

const sign = (body: string, secret: string) => createHmac('sha256', secret).update(`cart:${body}`).digest('base64url')

/** The cart as a signed cookie value: line ids, quantities and the prices the buyer saw (never trusted). */
export const encodeCart = (lines: CartLine[], secret: string): string => {
  const stored: Stored[] = lines
    .slice(0, MAX_LINES)
    .map((l) => [l.productId, l.variantId, l.quantity, l.seenPrice].filter((x) => x !== undefined) as Stored)
  const body = Buffer.from(JSON.stringify(stored)).toString('base64url')
  return `${body}.${sign(body, secret)}`
}

/** The cart in a cookie value, or an empty cart when it is missing, malformed or not signed by us. */
export const decodeCart = (value: string | undefined, secret: string): CartLine[] => {
  if (!value) return []
  const [body, mac] = value.split('.')
  if (!body || !mac) return []
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return []
  try {
    const stored = JSON.parse(Buffer.from(body, 'base64url').toString()) as Stored[]
    return stored
      .filter((s) => Array.isArray(s) && typeof s[1] === 'string' && Number.isInteger(s[2]) && s[2] > 0)
      .slice(0, MAX_LINES)
      .map(([productId, variantId, quantity, seenPrice]) => ({
        productId,
        variantId,
        quantity: Math.min(quantity, MAX_QUANTITY),
        ...(typeof seenPrice === 'number' ? { seenPrice } : {}),
      }))
  } catch {
    return []
  }
}

/** Adds a quantity of a variant, merging with a line of the same variant; a line never holds more than `max`. */
export const addLine = (lines: CartLine[], line: CartLine, max = MAX_QUANTITY): CartLine[] => {
  const cap = Math.min(max, MAX_QUANTITY)
  const existing = lines.find((l) => l.variantId === line.variantId && String(l.productId) === String(line.productId))
  if (!existing) return [...lines, { ...line, quantity: Math.min(line.quantity, cap) }].slice(0, MAX_LINES)
  return lines.map((l) =>
    l === existing ? { ...l, quantity: Math.min(l.quantity + line.quantity, cap), seenPrice: line.seenPrice ?? l.seenPrice } : l,
  )
}

/** Sets a line's quantity (at most `max`); zero removes it. */
export const setQuantity = (lines: CartLine[], variantId: string, quantity: number, max = MAX_QUANTITY): CartLine[] =>
  quantity <= 0
    ? lines.filter((l) => l.variantId !== variantId)
    : lines.map((l) => (l.variantId === variantId ? { ...l, quantity: Math.min(quantity, max, MAX_QUANTITY) } : l))

/** How many units the cart holds, for the count in the site's header. */
export const unitCount = (lines: CartLine[]) => lines.reduce((n, l) => n + l.quantity, 0)
