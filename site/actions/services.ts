import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions'
import {
  formFieldsOf,
  findTracked,
  prepareAnswers,
  residentTransition,
  submitRequest,
  findSubmitted,
  validSubmissionKey,
  type PendingFile,
  type TrackedRequest,
  type Upload,
} from '../../cms/resident-services/requests'
import { isAuthenticLetterFile } from '../../cms/resident-services/letters'
import { fileRule, type Answers } from '../../cms/resident-services/formFields'
import { savePrivateFile } from '../../cms/resident-services/privateFiles'
import { uploadProblem } from '../../cms/hooks/validateUpload'
import { fileTypeFromBuffer } from 'file-type'
import { payload } from '../lib/payload'
import { getService } from '../lib/services'
import { limitRequest, type Purpose } from '../lib/rateLimit'

/**
 * Form posts carry text answers, files, `pending` (files kept from an earlier step), a honeypot and, when
 * JavaScript made one, a `submissionKey` that makes a resent submission find its first request.
 */
const HONEYPOT = 'website'

/**
 * Why a post was turned away: a filled-in honeypot, or too many attempts (with the seconds to wait).
 * It is returned, not thrown, so the page can show the form again with everything the resident typed.
 */
type Refusal = { refused: 'bot' } | { refused: 'limit'; retryAfter: number }

const refusal = (form: FormData | null, context: ActionAPIContext, purpose: Purpose): Refusal | null => {
  if (form && String(form.get(HONEYPOT) ?? '')) return { refused: 'bot' }
  const wait = limitRequest(purpose, context)
  return wait > 0 ? { refused: 'limit', retryAfter: wait } : null
}

const readAnswers = (form: FormData, names: string[]): Answers =>
  Object.fromEntries(names.map((name) => [name, typeof form.get(name) === 'string' ? String(form.get(name)) : '']))

const readUploads = async (form: FormData, names: string[]) => {
  const uploads: Record<string, Upload | undefined> = {}
  for (const name of names) {
    const file = form.get(name)
    if (file instanceof File && file.size > 0)
      uploads[name] = { name: file.name, data: Buffer.from(await file.arrayBuffer()), size: file.size }
  }
  return uploads
}

const readPending = (form: FormData): PendingFile[] =>
  form
    .getAll('pending')
    .map(String)
    .map((value) => {
      const [field, token] = value.split(':')
      return { field: field ?? '', token: token ?? '' }
    })

const serviceOf = async (form: FormData, context: ActionAPIContext) => {
  const service = await getService(String(form.get('service') ?? ''), context.locals.locale)
  if (!service) throw new ActionError({ code: 'NOT_FOUND', message: 'service' })
  return service
}

/** The service, its form's fields and the typed answers of a posted request form, and a refusal (rate limit, honeypot) if any. */
const readSubmission = async (form: FormData, context: ActionAPIContext) => {
  const service = await serviceOf(form, context)
  const fields = formFieldsOf(service, context.locals.locale)
  const answers = readAnswers(
    form,
    fields.filter((f) => f.type !== 'file').map((f) => f.name),
  )
  const uploads = () =>
    readUploads(
      form,
      fields.filter((f) => f.type === 'file').map((f) => f.name),
    )
  const submissionKey = validSubmissionKey(form.get('submissionKey'))
  return { service, fields, answers, uploads, submissionKey, refused: refusal(form, context, 'submit') }
}

/** Step 1: validate the filled-in form (text and files); the page then shows "check your answers". */
export const prepare = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const { fields, answers, uploads, submissionKey, refused } = await readSubmission(form, context)
    if (refused) return { ok: false as const, answers, files: readPending(form), problems: {}, editing: false, submissionKey, ...refused }
    const prepared = await prepareAnswers(fields, answers, await uploads(), readPending(form))
    // "Change answers" on the check page comes back here to show the form again, filled in.
    return { ...prepared, editing: form.get('intent') === 'edit', submissionKey, refused: null }
  },
})

/**
 * Step 2: the resident confirmed; everything is checked again and the request is created. A form queued
 * offline comes here in one go, its files with it.
 */
