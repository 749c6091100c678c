import type { ShopMessage } from './messages'

/**
 * QRIS, Bank Indonesia's QR standard, is an EMVCo merchant-presented payload: a string of data objects, each a
 * two-digit id, a two-digit length and that many characters, some of them templates of further objects. The
 * last object is the CRC (id 63): CRC-16/CCITT-FALSE over the UTF-8 bytes of everything before its value,
 * "6304" included. A village's static code (point of initiation 11, no amount) becomes an order's dynamic
 * code by setting point of initiation 12, the amount (id 54) and the order number as bill number (id 62,
 * sub-object 01), then recomputing the CRC: the buyer's app shows the exact total and cannot change it.
 */

export type DataObject = { id: string; value: string }

/** A payload the shop refuses, with the message (`qris.*` of the shop's catalogue) that says why. */
export class QrisError extends Error {
  constructor(readonly reason: Extract<ShopMessage, { code: `qris.${string}` }>) {
    super(`QRIS refused: ${reason.code}`)
  }
}

const PAYLOAD_FORMAT = '00'
const POINT_OF_INITIATION = '01'
const CURRENCY = '53'
const AMOUNT = '54'
const TIP_OBJECTS = ['55', '56', '57']
const COUNTRY = '58'
const MERCHANT_NAME = '59'
const MERCHANT_CITY = '60'
const ADDITIONAL_DATA = '62'
const BILL_NUMBER = '01'
const CRC = '63'
const STATIC = '11'
const DYNAMIC = '12'
const RUPIAH = '360'

/** Lengths count characters, not UTF-16 units or bytes (the EMVCo sample has Chinese names). */
const charCount = (text: string) => Array.from(text).length

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR), as four upper-case hex digits. */
export const crc16 = (text: string): string => {
  let crc = 0xffff
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

/** The data objects of a payload or template, in order; throws when the text is not a sequence of them. */
export const parseObjects = (text: string): DataObject[] => {
  const chars = Array.from(text)
  const objects: DataObject[] = []
  let at = 0
  while (at < chars.length) {
    const head = chars.slice(at, at + 4).join('')
    if (!/^\d{4}$/.test(head)) throw new QrisError({ code: 'qris.malformed', params: { position: at + 1 } })
    const length = Number(head.slice(2))
    if (at + 4 + length > chars.length) throw new QrisError({ code: 'qris.malformed', params: { position: at + 1 } })
    objects.push({ id: head.slice(0, 2), value: chars.slice(at + 4, at + 4 + length).join('') })
    at += 4 + length
  }
  return objects
}

export const serializeObjects = (objects: DataObject[]): string =>
  objects.map(({ id, value }) => `${id}${String(charCount(value)).padStart(2, '0')}${value}`).join('')

const valueOf = (objects: DataObject[], id: string) => objects.find((o) => o.id === id)?.value

/** The data objects of any EMVCo merchant-presented payload whose structure and CRC are right. */
export const parseEmv = (payload: string): DataObject[] => {
  const text = payload.trim()
  if (!text) throw new QrisError({ code: 'qris.empty' })
  const objects = parseObjects(text)
  if (objects[0]?.id !== PAYLOAD_FORMAT || objects[0].value !== '01') throw new QrisError({ code: 'qris.notEmv' })
  const last = objects.at(-1)
  if (last?.id !== CRC || !/^[0-9A-Fa-f]{4}$/.test(last.value) || objects.filter((o) => o.id === CRC).length !== 1)
    throw new QrisError({ code: 'qris.noCrc' })
  const expected = crc16(text.slice(0, -4))
  if (last.value.toUpperCase() !== expected) throw new QrisError({ code: 'qris.badCrc', params: { got: last.value, want: expected } })
  return objects
}

export type Qris = {
  objects: DataObject[]
  merchantName: string
  merchantCity: string
  /** Whether the code is dynamic (point of initiation 12), for one payment. */
  dynamic: boolean
  /** The amount in rupiah, when the code carries one. */
  amount: number | null
  billNumber: string | null
}

/** A QRIS payload: an EMVCo payload in rupiah, for Indonesia, naming its merchant. */
export const parseQris = (payload: string): Qris => {
  const objects = parseEmv(payload)
  if (valueOf(objects, CURRENCY) !== RUPIAH || valueOf(objects, COUNTRY) !== 'ID') throw new QrisError({ code: 'qris.notIndonesian' })
  const merchantName = valueOf(objects, MERCHANT_NAME)?.trim()
  const merchantCity = valueOf(objects, MERCHANT_CITY)?.trim()
  if (!merchantName || !merchantCity) throw new QrisError({ code: 'qris.noMerchant' })
  const initiation = valueOf(objects, POINT_OF_INITIATION)
  if (initiation !== STATIC && initiation !== DYNAMIC) throw new QrisError({ code: 'qris.notEmv' })
  const amountText = valueOf(objects, AMOUNT)
  const additional = valueOf(objects, ADDITIONAL_DATA)
  return {
    objects,
    merchantName,
    merchantCity,
    dynamic: initiation === DYNAMIC,
    amount: amountText === undefined ? null : Number(amountText),
    billNumber: additional === undefined ? null : (valueOf(parseObjects(additional), BILL_NUMBER) ?? null),
  }
}

/** Puts an object in its place among the others by id (00 stays first, 63 is added last). */
const withObject = (objects: DataObject[], object: DataObject) => {
  const rest = objects.filter((o) => o.id !== object.id)
  const at = rest.findIndex((o) => o.id > object.id)
  return at === -1 ? [...rest, object] : [...rest.slice(0, at), object, ...rest.slice(at)]
}

/** The most characters a data object's value may have (two length digits). */
const MAX_VALUE = 99
/** EMVCo's limits for the amount (id 54) and the bill number (id 62, sub-object 01). */
const MAX_AMOUNT_CHARS = 13
const MAX_BILL_CHARS = 25

/**
 * The dynamic code of one payment from a village's static code: the exact amount in whole rupiah and the order
 * number as bill number, the CRC recomputed. Any tip or convenience-fee prompt of the static code is dropped,
 * so the buyer pays exactly the total.
 */
export const dynamicQris = (staticPayload: string, { amount, billNumber }: { amount: number; billNumber: string }): string => {
  const { objects } = parseQris(staticPayload)
  if (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > MAX_AMOUNT_CHARS)
    throw new RangeError(`A QRIS amount is a positive whole number of rupiah with at most ${MAX_AMOUNT_CHARS} digits, not ${amount}`)
  if (!billNumber || charCount(billNumber) > MAX_BILL_CHARS)
    throw new RangeError(`A QRIS bill number has 1 to ${MAX_BILL_CHARS} characters`)
  const additional = valueOf(objects, ADDITIONAL_DATA)
  const additionalObjects = withObject(additional ? parseObjects(additional) : [], { id: BILL_NUMBER, value: billNumber })
  const additionalText = serializeObjects(additionalObjects)
  if (charCount(additionalText) > MAX_VALUE) throw new QrisError({ code: 'qris.additionalTooLong' })
  let rewritten = objects.filter((o) => o.id !== CRC && !TIP_OBJECTS.includes(o.id))
  rewritten = withObject(rewritten, { id: POINT_OF_INITIATION, value: DYNAMIC })
  rewritten = withObject(rewritten, { id: AMOUNT, value: String(amount) })
  rewritten = withObject(rewritten, { id: ADDITIONAL_DATA, value: additionalText })
  const body = `${serializeObjects(rewritten)}${CRC}04`
  return body + crc16(body)
}
