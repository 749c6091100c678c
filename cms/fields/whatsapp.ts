import type { Field, PayloadRequest } from 'payload'
import { localize } from '../lib/localize'
import { normalizePhone } from '../lib/phone'

/** A WhatsApp number in international form (+62…), as wa.me links need. */
export const waNumberField = (name: string): Field => ({
  name,
  type: 'text',
  label: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  admin: { description: { id: 'Format internasional, mis. +6281234567890.', en: 'International format, e.g. +6281234567890.' } },
  validate: (value: unknown, { req }: { req: PayloadRequest }) =>
    !value || normalizePhone(String(value)) === value
      ? true
      : localize(req, {
          id: 'Tulis nomor WhatsApp dengan awalan +62, tanpa spasi, mis. +6281234567890.',
          en: 'Write the WhatsApp number starting with +62, without spaces, e.g. +6281234567890.',
        }),
})