export const submit = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const { service, fields, answers, uploads, submissionKey, refused } = await readSubmission(form, context)
    if (refused)
      return {
        ok: false as const,
        answers,
        files: readPending(form),
        problems: {},
        editing: false,
        submissionKey,
        reference: null,
        ...refused,
      }
    // A resent submission: its request exists, so its files are not stored a second time.
    const earlier = submissionKey ? await findSubmitted(await payload(), submissionKey) : undefined
    if (earlier)
      return { ok: true as const, answers, files: [], editing: false, submissionKey, reference: earlier.reference, refused: null }
    const prepared = await prepareAnswers(fields, answers, await uploads(), readPending(form))
    if (!prepared.ok) return { ...prepared, editing: false, submissionKey, reference: null, refused: null }
    const request = await submitRequest(await payload(), service, prepared.answers, prepared.files, submissionKey)
    return { ...prepared, editing: false, submissionKey, reference: request.reference, refused: null }
  },
})

type Tracking = {
  reference: string
  digits: string
  tracked: TrackedRequest | null
  done: null | 'cancelled' | 'completed'
  problems: Record<string, { id: string; en: string }>
  reply: string
  refused: Refusal['refused'] | null
  retryAfter?: number
}

/**
 * Looks the request up by reference and last 4 phone digits. A wrong reference and wrong digits give the
 * same `tracked: null`, so nobody learns which references exist. What was typed is returned with it.
 */
const lookUp = async (form: FormData, context: ActionAPIContext): Promise<Tracking> => {
  const reference = String(form.get('reference') ?? '').slice(0, 20)
  const digits = String(form.get('digits') ?? '').slice(0, 4)
  const base = { reference, digits, tracked: null, done: null, problems: {}, reply: String(form.get('reply') ?? '') }
  const refused = refusal(null, context, 'track')
  if (refused) return { ...base, ...refused }
  return { ...base, refused: null, tracked: await findTracked(await payload(), reference, digits, context.locals.locale) }
}

const again = async (state: Tracking, context: ActionAPIContext, done: Tracking['done']): Promise<Tracking> => ({
  ...state,
  done,
  reply: '',
  tracked: await findTracked(await payload(), state.reference, state.digits, context.locals.locale),
})

/** Tracking: reference + last 4 phone digits. */
export const track = defineAction({ accept: 'form', handler: (form: FormData, context) => lookUp(form, context) })

/** The resident cancels before processing starts. */
export const cancel = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const state = await lookUp(form, context)
    if (!state.tracked?.cancellable) return state
    await residentTransition(await payload(), state.tracked.id, 'cancelled', null)
    return again(state, context, 'cancelled')
  },
})

/** The resident completes a returned request: a reply and any new files; it goes back to the officer. */
export const complete = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const state = await lookUp(form, context)
    const tracked = state.tracked
    if (!tracked?.returned) return state
    const reply = state.reply.trim().slice(0, 2000)
    const instance = await payload()
    const current = await instance.findByID({
      collection: 'service-requests',
      id: tracked.id,
      depth: 0,
      overrideAccess: true,
      context: { skipAudit: true },
    })
    const attachments = [...(current.attachments ?? [])]
    const problems: Record<string, { id: string; en: string }> = {}
    for (const field of tracked.fields.filter((f) => f.type === 'file')) {
      const file = form.get(field.name)
      if (!(file instanceof File) || file.size === 0) continue
      const data = Buffer.from(await file.arrayBuffer())
      const problem = await uploadProblem({ data, size: file.size }, fileRule(field))
      if (problem) {
        problems[field.name] = problem
        continue
      }
      const mime = (await fileTypeFromBuffer(data))!.mime
      attachments.push({ field: field.name, label: field.label, file: await savePrivateFile(data, mime), mime, size: data.length })
    }
    if (!reply && attachments.length === (current.attachments ?? []).length)
      problems.reply = { id: 'Tulis tanggapan atau unggah berkas.', en: 'Write a reply or upload a file.' }
    if (Object.keys(problems).length) return { ...state, problems }
    await residentTransition(instance, tracked.id, 'checking', reply || null, { attachments })
    return again(state, context, 'completed')
  },
})

/** Anyone may check a PDF file against the letter with this verification code. */
export const verifyFile = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const refused = refusal(null, context, 'verify')
    if (refused) return { authentic: false, ...refused }
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) throw new ActionError({ code: 'BAD_REQUEST', message: 'missing' })
    return {
      authentic: await isAuthenticLetterFile(await payload(), String(form.get('code') ?? ''), new Uint8Array(await file.arrayBuffer())),
      refused: null,
    }
  },
})
