import {
  APIError,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type FieldAccess,
  type FlattenedField,
  type PayloadRequest,
} from 'payload'
import type { Localized } from '../../lib/localize'
import { asLocale } from '../../lib/messages'
import { idOf } from '../../lib/relation'
import { localize } from '../../messages'
import { recordAudit } from '../../resident-services/audit'
import {
  answersProblem,
  APPLICANT_COLUMNS,
  applicantProblem,
  changedAnswers,
  columnLabel,
  correctionsOf,
  CORRECTABLE,
  sameText,
  sameValue,
  type ApplicantColumn,
  type Correction,
} from '../../resident-services/corrections'
import type { Answers } from '../../resident-services/formFields'
import { lastFourDigits } from '../../resident-services/mask'
import { decryptNik } from '../../resident-services/nikCrypto'
import { formFieldsOf } from '../../resident-services/requests'
import { clearAnswers } from './privacy'
import type { ResidentServicesMessage } from '../../resident-services/messages'
import { isFinal, statusName, type Status } from '../../resident-services/status'

type Stored = Record<string, unknown> & { id: number; status: Status; service: number | { id: number }; nikEncrypted?: string | null }

/** A status change is asked for with these; they are the workflow's input, never recorded facts. */
const TRANSITION_INPUT = ['nextStatus', 'transitionNote', 'missingDocuments']
/** Kept by the server from the applicant's data (or the submission) and never shown for editing. */
const DERIVED = ['nikEncrypted', 'nikMasked', 'phoneLast4', 'submissionKey', 'incomplete', 'writtenBy']
const META = ['id', 'createdAt', 'updatedAt']

const COLUMNS = Object.keys(APPLICANT_COLUMNS) as ApplicantColumn[]
const languageOf = (req: PayloadRequest) => asLocale(req.i18n?.language)
const storedNik = (request: Stored) => (request.nikEncrypted ? decryptNik(request.nikEncrypted) : '')

/** The applicant's data and answers can be corrected until the request is finished (signed, refused or cancelled). */
export const correctableWhileOpen: FieldAccess = ({ doc }) => !doc?.status || !isFinal(doc.status as Status)

/** Whether a sent value equals the stored one, field by field (array rows by the sub-fields they send). */
const sameAs = (field: FlattenedField, sent: unknown, stored: unknown): boolean => {
  if (field.type !== 'array') return sameValue(field.type, sent, stored)
  const rows = Array.isArray(sent) ? sent : []
  const storedRows = Array.isArray(stored) ? stored : []
  return (
    rows.length === storedRows.length &&
    rows.every((row: Record<string, unknown>, i) =>
      field.flattenedFields.every((sub) => !(sub.name in row) || sameAs(sub, row[sub.name], storedRows[i]?.[sub.name])),
    )
  )
}

/**
 * The answers an edit sends, with their NIKs in clear: staff send what they read (in clear), but Payload fills
 * an edit that does not send the answers with the stored ones (a NIK encrypted). Anything but an object is
 * left for answersProblem to refuse.
 */
const sentAnswers = (data: Record<string, unknown>): unknown =>
  data.answers && typeof data.answers === 'object' && !Array.isArray(data.answers) ? clearAnswers(data.answers) : (data.answers ?? {})

/** The applicant columns and whether the answers differ between what was sent and what is stored. */
const correctionsSent = (data: Record<string, unknown>, request: Stored) => {
  const columns = COLUMNS.filter((column) =>
    // An empty NIK means none was typed: it is never stored in clear, so nothing shows it to compare with.
    column === 'nik'
      ? Boolean(String(data.nik ?? '').trim()) && !sameText(data.nik, storedNik(request))
      : column in data && !sameText(data[column], request[column]),
  )
  const answers = 'answers' in data && changedAnswers(sentAnswers(data) as Answers, clearAnswers(request.answers)).length > 0
  return { columns, answers }
}

const serviceFields = async (req: PayloadRequest, request: Stored, locale: 'id' | 'en') => {
  const service = await req.payload.findByID({
    collection: 'services',
    id: idOf(request.service),
    depth: 0,
    locale,
    overrideAccess: true,
    req,
  })
  return formFieldsOf(service, locale)
}

const refuse = (req: PayloadRequest, message: ResidentServicesMessage, status: number) =>
  new APIError(localize(req, message), status, undefined, true)

