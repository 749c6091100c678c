import { randomUUID } from 'node:crypto'
import { defineAction, type ActionAPIContext } from 'astro:actions'
import {
  formFieldsOf,
  findTracked,
  prepareAnswers,
  residentTransition,
  submitRequest,
  findSubmitted,
  checkUpload,
  validSubmissionKey,
  type CheckedUpload,
  type PendingFile,
  type StorageGate,
  type TrackedRequest,
  type Upload,
} from '../../cms/resident-services/requests'
import { isAuthenticLetterFile } from '../../cms/resident-services/letters'
import type { Answers } from '../../cms/resident-services/formFields'
import { savePrivateFile } from '../../cms/resident-services/privateFiles'
import { normalizeReference } from '../../cms/resident-services/reference'
import { storageRefusal, type StorageRefusal } from '../../cms/resident-services/storageCaps'
import { refund } from '../../cms/lib/rateLimit'
import type { SiteMessage } from '../i18n/ui'
import { payload } from '../lib/payload'
import { limit, refuse } from '../lib/refusal'
import { getService } from '../lib/services'

/**
 * Form posts carry text answers, files, `pending` (files kept from an earlier step), a honeypot and a
 * `submissionKey` (made by JavaScript, or issued with the first answer) that makes a resent submission find
 * its first request, and that counts what one submission costs.
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

/** The HTTP status of a refusal to store files. */
const STORAGE_STATUS = { 413: 'CONTENT_TOO_LARGE', 507: 'INSUFFICIENT_STORAGE' } as const satisfies Record<StorageRefusal['status'], string>

/**
 * What stored files cost, decided before any is written: each file counts toward the submission's (`owner`)
 * and the address's limits, then the storage caps (cms/resident-services/storageCaps.ts) may keep them out.
 */
const storageGate =
  (context: ActionAPIContext, form: FormData, owner: string): StorageGate =>
  async (uploads: CheckedUpload[]) => {
    await limit(context, 'submit', typedForm(form), { key: owner, amount: uploads.length })
    await limit(context, 'submitAddress', typedForm(form), { scope: 'network', amount: uploads.length })
    return storageRefusal(
      await payload(),
      owner,
      uploads.reduce((sum, upload) => sum + upload.data.length, 0),
    )
  }

/**
 * The service, its form's fields, the typed answers and the submission key of a posted request form (a key
 * is issued when the browser sent none, and travels on with the form, refused or not); a bot or an address
 * flooding the form is refused.
 */
const readSubmission = async (form: FormData, context: ActionAPIContext) => {
  form.set('submissionKey', validSubmissionKey(form.get('submissionKey')) ?? randomUUID())
  const submissionKey = String(form.get('submissionKey'))
  const service = await getService(String(form.get('service') ?? ''), context.locals.locale)
  if (!service) return refuse(context, 'BAD_REQUEST', { code: 'error.generic' }, { form: typedForm(form) })
  if (String(form.get(HONEYPOT) ?? '')) return refuse(context, 'BAD_REQUEST', { code: 'error.bot' }, { form: typedForm(form) })
  await limit(context, 'formPosts', typedForm(form), { scope: 'network' })
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
  return { service, fields, answers, uploads, submissionKey }
}

/**
 * Checks the answers and files, and stores the files when all are right and the gate lets them in; a form
 * with problems is refused with one message per field (files not stored say so).
 */
const checkAnswers = async (form: FormData, context: ActionAPIContext, submission: Awaited<ReturnType<typeof readSubmission>>) => {
  const prepared = await prepareAnswers(
    submission.fields,
    submission.answers,
    await submission.uploads(),
    readPending(form),
    storageGate(context, form, submission.submissionKey),
  )
  if (!prepared.ok)
    return refuse(
      context,
      prepared.status ? STORAGE_STATUS[prepared.status] : 'BAD_REQUEST',
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
    const earlier = await findSubmitted(await payload(), submissionKey)
    if (earlier) return { reference: earlier.reference }
    const { answers, files } = await checkAnswers(form, context, submission)
    // A created request is the other thing a form costs (an officer's time).
    await limit(context, 'submit', typedForm(form, files), { key: submissionKey })
    await limit(context, 'submitAddress', typedForm(form, files), { scope: 'network' })
    const request = await submitRequest(await payload(), service, answers, files, submissionKey, context.locals.locale)
    return { reference: request.reference }
  },
})

