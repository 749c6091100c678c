import { ActionError, type ActionAPIContext, type ActionErrorCode } from 'astro:actions'
import type { z } from 'astro/zod'
import { isMessageKey, type SiteMessage } from '../i18n/ui'
import { limitRequest, type Purpose } from './rateLimit'

/**
 * Why an action turned a post away. Every action refuses the same way, through `refuse`: the typed message
 * and each field's message stay on the request (never squeezed into a string), the action answers with a
 * 4xx, and the page shows them with the form filled in again (`refusalOf`).
 */
export type Refusal = {
  /** What is wrong, shown above the form. */
  message: SiteMessage
  /** What is wrong with each field, by the field's name. */
  fields: Record<string, SiteMessage>
  /**
   * The form to fill in again, when the action has more than the posted fields to give back (the files it
   * already received) or the post was multipart; otherwise the middleware's copy of the post is used.
   */
  form: FormData | null
}

type RefusalStatus = Extract<ActionErrorCode, 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'BAD_GATEWAY'>

/** Turns the post away with `message` (and a message per field), answering with the status of `status`. */
export const refuse = (
  context: Pick<ActionAPIContext, 'locals'>,
  status: RefusalStatus,
  message: SiteMessage,
  { fields = {}, form = null }: Partial<Omit<Refusal, 'message'>> = {},
): never => {
  context.locals.refusal = { message, fields, form }
  throw new ActionError({ code: status, message: message.code })
}

/** Counts the post toward its rate limit; over it, refuses with "try again in N seconds" (the middleware adds 429's Retry-After). */
export const limit = (context: ActionAPIContext, purpose: Purpose, form: FormData | null = null) => {
  const seconds = limitRequest(purpose, context)
  if (seconds) refuse(context, 'TOO_MANY_REQUESTS', { code: 'limit.tooMany', params: { seconds } }, { form })
}

/**
 * The posted form read by a schema whose issue messages are message codes. A post that does not pass is
 * refused with `message`, each field with its first issue's message (or the generic one).
 */
export const readForm = <S extends z.ZodType>(context: ActionAPIContext, form: FormData, schema: S, message: SiteMessage): z.output<S> => {
  const parsed = schema.safeParse(Object.fromEntries(form))
  if (parsed.success) return parsed.data
  const fields: Record<string, SiteMessage> = {}
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '')
    fields[name] ??= isMessageKey(issue.message) ? ({ code: issue.message } as SiteMessage) : { code: 'error.generic' }
  }
  return refuse(context, 'BAD_REQUEST', message, { fields, form })
}

/** A refusal as the page shows it: in the visitor's language, with what was typed. */
export type ShownRefusal = {
  message: string
  fields: Record<string, string>
  /** The first value typed into a field ('' when none). */
  value: (name: string) => string
  /** Every value sent under a name (repeated fields, kept files). */
  values: (name: string) => string[]
}

/**
 * The refusal of the action this request ran, ready to show; null when no action refused. An action that
 * failed without refusing (a bug, or a post Astro could not read) reads as the generic message.
 */
export const refusalOf = (locals: App.Locals, failed = false): ShownRefusal | null => {
  const refusal = locals.refusal ?? (failed ? { message: { code: 'error.generic' }, fields: {}, form: null } : null)
  if (!refusal) return null
  const form = refusal.form ?? locals.postedForm
  const values = (name: string) => (form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string')
  return {
    message: locals.t(refusal.message),
    fields: Object.fromEntries(Object.entries(refusal.fields).map(([name, message]) => [name, locals.t(message)])),
    value: (name) => values(name)[0] ?? '',
    values,
  }
}