/** Why staff may not make this change to this request, or null. */
const problemWith = async (req: PayloadRequest, data: Record<string, unknown>, request: Stored, fields: FlattenedField[]) => {
  const locked = fields.filter(
    (f) =>
      f.name in data &&
      !(CORRECTABLE as readonly string[]).includes(f.name) &&
      ![...TRANSITION_INPUT, ...DERIVED, ...META].includes(f.name) &&
      !sameAs(f, data[f.name], request[f.name]),
  )
  if (locked.length) {
    const locale = languageOf(req)
    // Field labels are the admin's own (L(id, en)); a field without one is named as it is.
    const fieldsText = locked.map((f) => (f.label && typeof f.label === 'object' ? (f.label as Localized)[locale] : f.name)).join(', ')
    return refuse(req, { code: 'correction.locked', params: { fields: fieldsText } }, 400)
  }
  const { columns, answers } = correctionsSent(data, request)
  if (!columns.length && !answers) return null
  if (isFinal(request.status)) {
    const message: ResidentServicesMessage =
      request.status === 'done'
        ? { code: 'correction.signed' }
        : { code: 'correction.closed', params: { status: statusName(request.status) } }
    return refuse(req, message, 409)
  }
  // The letter is made from the stored request when it is signed: a correction sent with the signature would miss it.
  if (data.nextStatus === 'done') return refuse(req, { code: 'correction.signFirst' }, 409)
  const locale = languageOf(req)
  const errors: { path: string; label: string; message: string }[] = []
  for (const column of columns) {
    const problem = applicantProblem(column, data[column], locale)
    if (problem) errors.push({ path: column, label: columnLabel(column, locale), message: localize(req, problem) })
  }
  if (answers) {
    const problem = answersProblem(await serviceFields(req, request, locale), sentAnswers(data), clearAnswers(request.answers))
    if (problem) errors.push({ path: 'answers', label: problem.label, message: localize(req, problem.message) })
  }
  return errors.length ? new ValidationError({ collection: 'service-requests', errors, req }) : null
}

/**
 * Before anything else reads an edit: refuses a change to what the workflow recorded (naming the fields),
 * a correction once the request is finished, and a correction its form would refuse. Whatever is sent
 * unchanged (the admin sends the whole document) passes. The server's own writes carry no user and pass.
 */
export const refuseUnallowedChanges: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'update' || !req.user || !args.data) return args
  // updateByID runs these hooks as 'update' too, with the id in its arguments.
  const id = 'id' in args ? (args.id as number | string | undefined) : undefined
  const ids: (number | string)[] =
    id !== undefined
      ? [id]
      : (await req.payload.find({ collection: 'service-requests', where: args.where, depth: 0, pagination: false, req })).docs.map(
          (d) => d.id,
        )
  for (const each of ids) {
    const request = await req.payload.db.findOne<Stored>({ collection: 'service-requests', where: { id: { equals: each } }, req })
    if (!request) continue
    const problem = await problemWith(req, args.data, request, collection.flattenedFields)
    if (problem) throw problem
  }
  return args
}

/**
 * Staff change a request through a transition (`nextStatus` and a note) and, while it is open, by correcting
 * the applicant's data and answers; what the workflow recorded stays as it is. Each correction is kept in
 * the request's context for the audit log. The server's own writes carry no user and are not limited.
 */
export const keepRecordedFields: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !req.user) return data
  const { id, nik: _nik, ...recorded } = originalDoc ?? {}
  const request = originalDoc as Stored
  const { columns, answers } = correctionsSent(data, request)
  const next: Record<string, unknown> = { ...recorded, nextStatus: data.nextStatus, transitionNote: data.transitionNote }
  if (data.nextStatus === 'returned') next.missingDocuments = data.missingDocuments
  const changes: Partial<Record<ApplicantColumn, { before: unknown; after: unknown }>> = {}
  for (const column of columns) {
    const after = String(data[column] ?? '').trim() || null
    changes[column] = { before: column === 'nik' ? storedNik(request) : request[column], after }
    next[column] = after
  }
  if (changes.phone) next.phoneLast4 = lastFourDigits(String(next.phone))
  if (answers) next.answers = Object.fromEntries(Object.entries(sentAnswers(data) as Answers).map(([k, v]) => [k, v.trim()]))
  const corrections = correctionsOf(
    changes,
    answers
      ? { fields: await serviceFields(req, request, 'id'), before: clearAnswers(request.answers), after: next.answers as Answers }
      : null,
  )
  // req.context, not the hook's `context`: a local API call with this req (the service above) may have replaced it.
  if (corrections.length) req.context.corrections = { ...(req.context.corrections as object), [id]: corrections }
  return next
}

/** Each correction saved is one audit entry: who, when, which field, before and after. */
export const auditCorrections: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation !== 'update') return doc
  const corrections = (req.context.corrections as Record<string, Correction[]> | undefined)?.[doc.id] ?? []
  for (const correction of corrections) {
    await recordAudit(req.payload, {
      request: doc.id,
      village: idOf(doc.village),
      user: req.user?.id,
      action: 'correct',
      detail: correction.label,
      before: correction.before,
      after: correction.after,
    })
  }
  return doc
}
