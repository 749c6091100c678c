import { fileTypeFromBuffer } from 'file-type'
import type { Payload } from 'payload'
import { atomicStore } from '../instances/atomicStore'
import { instanceId } from '../instances/identity'
import { isUniqueClash } from '../lib/uniqueClash'
import { addWorkingDays } from '../lib/wita'
import { uploadProblem } from '../hooks/validateUpload'
import type { Service, ServiceRequest } from '../payload-types'
import { DEFAULT_LOCALE, type Locale } from '../lib/messages'
import { notifyReceived } from '../notify'
import { applicantFields } from './applicantFields'
import { answerProblems, fileRule, type AnswerProblem, type Answers, type FormField } from './formFields'
import { systemAccess } from './audit'
import { lastFourDigits, maskName } from './mask'
import { shrinkPhoto } from './photos'
import { privateFileExists, readPrivateFile, savePrivateFile } from './privateFiles'
import { newReference, normalizeReference } from './reference'
import type { StorageRefusal } from './storageCaps'
import { isCancellable, type Status } from './status'
import { populated } from '../lib/relation'
import { inRequestVillage } from '../villages/scope'

/** Every field of a service's form: the applicant's own, then the service's. */
export const formFieldsOf = (service: Pick<Service, 'form'>, locale: Locale = DEFAULT_LOCALE): FormField[] => [
  ...applicantFields(locale),
  ...(service.form ?? []).map((f) => ({
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
    help: f.help,
    options: f.options?.map((o) => ({ value: o.value, label: o.label })) ?? null,
    accept: f.accept ?? null,
    maxSizeMB: f.maxSizeMB,
  })),
]

export type Upload = { name: string; data: Buffer; size: number }
/** A file already checked and kept privately, waiting for the resident to confirm the request. */
export type PendingFile = { field: string; token: string }

/**
 * A resident's file checked against its field (by its bytes and size) and made ready to keep: a photo as
 * shrinkPhoto makes it (so a camera picture is as small as the browser would have made it), a PDF as sent.
 */
export const checkUpload = async (
  upload: Pick<Upload, 'data' | 'size'>,
  field: FormField,
): Promise<{ problem: AnswerProblem } | { data: Buffer; mime: string }> => {
  const problem = await uploadProblem(upload, fileRule(field))
  if (problem) return { problem }
  const { mime } = (await fileTypeFromBuffer(upload.data))!
  if (!mime.startsWith('image/')) return { data: upload.data, mime }
  const photo = await shrinkPhoto(upload.data).catch(() => null)
  return photo ? { data: photo, mime: 'image/jpeg' } : { problem: { code: 'photo.unreadable' } }
}

export type Prepared =
  | { ok: true; answers: Answers; files: PendingFile[] }
  | { ok: false; answers: Answers; files: PendingFile[]; problems: Record<string, AnswerProblem>; status?: StorageRefusal['status'] }

/** The files a form is about to store, checked and waiting for the gate. */
export type CheckedUpload = { field: string; data: Buffer; mime: string }
/**
 * Decides whether checked files may be stored: null lets them in, a refusal (storageRefusal) keeps them all
 * out with its message and HTTP status. The site's gate counts them toward its rate limits first, and
 * refuses the whole post over a limit.
 */
export type StorageGate = (uploads: CheckedUpload[]) => Promise<StorageRefusal | null>

/**
 * Checks a filled-in form: every text answer against its field, every new file by its bytes and size.
 * Files are stored only when every answer and file is right (a post with bad answers costs no disk), and when
 * the gate lets them in; a stored file is kept for the next steps, so a resident changing an answer on the
 * check page need not upload it again.
 */
