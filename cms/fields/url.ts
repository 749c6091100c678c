import type { PayloadRequest, TextField } from 'payload'
import { L, localize, type Localized } from '../lib/localize'

/** An absolute http(s) address: anything else in an href (javascript:, data:…) would run or show what an editor typed. */
export const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname)
  } catch {
    return false
  }
}

const NOT_HTTP: Localized = L(
  'Masukkan alamat lengkap yang diawali https:// atau http://',
  'Enter a full address starting with https:// or http://',
)

/** A text field holding a web address that pages show as a link: only http(s) addresses are saved. */
export const httpUrlField = (field: { name: string; label?: TextField['label']; required?: boolean }): TextField => ({
  ...field,
  type: 'text',
  validate: (value: unknown, { req }: { req: PayloadRequest }) => {
    if (value === null || value === undefined || value === '') return field.required ? localize(req, L('Wajib diisi.', 'Required.')) : true
    return typeof value === 'string' && isHttpUrl(value.trim()) ? true : localize(req, NOT_HTTP)
  },
})
