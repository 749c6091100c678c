import { isEmail } from '../lib/email'
import { isMobilePhone, MOBILE_PHONE_PATTERN, PHONE_SEPARATORS } from '../lib/phone'

/**
 * Request forms are defined in the CMS as a list of typed fields; this module validates what a resident
 * sent against such a definition. Every message exists in Indonesian and English.
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

export type Message = { id: string; en: string }
/** Text answers by field name; file fields are checked separately by their bytes (see uploads). */
export type Answers = Record<string, string>

/** The applicant's own fields, asked on every form before the service's fields, in the page's language. */
export const applicantFields = (locale: 'id' | 'en' = 'id'): FormField[] => {
  const en = locale === 'en'
  return [
    { name: 'nama', label: en ? 'Full name' : 'Nama lengkap', type: 'text', required: true },
    {
      name: 'nik',
      label: 'NIK',
      type: 'nik',
      required: true,
      help: en ? 'The 16 digits on your ID card (KTP/KK).' : '16 digit sesuai KTP/KK.',
    },
    {
      name: 'telepon',
      label: en ? 'Mobile/WhatsApp number' : 'Nomor HP/WhatsApp',
      type: 'phone',
      required: true,
      help: en ? 'Its last four digits are used to track your request.' : 'Empat digit terakhir dipakai untuk melacak permohonan.',
    },
    {
      name: 'email',
      label: 'Email',
      type: 'email',
      required: false,
      help: en ? 'Optional: your record and status updates are sent here.' : 'Opsional: bukti pengajuan dan kabar status dikirim ke sini.',
    },
    { name: 'alamat', label: en ? 'Address' : 'Alamat', type: 'textarea', required: true },
  ]
}

const isRealDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

const NIK_PATTERN = '^\\d{16}$'

/**
 * The shapes the browser checks as the resident types (FormField.astro puts them on the input, site/scripts/service-form.ts
 * tests them), from the same rules as the server: a pattern, and what to remove before testing it.
 */
export const FIELD_SHAPES: Partial<Record<FieldType, { pattern: string; ignore?: string }>> = {
  nik: { pattern: NIK_PATTERN },
  phone: { pattern: MOBILE_PHONE_PATTERN, ignore: PHONE_SEPARATORS },
}

/** A NIK is 16 digits; digits 7–12 are a birth date (day + 40 for women), which catches most typos. */
export const isValidNik = (value: string) => {
  if (!new RegExp(NIK_PATTERN).test(value) || /^0{6}/.test(value)) return false
  const day = Number(value.slice(6, 8)) % 40
  const month = Number(value.slice(8, 10))
  return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

/** The problem with one text answer, or null. */
export const fieldProblem = (field: FormField, raw: string | undefined): Message | null => {
  const value = (raw ?? '').trim()
  if (field.type === 'checkbox') {
    return field.required && value !== 'on' && value !== 'true' ? { id: `Centang "${field.label}".`, en: `Tick "${field.label}".` } : null
  }
  if (!value) return field.required ? { id: `Isi ${field.label}.`, en: `Fill in ${field.label}.` } : null
  switch (field.type) {
    case 'text':
      return value.length > 200
        ? { id: `${field.label} paling banyak 200 karakter.`, en: `${field.label} must be at most 200 characters.` }
        : null
    case 'textarea':
      return value.length > 2000
        ? { id: `${field.label} paling banyak 2000 karakter.`, en: `${field.label} must be at most 2000 characters.` }
        : null
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(value) ? null : { id: `${field.label} harus berupa angka.`, en: `${field.label} must be a number.` }
    case 'date':
      return isRealDate(value)
        ? null
        : { id: `${field.label} bukan tanggal yang benar (contoh 2026-08-17).`, en: `${field.label} is not a real date (e.g. 2026-08-17).` }
    case 'select':
      return field.options?.some((o) => o.value === value)
        ? null
        : { id: `Pilih salah satu pilihan ${field.label}.`, en: `Choose one of the options for ${field.label}.` }
    case 'nik':
      return isValidNik(value)
        ? null
        : { id: `${field.label} harus 16 digit angka sesuai KTP.`, en: `${field.label} must be the 16 digits on the ID card.` }
    case 'phone':
      return isMobilePhone(value)
        ? null
        : {
            id: `${field.label} tidak valid; tulis nomor HP seperti 081234567890.`,
            en: `${field.label} is not valid; write a mobile number like 081234567890.`,
          }
    case 'email':
      return isEmail(value)
        ? null
        : { id: `${field.label} tidak valid, contoh nama@contoh.id.`, en: `${field.label} is not valid, e.g. name@example.com.` }
    default:
      return null
  }
}

/** Problems with every text answer of a form, by field name (file fields are skipped here). */
export const answerProblems = (fields: FormField[], answers: Answers): Record<string, Message> => {
  const problems: Record<string, Message> = {}
  for (const field of fields) {
    if (field.type === 'file') continue
    const problem = fieldProblem(field, answers[field.name])
    if (problem) problems[field.name] = problem
  }
  return problems
}

export const fileRule = (field: FormField) => {
  const types = field.accept?.length ? field.accept : (Object.keys(FILE_TYPES) as FileMime[])
  return { types, maxBytes: Math.round((field.maxSizeMB || 5) * 1024 * 1024), typeNames: types.map((t) => FILE_TYPES[t]).join(', ') }
}