export const prepareAnswers = async (
  fields: FormField[],
  answers: Answers,
  uploads: Record<string, Upload | undefined>,
  pending: PendingFile[],
  gate: StorageGate = async () => null,
): Promise<Prepared> => {
  const problems = answerProblems(fields, answers)
  const files: PendingFile[] = []
  const checked: CheckedUpload[] = []
  for (const field of fields.filter((f) => f.type === 'file')) {
    const upload = uploads[field.name]
    if (upload && upload.size > 0) {
      const ready = await checkUpload(upload, field)
      if ('problem' in ready) problems[field.name] = ready.problem
      else checked.push({ field: field.name, ...ready })
      continue
    }
    const kept = pending.find((p) => p.field === field.name)
    if (kept && (await privateFileExists(kept.token))) files.push(kept)
    else if (field.required) problems[field.name] = { code: 'field.upload', params: { label: field.label } }
  }
  if (Object.keys(problems).length) {
    for (const upload of checked) problems[upload.field] = { code: 'field.fileNotKept' }
    return { ok: false, answers, files, problems }
  }
  const refused = checked.length ? await gate(checked) : null
  if (refused)
    return {
      ok: false,
      answers,
      files,
      problems: Object.fromEntries(checked.map((c) => [c.field, refused.message])),
      status: refused.status,
    }
  for (const upload of checked) files.push({ field: upload.field, token: await savePrivateFile(upload.data, upload.mime) })
  return { ok: true, answers, files }
}

/** A submission key as the browser makes it (crypto.randomUUID); anything else is ignored. */
export const validSubmissionKey = (value: unknown): string | null =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value.toLowerCase() : null

/** The request already made with this submission key, if any. */
export const findSubmitted = async (payload: Payload, submissionKey: string): Promise<ServiceRequest | undefined> =>
  (
    await payload.find({
      collection: 'service-requests',
      where: { submissionKey: { equals: submissionKey } },
      limit: 1,
      depth: 0,
      ...systemAccess,
    })
  ).docs[0]

/**
 * Requests whose writing was cut off (the process died) and begun before `before`, except those of the
 * instances in `alive` (still writing them): removed. Their files stay for purgeOrphanFiles (a day): the
 * resident's browser still holds them and may send the submission again. Returns how many were removed.
 */
export const recoverIncompleteRequests = async (payload: Payload, before: Date, alive: string[] = []): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'service-requests',
    where: {
      and: [
        { incomplete: { equals: true } },
        { createdAt: { less_than: before.toISOString() } },
        ...(alive.length ? [{ or: [{ writtenBy: { exists: false } }, { writtenBy: { not_in: alive } }] }] : []),
      ],
    },
    limit: 100,
    depth: 0,
    ...systemAccess,
  })
  for (const request of docs) await payload.delete({ collection: 'service-requests', id: request.id, depth: 0, ...systemAccess })
  return docs.length
}

/**
 * Creates the request from confirmed answers: reference, due date in working days (WITA), timeline, email.
 * A submission key is stored once: a second request with it returns the first one instead. The language the
 * resident applied in is kept with the request: every email and WhatsApp text about it is in that language.
 */
