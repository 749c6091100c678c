/**
 * Indonesian phone numbers. People write them as they like (0812-3456-7890, 62812…, +62 812 …, 0812.3456.7890,
 * (0361) 123456); they are stored in E.164 form, +62 and the national number, and WhatsApp links use those digits.
 */

/** What people put between the digits. */
const PHONE_SEPARATORS = '[\\s\\-().]'
/** A mobile number once the separators are gone: 08…, 628… or +628…, 8 to 12 digits after the country code. */
const MOBILE_PHONE_PATTERN = '^(?:\\+62|62|0)8[1-9]\\d{6,10}$'

const separators = new RegExp(PHONE_SEPARATORS, 'g')
const mobile = new RegExp(MOBILE_PHONE_PATTERN)
const anyNumber = /^(?:\+62|62|0)([1-9]\d{7,11})$/

/** The number in E.164 form ("+6281234567890"), or null when it cannot be an Indonesian number. */
export const normalizePhone = (raw: string): string | null => {
  const national = anyNumber.exec(raw.replace(separators, ''))?.[1]
  return national ? `+62${national}` : null
}

/** Whether this is an Indonesian mobile number (one that can receive WhatsApp messages and SMS). */
export const isMobilePhone = (raw: string): boolean => mobile.test(raw.replace(separators, ''))

/** A wa.me click-to-chat link to this number, with the message prefilled; null when the number is not one. */
export const whatsappLink = (phone: string, text?: string): string | null => {
  const number = normalizePhone(phone)
  if (!number) return null
  return `https://wa.me/${number.slice(1)}${text ? `?text=${encodeURIComponent(text)}` : ''}`
}

/** A tel: link that dials the number from anywhere (+62…); a number that is not Indonesian is dialled as written. */
export const telLink = (phone: string) => `tel:${normalizePhone(phone) ?? phone.replace(/[^+\d]/g, '')}`

/** A wa.me link that lets the visitor pick whom to send the text to (sharing a page). */
export const whatsappShareLink = (text: string) => `https://wa.me/?text=${encodeURIComponent(text)}`
