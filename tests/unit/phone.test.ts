import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { waNumberField } from '../../cms/fields/whatsapp'
import { isMobilePhone, normalizePhone, whatsappLink, whatsappShareLink } from '../../cms/lib/phone'
import { fieldProblem } from '../../cms/resident-services/formFields'

describe('a phone number', () => {
  it('is stored as +62 and the national number, however it was written', () => {
    for (const written of ['0812-3456-7890', '0812 3456 7890', '0812.3456.7890', '62 812 3456 7890', '+62 (812) 3456-7890'])
      expect(normalizePhone(written)).toBe('+6281234567890')
    expect(normalizePhone('(0361) 123456')).toBe('+62361123456')
  })

  it('is refused when it cannot be an Indonesian number', () => {
    for (const wrong of ['', '812345678', '+6208123456789', '0812-3456-7890-123', '0812abc4567', '+1 415 555 2671', '0361 12'])
      expect(normalizePhone(wrong)).toBeNull()
  })

  it('is a mobile number when it starts with 8 after the country code', () => {
    expect(isMobilePhone('0812 3456 7890')).toBe(true)
    expect(isMobilePhone('+62 811-234-567')).toBe(true)
    expect(isMobilePhone('(0361) 123456')).toBe(false)
    expect(isMobilePhone('0812 3456 78901 2')).toBe(false)
  })
})

describe('a WhatsApp link', () => {
  it('opens a chat with the number in international digits, the message prefilled', () => {
    expect(whatsappLink('0812-3456-7890', 'Halo, pesanan DD-1?')).toBe('https://wa.me/6281234567890?text=Halo%2C%20pesanan%20DD-1%3F')
    expect(whatsappLink('+6281234567890')).toBe('https://wa.me/6281234567890')
    expect(whatsappLink('+6208123456789')).toBeNull()
  })

  it('shares a text with anyone the visitor picks', () => {
    expect(whatsappShareLink('Panen raya https://desa.example.id/berita/panen')).toBe(
      'https://wa.me/?text=Panen%20raya%20https%3A%2F%2Fdesa.example.id%2Fberita%2Fpanen',
    )
  })
})

describe('the phone numbers people type', () => {
  const telepon = { name: 'telepon', label: 'Nomor HP', type: 'phone', required: true } as const

  it('are accepted on a request form as the shop accepts them, dots and brackets included', () => {
    expect(fieldProblem(telepon, '0812.3456.7890')).toBeNull()
    expect(fieldProblem(telepon, '(0812) 3456-7890')).toBeNull()
    expect(fieldProblem(telepon, '(0361) 123456')).not.toBeNull()
  })

  it('as a WhatsApp number of the village or a producer, must be one wa.me can open', () => {
    const field = waNumberField('whatsapp') as { validate: (value: unknown, options: { req: PayloadRequest }) => true | string }
    const req = { i18n: { language: 'id' } } as PayloadRequest
    expect(field.validate('+6281234567890', { req })).toBe(true)
    expect(field.validate('', { req })).toBe(true)
    expect(field.validate('+6208123456789', { req })).toMatch(/\+62/)
    expect(field.validate('081234567890', { req })).toMatch(/\+62/)
  })
})
