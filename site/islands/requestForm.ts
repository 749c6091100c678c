import type { Answers, FormField } from '../../cms/resident-services/formFields'
import { fieldProblem } from '../../cms/resident-services/formFields'
import type { PendingFile } from '../../cms/resident-services/requests'
import type { Message } from '../../cms/lib/messages'

/**
 * The service request form's state machine (site/islands/ServiceRequest.tsx shows it): the form, the check
 * step, and a request waiting offline in the service worker's queue. Nothing here touches the page, so a
 * server refusal is just one more event: the state, and with it the enhancement, carries on.
 */
export type Step = 'form' | 'check' | 'queued'

/** What the server says about a posted step, as the page answers an island (`Accept: application/json`). */
export type ServerAnswer =
  | { sent: string }
  | {
      step: 'form' | 'check'
      answers: Answers
      /** Files the server received and keeps for this submission. */
      files: PendingFile[]
      /** Each field's problem, in the page's language. */
      problems: Record<string, string>
      /** What is wrong, above the form: with the problems as its heading, alone as a notice. */
      message: string | null
      submissionKey: string
    }

export type FormState = {
  step: Step
  answers: Answers
  /** Files kept by the server from an earlier post (`pending`). */
  kept: PendingFile[]
  /** Files chosen in this browser (photos already shrunk), not yet received by the server. */
  chosen: Record<string, File>
  /** Problems by field name, in the page's language. */
  problems: Record<string, string>
  /** What is wrong with the last post, or null. */
  message: string | null
  submissionKey: string
}

export type RequestEvent =
  | { type: 'edit'; name: string; value: string }
  | { type: 'choose'; name: string; file: File | null }
  | { type: 'invalid'; problems: Record<string, string>; message: string }
  /** The answers passed the browser's checks and no connection is needed to look at them. */
  | { type: 'checkHere' }
  | { type: 'back' }
  | { type: 'answered'; answer: Extract<ServerAnswer, { step: unknown }> }
  | { type: 'queued' }
  | { type: 'clear'; submissionKey: string }
  /** The browser made the submission's key (the page may be cached, so the server cannot). */
  | { type: 'key'; submissionKey: string }

export const reduce = (state: FormState, event: RequestEvent): FormState => {
  switch (event.type) {
    case 'edit':
      return { ...state, answers: { ...state.answers, [event.name]: event.value } }
    case 'choose': {
      const chosen = { ...state.chosen }
      if (event.file) chosen[event.name] = event.file
      else delete chosen[event.name]
      return { ...state, chosen }
    }
    case 'invalid':
      return { ...state, step: 'form', problems: event.problems, message: event.message }
    case 'checkHere':
      return { ...state, step: 'check', problems: {}, message: null }
    case 'back':
      return { ...state, step: 'form' }
    case 'answered': {
      const { answer } = event
      // Files the server now keeps are no longer the browser's to send; a refused file must be chosen again.
      const chosen = Object.fromEntries(
        Object.entries(state.chosen).filter(([name]) => !answer.files.some((f) => f.field === name) && !answer.problems[name]),
      )
      return {
        ...state,
        step: answer.step,
        answers: { ...state.answers, ...answer.answers },
        kept: answer.files,
        chosen,
        problems: answer.problems,
        message: answer.message,
        submissionKey: answer.submissionKey || state.submissionKey,
      }
    }
    case 'queued':
      return { ...state, step: 'queued', problems: {}, message: null }
    case 'key':
      return { ...state, submissionKey: state.submissionKey || event.submissionKey }
    case 'clear':
      return { step: 'form', answers: {}, kept: [], chosen: {}, problems: {}, message: null, submissionKey: event.submissionKey }
  }
}

/** Whether a file field has a file: chosen here, or kept by the server. */
export const hasFile = (state: Pick<FormState, 'kept' | 'chosen'>, name: string) =>
  name in state.chosen || state.kept.some((f) => f.field === name)

/** The browser's check of the answers, with the rules the server validates with (cms/resident-services/formFields.ts). */
export const problemsOf = (fields: FormField[], state: Pick<FormState, 'answers' | 'kept' | 'chosen'>): Record<string, Message> => {
  const problems: Record<string, Message> = {}
  for (const field of fields) {
    const problem =
      field.type === 'file'
        ? field.required && !hasFile(state, field.name)
          ? { code: 'field.upload', params: { label: field.label } }
          : null
        : fieldProblem(field, state.answers[field.name])
    if (problem) problems[field.name] = problem
  }
  return problems
}

/** What a posted step carries: the answers, the files the server keeps and those chosen here. */
export const formDataOf = (fields: FormField[], state: FormState, service: string) => {
  const data = new FormData()
  data.set('service', service)
  data.set('submissionKey', state.submissionKey)
  for (const field of fields) if (field.type !== 'file') data.set(field.name, state.answers[field.name] ?? '')
  for (const file of state.kept) data.append('pending', `${file.field}:${file.token}`)
  for (const [name, file] of Object.entries(state.chosen)) data.set(name, file)
  return data
}

/**
 * The draft kept in this tab (sessionStorage, gone when the tab closes): every answer but a NIK, which is
 * never stored in the browser (a shared phone or office PC would show it to the next person); files neither.
 */
export const draftOf = (fields: FormField[], answers: Answers): Answers =>
  Object.fromEntries(fields.filter((f) => f.type !== 'nik' && f.type !== 'file' && answers[f.name]).map((f) => [f.name, answers[f.name]]))

/** The draft's key in sessionStorage, per service. */
export const draftKey = (service: string) => `layanan:${service}`
