import type { FormField } from './formFields'
import { formatLongDate } from '../lib/wita'

/**
 * An answer as a letter prints it: a select's label (not its stored value), a date written out
 * ("1 Januari 1999"), a ticked box as "Ya". Answers must arrive in clear (decrypted) form.
 */
export const answerText = (field: Pick<FormField, 'type' | 'options'> | undefined, raw: unknown): string => {
  const value = raw == null ? '' : String(raw)
  switch (field?.type) {
    case 'select':
      return field.options?.find((o) => o.value === value)?.label ?? value
    case 'date':
      return formatLongDate(value, 'id')
    case 'checkbox':
      return value === 'on' || value === 'true' ? 'Ya' : 'Tidak'
    default:
      return value
  }
}

/** Every answer of a request by field name, as the letter prints it. */
export const answerTexts = (fields: FormField[], answers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(answers).map(([name, raw]) => [
      name,
      answerText(
        fields.find((f) => f.name === name),
        raw,
      ),
    ]),
  )

/** "Desa Sungai Lestari" → "Sungai Lestari": the place name, for "Kepala Desa …" and the date line. */
export const placeName = (villageName: string) => villageName.replace(/^desa\s+/i, '').trim()