export const submitRequest = async (
  payload: Payload,
  service: Service,
  answers: Answers,
  files: PendingFile[],
  submissionKey: string | null = null,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ServiceRequest> => {
  const fields = formFieldsOf(service, locale)
  const attachments = []
  for (const file of files) {
    const field = fields.find((f) => f.name === file.field && f.type === 'file')
    if (!field) continue
    const bytes = await readPrivateFile(file.token)
    attachments.push({
      field: field.name,
      label: field.label,
      file: file.token,
      mime: (await fileTypeFromBuffer(bytes))?.mime ?? 'application/octet-stream',
      size: bytes.length,
    })
  }
  const custom = Object.fromEntries(
    fields
      .filter((f) => !['nama', 'nik', 'telepon', 'email', 'alamat'].includes(f.name) && f.type !== 'file')
      .map((f) => [f.name, answers[f.name] ?? '']),
  )
  const submittedAt = new Date()
  for (let attempt = 0; ; attempt++) {
    try {
      const request = await payload.create({
        collection: 'service-requests',
        data: {
          reference: newReference(),
          service: service.id,
          status: 'submitted',
          applicantName: answers.nama.trim(),
          nik: answers.nik.trim(),
          phone: answers.telepon.trim(),
          phoneLast4: lastFourDigits(answers.telepon),
          email: answers.email?.trim() || null,
          address: answers.alamat?.trim() ?? '',
          answers: custom,
          attachments,
          submittedAt: submittedAt.toISOString(),
          dueDate: addWorkingDays(submittedAt, service.processingDays),
          timeline: [{ status: 'submitted', at: submittedAt.toISOString(), byName: 'Pemohon', note: null }],
          submissionKey,
          locale,
          incomplete: true,
          writtenBy: instanceId(),
        },
        depth: 0,
        ...systemAccess,
      })
      // Payload writes a request as several statements (the row, then its attachments and timeline): this one write makes it count.
      await atomicStore(payload).completeRequest(request.id)
      await notifyReceived(payload, request, service)
      return { ...request, incomplete: false }
    } catch (err) {
      // The same submission sent again (a retry, or two at once): its key is taken, so answer with the first request.
      const earlier = submissionKey ? await findSubmitted(payload, submissionKey) : undefined
      if (earlier) return earlier
      // 30^8 references make a clash rare; when one happens, draw again.
      if (attempt < 3 && isUniqueClash(err, 'reference')) continue
      throw err
    }
  }
}

const completionUploads = (fields: FormField[], missing: unknown): FormField[] => {
  const uploads = fields.filter((f) => f.type === 'file')
  const asked = Array.isArray(missing) ? uploads.filter((f) => missing.includes(f.name)) : []
  return asked.length ? asked.map((f) => ({ ...f, required: true })) : uploads.map((f) => ({ ...f, required: false }))
}

export type TrackedRequest = {
  id: number
  reference: string
  serviceName: string
  maskedName: string
  status: Status
  dueDate: string | null
  /** Each step; `byResident` for the resident's own (a reply, a cancellation), the rest are the office's. */
  timeline: { status: Status; at: string; note: string | null; byResident: boolean }[]
  cancellable: boolean
  returned: boolean
  letterReady: boolean
  /** The completion form's uploads: the documents the officer asked for (required), or else every upload of the form (optional). */
  uploads: FormField[]
}

/**
 * The request with this reference, only when the phone's last 4 digits match too. A wrong reference and
 * wrong digits give the same null, so nobody learns which references exist.
 */
export const findTracked = async (
  payload: Payload,
  referenceInput: string,
  digits: string,
  locale: Locale,
): Promise<TrackedRequest | null> => {
  const reference = normalizeReference(referenceInput)
  if (!reference || !/^\d{4}$/.test(digits.trim())) return null
  const { docs } = await payload.find({
    collection: 'service-requests',
    where: await inRequestVillage(payload, { reference: { equals: reference }, incomplete: { not_equals: true } }),
    limit: 1,
    depth: 1,
    locale,
    // Only what the tracking page shows: the service's name and form, whether the letter's file exists.
    populate: { services: { name: true, form: true }, letters: { pdfFile: true } },
    ...systemAccess,
  })
  const request = docs[0]
  if (!request || request.phoneLast4 !== digits.trim()) return null
  const service = request.service as Service
  const letter = populated(request.letter)
  return {
    id: request.id,
    reference: request.reference,
    serviceName: service.name,
    maskedName: maskName(request.applicantName),
    status: request.status,
    dueDate: request.dueDate ?? null,
    timeline: (request.timeline ?? []).map((t) => ({ status: t.status, at: t.at, note: t.note ?? null, byResident: !t.byUser })),
    cancellable: isCancellable(request.status),
    returned: request.status === 'returned',
    letterReady: request.status === 'done' && Boolean(letter?.pdfFile),
    uploads: completionUploads(formFieldsOf(service, locale), request.missingDocuments),
  }
}

/** The resident's own change (cancel, or send a returned request back for checking), as one transition. */
export const residentTransition = async (
  payload: Payload,
  id: number,
  to: Status,
  note: string | null,
  data: Partial<ServiceRequest> = {},
) =>
  payload.update({
    collection: 'service-requests',
    id,
    data: { ...data, nextStatus: to, transitionNote: note },
    overrideAccess: true,
    context: { resident: true, skipAudit: true },
  })
