import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions'
import { formFieldsOf, findTracked, prepareAnswers, residentTransition, submitRequest, type PendingFile, type Upload } from '../../cms/services/requests'
import { isAuthenticLetterFile } from '../../cms/services/letters'
import { fileRule, type Answers } from '../../cms/services/formFields'
import { savePrivateFile } from '../../cms/services/privateFiles'
import { uploadProblem } from '../../cms/hooks/validateUpload'
import { fileTypeFromBuffer } from 'file-type'
import { payload } from '../lib/payload'
import { getService } from '../lib/services'
import { hit, LIMITS } from '../lib/rateLimit'

/** Form posts carry text answers, files, `pending` (files kept from an earlier step) and a honeypot. */
const HONEYPOT = 'website'

const limited = (context: ActionAPIContext, purpose: keyof typeof LIMITS) => {
  const wait = hit(purpose, context.clientAddress)
  if (wait > 0) throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: String(wait) })
}

const refuseBots = (form: FormData) => {
  if (String(form.get(HONEYPOT) ?? '')) throw new ActionError({ code: 'BAD_REQUEST', message: 'bot' })
}

const readAnswers = (form: FormData, names: string[]): Answers =>
  Object.fromEntries(names.map((name) => [name, typeof form.get(name) === 'string' ? String(form.get(name)) : '']))

const readUploads = async (form: FormData, names: string[]) => {
  const uploads: Record<string, Upload | undefined> = {}
  for (const name of names) {
    const file = form.get(name)
    if (file instanceof File && file.size > 0) uploads[name] = { name: file.name, data: Buffer.from(await file.arrayBuffer()), size: file.size }
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

/** Step 1: validate the filled-in form (text and files); the page then shows "check your answers". */
export const prepare = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    refuseBots(form)
    limited(context, 'submit')
    const service = await serviceOf(form, context)
    const fields = formFieldsOf(service)
    const answers = readAnswers(form, fields.filter((f) => f.type !== 'file').map((f) => f.name))
    const prepared = await prepareAnswers(fields, answers, await readUploads(form, fields.filter((f) => f.type === 'file').map((f) => f.name)), readPending(form))
    // "Change answers" on the check page comes back here to show the form again, filled in.
    return { ...prepared, editing: form.get('intent') === 'edit' }
  },
})

/** Step 2: the resident confirmed; everything is checked again and the request is created. */
export const submit = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    refuseBots(form)
    limited(context, 'submit')
    const service = await serviceOf(form, context)
    const fields = formFieldsOf(service)
    const answers = readAnswers(form, fields.filter((f) => f.type !== 'file').map((f) => f.name))
    const prepared = await prepareAnswers(fields, answers, {}, readPending(form))
    if (!prepared.ok) return { ...prepared, editing: false, reference: null }
    const request = await submitRequest(await payload(), service, prepared.answers, prepared.files)
    return { ...prepared, editing: false, reference: request.reference }
  },
})

const trackedFrom = async (form: FormData, context: ActionAPIContext) => {
  limited(context, 'track')
  const tracked = await findTracked(await payload(), String(form.get('reference') ?? ''), String(form.get('digits') ?? ''), context.locals.locale)
  if (!tracked) throw new ActionError({ code: 'NOT_FOUND', message: 'request' })
  return tracked
}

/** Tracking: reference + last 4 phone digits; the same NOT_FOUND for a wrong reference or wrong digits. */
export const track = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => ({ tracked: await trackedFrom(form, context), done: null as null | 'cancelled' | 'completed' }),
})

/** The resident cancels before processing starts. */
export const cancel = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const tracked = await trackedFrom(form, context)
    if (!tracked.cancellable) throw new ActionError({ code: 'CONFLICT', message: 'not cancellable' })
    await residentTransition(await payload(), tracked.id, 'cancelled', null)
    return { tracked: (await findTracked(await payload(), tracked.reference, String(form.get('digits')), context.locals.locale))!, done: 'cancelled' as const }
  },
})

/** The resident completes a returned request: a reply and any new files; it goes back to the officer. */
export const complete = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    const tracked = await trackedFrom(form, context)
    if (!tracked.returned) throw new ActionError({ code: 'CONFLICT', message: 'not returned' })
    const reply = String(form.get('reply') ?? '').trim().slice(0, 2000)
    const files = tracked.fields.filter((f) => f.type === 'file')
    const instance = await payload()
    const current = await instance.findByID({ collection: 'service-requests', id: tracked.id, depth: 0, overrideAccess: true, context: { skipAudit: true } })
    const attachments = [...(current.attachments ?? [])]
    const problems: Record<string, { id: string; en: string }> = {}
    for (const field of files) {
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
    if (!reply && attachments.length === (current.attachments ?? []).length) problems.reply = { id: 'Tulis tanggapan atau unggah berkas.', en: 'Write a reply or upload a file.' }
    if (Object.keys(problems).length) return { tracked, done: null, problems, reply }
    await residentTransition(instance, tracked.id, 'checking', reply || null, { attachments })
    return { tracked: (await findTracked(instance, tracked.reference, String(form.get('digits')), context.locals.locale))!, done: 'completed' as const, problems: {}, reply: '' }
  },
})

/** Anyone may check a PDF file against the letter with this verification code. */
export const verifyFile = defineAction({
  accept: 'form',
  handler: async (form: FormData, context) => {
    limited(context, 'track')
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) throw new ActionError({ code: 'BAD_REQUEST', message: 'missing' })
    return { authentic: await isAuthenticLetterFile(await payload(), String(form.get('code') ?? ''), new Uint8Array(await file.arrayBuffer())) }
  },
})
