import type { UploadMessage } from '../hooks/messages'
import { isEmail } from '../lib/email'
import { isMobilePhone } from '../lib/phone'
import type { ResidentServicesMessage } from './messages'
import { PHOTO_MAX_BYTES } from './photoSize'

/**
 * Request forms are defined in the CMS as a list of typed fields; this module validates what a resident
 * sent against such a definition, with messages from the services' catalogue. The browser checks with it
 * too (site/islands/ServiceRequest.tsx), so it imports nothing that only the server has.
 */
export const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'nik', 'phone', 'email', 'file'] as const
type FieldType = (typeof FIELD_TYPES)[number]

export const FILE_TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'application/pdf': 'PDF' } as const
type FileMime = keyof typeof FILE_TYPES

export type FormField = {
  name: string
  label: string
  type: FieldType
  required?: boolean | null
  help?: string | null
  options?: { value: string; label: string }[] | null
  accept?: FileMime[] | null
  maxSizeMB?: number | null
}

/** What is wrong with one answer: its text, or its file. */
export type AnswerProblem = ResidentServicesMessage | UploadMessage
/** Text answers by field name; file fields are checked separately by their bytes (see uploads). */
export type Answers = Record<string, string>

const isRealDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** A NIK's shape, which the NIK input also carries as its pattern so the browser checks it with JavaScript off. */
export const NIK_PATTERN = '^\\d{16}$'

/** A NIK is 16 digits; digits 7–12 are a birth date (day + 40 for women), which catches most typos. */
export const isValidNik = (value: string) => {
  if (!new RegExp(NIK_PATTERN).test(value) || /^0{6}/.test(value)) return false
  const day = Number(value.slice(6, 8)) % 40
  const month = Number(value.slice(8, 10))
  return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

/** The problem with one text answer, or null. */
export const fieldProblem = (field: FormField, raw: string | undefined): ResidentServicesMessage | null => {
  const value = (raw ?? '').trim()
  const label = field.label
  if (field.type === 'checkbox')
    return field.required && value !== 'on' && value !== 'true' ? { code: 'field.tick', params: { label } } : null
  if (!value) return field.required ? { code: 'field.fill', params: { label } } : null
  switch (field.type) {
    case 'text':
      return value.length > 200 ? { code: 'field.tooLong', params: { label, max: 200 } } : null
    case 'textarea':
      return value.length > 2000 ? { code: 'field.tooLong', params: { label, max: 2000 } } : null
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(value) ? null : { code: 'field.number', params: { label } }
    case 'date':
      return isRealDate(value) ? null : { code: 'field.date', params: { label } }
    case 'select':
      return field.options?.some((o) => o.value === value) ? null : { code: 'field.choose', params: { label } }
    case 'nik':
      return isValidNik(value) ? null : { code: 'field.nik', params: { label } }
    case 'phone':
      return isMobilePhone(value) ? null : { code: 'field.phone', params: { label } }
    case 'email':
      return isEmail(value) ? null : { code: 'field.email', params: { label } }
    default:
      return null
  }
}

/** Problems with every text answer of a form, by field name (file fields are skipped here). */
export const answerProblems = (fields: FormField[], answers: Answers): Record<string, AnswerProblem> => {
  const problems: Record<string, AnswerProblem> = {}
  for (const field of fields) {
    if (field.type === 'file') continue
    const problem = fieldProblem(field, answers[field.name])
    if (problem) problems[field.name] = problem
  }
  return problems
}

/**
 * What a file field accepts: its types, the field's size limit for documents (PDF), and camera-sized photos
 * (PHOTO_MAX_BYTES), which the server shrinks once accepted.
 */
export const fileRule = (field: FormField) => {
  const types = field.accept?.length ? field.accept : (Object.keys(FILE_TYPES) as FileMime[])
  return {
    types,
    maxBytes: Math.round((field.maxSizeMB || 5) * 1024 * 1024),
    maxImageBytes: PHOTO_MAX_BYTES,
    typeNames: types.map((t) => FILE_TYPES[t]).join(', '),
  }
}
