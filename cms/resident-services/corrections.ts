import { isDeepStrictEqual } from 'node:util'
import type { Locale } from '../lib/messages'
import { translate } from '../messages'
import { applicantFields } from './applicantFields'
import { fieldProblem, type Answers, type FormField } from './formFields'
import { shownAnswer } from './letterValues'
import type { ResidentServicesMessage } from './messages'

/**
 * Staff may correct a typo in what the resident sent until the letter is signed: the applicant's own data
 * (stored in the request's columns) and the answers to the service's form. Everything else in a request is
 * recorded by the workflow and never changes through an edit.
 */
export const APPLICANT_COLUMNS = {
  applicantName: { form: 'nama', label: { code: 'correction.column.applicantName' } },
  nik: { form: 'nik', label: { code: 'correction.column.nik' } },
  phone: { form: 'telepon', label: { code: 'correction.column.phone' } },
  email: { form: 'email', label: { code: 'correction.column.email' } },
  address: { form: 'alamat', label: { code: 'correction.column.address' } },
} as const satisfies Record<string, { form: string; label: ResidentServicesMessage }>

/** An applicant column's name in a language. */
export const columnLabel = (column: ApplicantColumn, locale: Locale) => translate(locale, APPLICANT_COLUMNS[column].label)

export type ApplicantColumn = keyof typeof APPLICANT_COLUMNS
export const CORRECTABLE = [...(Object.keys(APPLICANT_COLUMNS) as ApplicantColumn[]), 'answers'] as const
export type Correctable = (typeof CORRECTABLE)[number]

/** One corrected value, as the audit log keeps it: the field's label and the text before and after (a NIK masked). */
export type Correction = { label: string; before: string | null; after: string | null }

const isEmpty = (value: unknown) => value === null || value === undefined || value === ''
const text = (value: unknown) => (isEmpty(value) ? '' : String(value).trim())

/** Whether a sent text equals the stored one, as a person reads them (surrounding spaces and empty values aside). */
export const sameText = (sent: unknown, stored: unknown) => text(sent) === text(stored)

/** The answers a correction changes: every answer whose text differs from the stored one. */
export const changedAnswers = (sent: Answers, stored: Answers): string[] =>
  [...new Set([...Object.keys(sent), ...Object.keys(stored)])].filter((name) => name in sent && !sameText(sent[name], stored[name]))

/** What is wrong with a corrected applicant value, in the form's terms, or null. */
export const applicantProblem = (column: ApplicantColumn, value: unknown, locale: Locale): ResidentServicesMessage | null => {
  const field = applicantFields(locale).find((f) => f.name === APPLICANT_COLUMNS[column].form)!
  return fieldProblem({ ...field, label: columnLabel(column, locale) }, text(value))
}

/**
 * What is wrong with corrected answers against the service's form (`fields`, in the editor's language):
 * an answer the form does not ask for, or one its field refuses. Only the changed answers are checked, so a
 * form edited since the request was sent does not block the correction of another answer.
 */
export const answersProblem = (
  fields: FormField[],
  sent: unknown,
  stored: Answers,
): { label: string; message: ResidentServicesMessage } | null => {
  if (!sent || typeof sent !== 'object' || Array.isArray(sent)) return { label: 'answers', message: { code: 'correction.answersShape' } }
  const answers = sent as Answers
  for (const name of changedAnswers(answers, stored)) {
    const field = fields.find((f) => f.name === name && f.type !== 'file')
    if (!field) {
      return { label: name, message: { code: 'correction.unknownField', params: { name } } }
    }
    const problem = fieldProblem(field, text(answers[name]))
    if (problem) return { label: field.label, message: problem }
  }
  return null
}

/** How the audit log writes a value: as the letter would print it, a NIK masked. */
const auditText = (field: Pick<FormField, 'type' | 'options'> | undefined, value: unknown): string | null =>
  isEmpty(value) ? null : shownAnswer(field, text(value))

/** The corrections to log for changed applicant columns (`before`/`after` by column) and answers, in Indonesian. */
export const correctionsOf = (
  columns: Partial<Record<ApplicantColumn, { before: unknown; after: unknown }>>,
  answers: { fields: FormField[]; before: Answers; after: Answers } | null,
): Correction[] => [
  ...(Object.keys(APPLICANT_COLUMNS) as ApplicantColumn[])
    .filter((column) => columns[column])
    .map((column) => {
      const type = column === 'nik' ? ({ type: 'nik' } as const) : undefined
      return {
        label: columnLabel(column, 'id'),
        before: auditText(type, columns[column]!.before),
        after: auditText(type, columns[column]!.after),
      }
    }),
  ...(answers
    ? changedAnswers(answers.after, answers.before).map((name) => {
        const field = answers.fields.find((f) => f.name === name)
        return { label: field?.label ?? name, before: auditText(field, answers.before[name]), after: auditText(field, answers.after[name]) }
      })
    : []),
]

/** Whether two stored values are the same for a field of this type (ids for relationships, instants for dates). */
export const sameValue = (type: string, sent: unknown, stored: unknown): boolean => {
  if (isEmpty(sent) && isEmpty(stored)) return true
  switch (type) {
    case 'relationship':
    case 'upload': {
      const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? v.id : v)
      return String(id(sent)) === String(id(stored))
    }
    case 'date':
      return !isEmpty(sent) && !isEmpty(stored) && Date.parse(String(sent)) === Date.parse(String(stored))
    case 'checkbox':
      return Boolean(sent) === Boolean(stored)
    case 'number':
      return Number(sent) === Number(stored)
    case 'json':
      return isDeepStrictEqual(sent, stored)
    default:
      return typeof sent === 'object' || typeof stored === 'object' ? isDeepStrictEqual(sent, stored) : String(sent) === String(stored)
  }
}