type Tracking = {
  reference: string
  digits: string
  tracked: TrackedRequest | null
  done: null | 'cancelled' | 'completed'
  /** The resident asked to cancel: the page asks them to confirm (or go back) before anything changes. */
  confirmingCancel: boolean
}

/**
 * Looks the request up by reference and last 4 phone digits. A wrong reference and wrong digits give the
 * same `tracked: null`, so nobody learns which references exist. Wrong look-ups count toward the reference
 * (guessing its digits), every look-up toward the address's ceiling. What was typed is returned with it.
 */
const lookUp = async (form: FormData, context: ActionAPIContext): Promise<Tracking> => {
  const reference = String(form.get('reference') ?? '').slice(0, 20)
  const digits = String(form.get('digits') ?? '').slice(0, 4)
  const attacked = normalizeReference(reference)
  await limit(context, 'trackAddress', typedForm(form), { scope: 'network' })
  if (attacked) await limit(context, 'track', typedForm(form), { key: attacked, scope: 'reference' })
  const tracked = await findTracked(await payload(), reference, digits, context.locals.locale)
  // The right digits were no guess.
  if (tracked && attacked) await refund(await payload(), 'track', attacked)
  return { reference, digits, done: null, confirmingCancel: false, tracked }
}

const again = async (state: Tracking, context: ActionAPIContext, done: Tracking['done']): Promise<Tracking> => ({
  ...state,
  done,
  tracked: await findTracked(await payload(), state.reference, state.digits, context.locals.locale),
})

/** Tracking: reference + last 4 phone digits. */
export const track = defineAction({ accept: 'form', handler: (form: FormData, context) => lookUp(form, context) })

/** The resident cancels before processing starts, once they have confirmed it (`confirm=yes`). */
export const cancel = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const state = await lookUp(form, context)
    if (!state.tracked?.cancellable) return state
    if (form.get('confirm') !== 'yes') return { ...state, confirmingCancel: true }
    await residentTransition(await payload(), state.tracked.id, 'cancelled', null)
    return again(state, context, 'cancelled')
  },
})

/**
 * The resident completes a returned request: a reply and the documents the officer asked for (or any new
 * files when none were named); it goes back to the officer. A reply without text or files, a missing
 * document, a bad file, or files the storage caps keep out, is refused with its message at the field, the
 * reply kept. Files are stored only when all of them are right.
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
    const problems: Record<string, SiteMessage> = {}
    const checked: (CheckedUpload & { label: string })[] = []
    for (const field of tracked.uploads) {
      const file = form.get(field.name)
      if (!(file instanceof File) || file.size === 0) {
        if (field.required) problems[field.name] = { code: 'field.upload', params: { label: field.label } }
        continue
      }
      const ready = await checkUpload({ data: Buffer.from(await file.arrayBuffer()), size: file.size }, field)
      if ('problem' in ready) problems[field.name] = ready.problem
      else checked.push({ field: field.name, label: field.label, ...ready })
    }
    if (!reply && !checked.length) problems.reply = { code: 'track.replyMissing' }
    if (Object.keys(problems).length)
      return refuse(context, 'BAD_REQUEST', { code: 'form.errorsTitle' }, { fields: problems, form: typedForm(form) })
    const refused = checked.length ? await storageGate(context, form, `request:${tracked.reference}`)(checked) : null
    if (refused)
      return refuse(
        context,
        STORAGE_STATUS[refused.status],
        { code: 'form.errorsTitle' },
        { fields: Object.fromEntries(checked.map((c) => [c.field, refused.message])), form: typedForm(form) },
      )
    const attachments = [...(current.attachments ?? [])]
    for (const { field, label, data, mime } of checked)
      attachments.push({ field, label, file: await savePrivateFile(data, mime), mime, size: data.length })
    await residentTransition(instance, tracked.id, 'checking', reply || null, { attachments })
    return again(state, context, 'completed')
  },
})

/** Anyone may check a PDF file against the letter with this verification code. */
export const verifyFile = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    await limit(context, 'verify', typedForm(form), { scope: 'network' })
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) return refuse(context, 'BAD_REQUEST', { code: 'verify.fileMissing' })
    return {
      authentic: await isAuthenticLetterFile(await payload(), String(form.get('code') ?? ''), new Uint8Array(await file.arrayBuffer())),
    }
  },
})
