import type { PayloadRequest, TextField } from 'payload'
import { localize } from '../messages'

/** An absolute http(s) address: anything else in an href (javascript:, data:…) would run or show what an editor typed. */
export const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname)
  } catch {
    return false
  }
}

/** A text field holding a web address that pages show as a link: only http(s) addresses are saved. */
export const httpUrlField = (field: { name: string; label?: TextField['label']; required?: boolean }): TextField => ({
  ...field,
  type: 'text',
  validate: (value: unknown, { req }: { req: PayloadRequest }) => {
    if (value === null || value === undefined || value === '') return field.required ? req.t('validation:required') : true
    return typeof value === 'string' && isHttpUrl(value.trim()) ? true : localize(req, { code: 'url.http' })
  },
})
