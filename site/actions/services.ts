import { randomUUID } from 'node:crypto'
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
  type StorageGate,
  type TrackedRequest,
  type Upload,
} from '../../cms/resident-services/requests'
import { isAuthenticLetterFile } from '../../cms/resident-services/letters'
import { fileRule, type Answers } from '../../cms/resident-services/formFields'
import { privateStorageUsed, savePrivateFile } from '../../cms/resident-services/privateFiles'
import { normalizeReference } from '../../cms/resident-services/reference'
import { config } from '../../cms/lib/config'
import { addToWindow } from '../../cms/lib/counters'
import { refund } from '../../cms/lib/rateLimit'
import { uploadProblem } from '../../cms/hooks/validateUpload'
import { fileTypeFromBuffer } from 'file-type'
import { payload } from '../lib/payload'
import { getService } from '../lib/services'
import { clientAddress, limitMessage, limitRequest, type LimitScope, type Purpose } from '../lib/rateLimit'

/**
 * Form posts carry text answers, files, `pending` (files kept from an earlier step), a honeypot and, when
 * JavaScript made one, a `submissionKey` that makes a resent submission find its first request.
 */
const HONEYPOT = 'website'

/**
 * Why a post was turned away: a filled-in honeypot, or too many attempts (with the seconds to wait and
 * whose attempts: this device's submission, one reference, or the whole network address).
 * It is returned, not thrown, so the page can show the form again with everything the resident typed.
 */
type Refusal = { refused: 'bot' } | { refused: 'limit'; retryAfter: number; scope: LimitScope }

type Check = [Purpose, string, LimitScope, number?]

/** Counts toward each limit in turn; the first one over its limit refuses (the rest are not counted). */
const overLimit = async (context: ActionAPIContext, checks: Check[]): Promise<Refusal | null> => {
  for (const [purpose, key, scope, amount] of checks) {
    const wait = await limitRequest(context, purpose, key, amount)
    if (wait > 0) return { refused: 'limit', retryAfter: wait, scope }
  }
  return null
}

const isBot = (form: FormData) => Boolean(String(form.get(HONEYPOT) ?? ''))

const HOUR = 60 * 60 * 1000
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * What stored files cost, decided before any is written: each file counts toward the submission's and the
 * address's limits; a request keeps at most SERVICE_UPLOAD_LIMIT_MB an hour, and nothing is stored once the
 * private folder holds PRIVATE_STORAGE_LIMIT_MB.
 */
const storageGate =
  (context: ActionAPIContext, owner: string): StorageGate =>
  async (uploads) => {
    const refused = await overLimit(context, [
      ['submit', owner, 'device', uploads.length],
      ['submitAddress', clientAddress(context), 'network', uploads.length],
    ])
    if (refused?.refused === 'limit') return { message: limitMessage(refused.scope, refused.retryAfter), status: 429 }
    const bytes = uploads.reduce((sum, upload) => sum + upload.data.length, 0)
    const limits = config().storageLimits
    if ((await privateStorageUsed()) + bytes > limits.total)
      return {
        message: {
          id: 'Penyimpanan berkas desa sedang penuh, jadi berkas belum bisa diterima. Coba lagi nanti atau bawa berkas ke kantor desa.',
          en: 'The village’s file storage is full, so files cannot be accepted now. Try again later or bring the documents to the village office.',
        },
        status: 507,
      }
    const instance = await payload()
    const total = await addToWindow(instance, `upload-bytes:${owner}`, bytes, HOUR)
    if (total.count <= limits.perRequest) return null
    await addToWindow(instance, `upload-bytes:${owner}`, -bytes, HOUR)
    return {
      message: {
        id: `Berkas untuk permohonan ini sudah lebih dari ${megabytes(limits.perRequest)}. Kirim dengan berkas yang sudah diterima, atau perkecil berkasnya.`,
        en: `The files of this request add up to more than ${megabytes(limits.perRequest)}. Send it with the files already received, or make them smaller.`,
      },
      status: 413,
    }
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

/**
 * The service, its form's fields and the typed answers of a posted request form, its submission key (one
 * is issued when the browser sent none, and travels on with the form) and a refusal (honeypot, too many posts).
 */
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
  const submissionKey = validSubmissionKey(form.get('submissionKey')) ?? randomUUID()
  const refused: Refusal | null = isBot(form)
    ? { refused: 'bot' }
    : await overLimit(context, [['formPosts', clientAddress(context), 'network']])
  return { service, fields, answers, uploads, submissionKey, refused }
}

