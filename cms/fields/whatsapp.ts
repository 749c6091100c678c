import type { Field, PayloadRequest } from 'payload'
import { L } from '../lib/localize'
import { normalizePhone } from '../lib/phone'
import { localize } from '../messages'

/** A WhatsApp number in international form (+62…), as wa.me links need. */
export const waNumberField = (name: string): Field => ({
  name,
  type: 'text',
  label: L('Nomor WhatsApp', 'WhatsApp number'),
  admin: { description: L('Format internasional, mis. +6281234567890.', 'International format, e.g. +6281234567890.') },
  validate: (value: unknown, { req }: { req: PayloadRequest }) =>
    !value || normalizePhone(String(value)) === value ? true : localize(req, { code: 'whatsapp.invalid' }),
})
