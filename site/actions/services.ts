import { defineAction, type ActionAPIContext } from 'astro:actions'
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
import type { SiteMessage } from '../i18n/ui'
import { payload } from '../lib/payload'
import { limit, refuse } from '../lib/refusal'
import { getService } from '../lib/services'

/**
 * Form posts carry text answers, files, `pending` (files kept from an earlier step), a honeypot and, when
 * JavaScript made one, a `submissionKey` that makes a resent submission find its first request.
 */
const HONEYPOT = 'website'

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

/**
 * What a refused form shows again: everything typed, and the files already received (as `pending`), so the
 * resident never types or uploads anything twice. Posts with files are multipart, which the middleware does not keep.
 */
const typedForm = (form: FormData, files: PendingFile[] = readPending(form)) => {
  const kept = new FormData()
  for (const [name, value] of form) if (typeof value === 'string' && name !== 'pending') kept.append(name, value)
  for (const file of files) kept.append('pending', `${file.field}:${file.token}`)
  return kept
}

/** The service, its form's fields and the typed answers of a posted request form; a bot or a client over its limit is refused. */
const readSubmission = async (form: FormData, context: ActionAPIContext) => {
  const service = await getService(String(form.get('service') ?? ''), context.locals.locale)
  if (!service) return refuse(context, 'BAD_REQUEST', { code: 'error.generic' }, { form: typedForm(form) })
  if (String(form.get(HONEYPOT) ?? '')) return refuse(context, 'BAD_REQUEST', { code: 'error.bot' }, { form: typedForm(form) })
  limit(context, 'submit', typedForm(form))
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
  return { service, fields, answers, uploads, submissionKey: validSubmissionKey(form.get('submissionKey')) }
}

/** Checks the answers and files; a form with problems is refused with one message per field. */
const checkAnswers = async (form: FormData, context: ActionAPIContext, submission: Awaited<ReturnType<typeof readSubmission>>) => {
  const prepared = await prepareAnswers(submission.fields, submission.answers, await submission.uploads(), readPending(form))
  if (!prepared.ok)
    return refuse(
      context,
      'BAD_REQUEST',
      { code: 'form.errorsTitle' },
      { fields: prepared.problems, form: typedForm(form, prepared.files) },
    )
  return prepared
}

/** Step 1: validate the filled-in form (text and files); the page then shows "check your answers". */
export const prepare = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const submission = await readSubmission(form, context)
    const { answers, files } = await checkAnswers(form, context, submission)
    // "Change answers" on the check page comes back here to show the form again, filled in.
    return { answers, files, editing: form.get('intent') === 'edit', submissionKey: submission.submissionKey }
  },
})

/**
 * Step 2: the resident confirmed; everything is checked again and the request is created, in the language
 * of the page (the emails and WhatsApp texts about it follow). A form queued offline comes here in one go,
 * its files with it.
 */
export const submit = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const submission = await readSubmission(form, context)
    const { service, submissionKey } = submission
    // A resent submission: its request exists, so its files are not stored a second time.
    const earlier = submissionKey ? await findSubmitted(await payload(), submissionKey) : undefined
    if (earlier) return { reference: earlier.reference }
    const { answers, files } = await checkAnswers(form, context, submission)
    const request = await submitRequest(await payload(), service, answers, files, submissionKey, context.locals.locale)
    return { reference: request.reference }
  },
})

type Tracking = {
  reference: string
  digits: string
  tracked: TrackedRequest | null
  done: null | 'cancelled' | 'completed'
}

/**
 * Looks the request up by reference and last 4 phone digits. A wrong reference and wrong digits give the
 * same `tracked: null`, so nobody learns which references exist. What was typed is returned with it.
 */
const lookUp = async (form: FormData, context: ActionAPIContext): Promise<Tracking> => {
  const reference = String(form.get('reference') ?? '').slice(0, 20)
  const digits = String(form.get('digits') ?? '').slice(0, 4)
  limit(context, 'track', typedForm(form))
  return { reference, digits, done: null, tracked: await findTracked(await payload(), reference, digits, context.locals.locale) }
}

const again = async (state: Tracking, context: ActionAPIContext, done: Tracking['done']): Promise<Tracking> => ({
  ...state,
  done,
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

/**
 * The resident completes a returned request: a reply and any new files; it goes back to the officer. A reply
 * without text or files, or a bad file, is refused with its message at the field, the reply kept.
 */
export const complete = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const state = await lookUp(form, context)
    const tracked = state.tracked
    if (!tracked?.returned) return state
    const reply = String(form.get('reply') ?? '')
      .trim()
      .slice(0, 2000)
    const instance = await payload()
    const current = await instance.findByID({
      collection: 'service-requests',
      id: tracked.id,
      depth: 0,
      overrideAccess: true,
      context: { skipAudit: true },
    })
    const attachments = [...(current.attachments ?? [])]
    const problems: Record<string, SiteMessage> = {}
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
    if (!reply && attachments.length === (current.attachments ?? []).length) problems.reply = { code: 'track.replyMissing' }
    if (Object.keys(problems).length)
      return refuse(context, 'BAD_REQUEST', { code: 'form.errorsTitle' }, { fields: problems, form: typedForm(form) })
    await residentTransition(instance, tracked.id, 'checking', reply || null, { attachments })
    return again(state, context, 'completed')
  },
})

/** Anyone may check a PDF file against the letter with this verification code. */
export const verifyFile = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    limit(context, 'verify', typedForm(form))
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) return refuse(context, 'BAD_REQUEST', { code: 'verify.fileMissing' })
    return {
      authentic: await isAuthenticLetterFile(await payload(), String(form.get('code') ?? ''), new Uint8Array(await file.arrayBuffer())),
    }
  },
})