/** Step 1: validate the filled-in form (text and files); the page then shows "check your answers". */
export const prepare = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const { fields, answers, uploads, submissionKey, refused } = await readSubmission(form, context)
    if (refused) return { ok: false as const, answers, files: readPending(form), problems: {}, editing: false, submissionKey, ...refused }
    const prepared = await prepareAnswers(fields, answers, await uploads(), readPending(form), storageGate(context, submissionKey))
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
    const unsent = { ok: false as const, answers, files: readPending(form), problems: {}, editing: false, submissionKey, reference: null }
    if (refused) return { ...unsent, ...refused }
    // A resent submission: its request exists, so its files are not stored a second time.
    const earlier = await findSubmitted(await payload(), submissionKey)
    if (earlier)
      return { ok: true as const, answers, files: [], editing: false, submissionKey, reference: earlier.reference, refused: null }
    const prepared = await prepareAnswers(fields, answers, await uploads(), readPending(form), storageGate(context, submissionKey))
    if (!prepared.ok) return { ...prepared, editing: false, submissionKey, reference: null, refused: null }
    // A created request is the other thing a form costs (an officer's time).
    const limited = await overLimit(context, [
      ['submit', submissionKey, 'device'],
      ['submitAddress', clientAddress(context), 'network'],
    ])
    if (limited) return { ...unsent, files: prepared.files, ...limited }
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
  scope?: LimitScope
}

/**
 * Looks the request up by reference and last 4 phone digits. A wrong reference and wrong digits give the
 * same `tracked: null`, so nobody learns which references exist. Wrong look-ups count toward the reference
 * (guessing its digits), every look-up toward the address's ceiling. What was typed is returned with it.
 */
const lookUp = async (form: FormData, context: ActionAPIContext): Promise<Tracking> => {
  const reference = String(form.get('reference') ?? '').slice(0, 20)
  const digits = String(form.get('digits') ?? '').slice(0, 4)
  const base = { reference, digits, tracked: null, done: null, problems: {}, reply: String(form.get('reply') ?? '') }
  const attacked = normalizeReference(reference)
  const refused = await overLimit(context, [
    ['trackAddress', clientAddress(context), 'network'],
    ...(attacked ? [['track', attacked, 'reference'] as Check] : []),
  ])
  if (refused) return { ...base, ...refused }
  const tracked = await findTracked(await payload(), reference, digits, context.locals.locale)
  // The right digits were no guess.
  if (tracked && attacked) await refund(await payload(), 'track', attacked)
  return { ...base, refused: null, tracked }
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
    const problems: Record<string, { id: string; en: string }> = {}
    const checked: { field: (typeof tracked.fields)[number]; data: Buffer; mime: string }[] = []
    for (const field of tracked.fields.filter((f) => f.type === 'file')) {
      const file = form.get(field.name)
      if (!(file instanceof File) || file.size === 0) continue
      const data = Buffer.from(await file.arrayBuffer())
      const problem = await uploadProblem({ data, size: file.size }, fileRule(field))
      if (problem) problems[field.name] = problem
      else checked.push({ field, data, mime: (await fileTypeFromBuffer(data))!.mime })
    }
    if (!reply && !checked.length) problems.reply = { id: 'Tulis tanggapan atau unggah berkas.', en: 'Write a reply or upload a file.' }
    if (Object.keys(problems).length) return { ...state, problems }
    const refused = checked.length
      ? await storageGate(
          context,
          `request:${tracked.reference}`,
        )(checked.map((c) => ({ field: c.field.name, data: c.data, mime: c.mime })))
      : null
    if (refused) return { ...state, problems: Object.fromEntries(checked.map((c) => [c.field.name, refused.message])) }
    const attachments = [...(current.attachments ?? [])]
    for (const { field, data, mime } of checked)
      attachments.push({ field: field.name, label: field.label, file: await savePrivateFile(data, mime), mime, size: data.length })
    await residentTransition(instance, tracked.id, 'checking', reply || null, { attachments })
    return again(state, context, 'completed')
  },
})

/** Anyone may check a PDF file against the letter with this verification code. */
export const verifyFile = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const refused = await overLimit(context, [['verify', clientAddress(context), 'network']])
    if (refused) return { authentic: false, ...refused }
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) throw new ActionError({ code: 'BAD_REQUEST', message: 'missing' })
    return {
      authentic: await isAuthenticLetterFile(await payload(), String(form.get('code') ?? ''), new Uint8Array(await file.arrayBuffer())),
      refused: null,
    }
  },
})
