import { useEffect, useReducer, useRef, useState, type FormEvent } from 'react'
import type { FormField } from '../../cms/resident-services/formFields'
import { answerText } from '../../cms/resident-services/letterValues'
import type { Locale } from '../../cms/lib/messages'
import { LabelledAnswers } from '../../cms/components/shared/AnswersTable'
import { FieldInput } from './FieldInput'
import { canQueue, listenToQueue, loadQueue, newSubmissionKey, shrink } from './deferred'
import { postForm } from './post'
import { say, type Phrasebook } from './phrasebook'
import { SendStatus } from './SendStatus'
import {
  draftKey,
  draftOf,
  formDataOf,
  hasFile,
  problemsOf,
  reduce,
  type RequestEvent,
  type FormState,
  type ServerAnswer,
} from './requestForm'

/** The texts the island shows, besides its fields' (FIELD_TEXTS). */
export const REQUEST_TEXTS = [
  'form.title',
  'form.next',
  'form.errorsTitle',
  'form.honeypot',
  'form.draftSaved',
  'form.draftRestored',
  'form.draftClear',
  'form.draftCleared',
  'form.uploading',
  'form.compressing',
  'form.noConnection',
  'error.generic',
  'check.title',
  'check.intro',
  'check.change',
  'check.submit',
  'check.file',
  'queue.queued',
  'queue.sending',
  'field.upload',
  'field.tick',
  'field.fill',
  'field.tooLong',
  'field.number',
  'field.date',
  'field.choose',
  'field.nik',
  'field.phone',
  'field.email',
] as const

type Props = {
  locale: Locale
  service: { slug: string; name: string }
  fields: FormField[]
  /** The actions' form URLs: the same posts work without JavaScript. */
  actions: { prepare: string; submit: string }
  /** What the server rendered: the form (possibly refused) or the check step after a plain post. */
  initial: Extract<ServerAnswer, { step: unknown }>
  texts: Phrasebook
}

const initialState = (initial: Props['initial']): FormState => ({
  step: initial.step,
  answers: initial.answers,
  kept: initial.files,
  chosen: {},
  problems: initial.problems,
  message: initial.message,
  submissionKey: initial.submissionKey,
})

/**
 * A service request, from the form through "check your answers" to sending, as one stateful component.
 * Rendered on the server it is two plain forms (prepare, then submit) that work without JavaScript; hydrated,
 * it checks answers with the server's rules, keeps a draft in this tab (never the NIK), shrinks photos and
 * shows upload progress on every try, shows the check step without a round trip when offline, and hands a
 * request made offline to the service worker's queue, from whichever step it is sent.
 */
export default function ServiceRequest({ locale, service, fields, actions, initial, texts }: Props) {
  const [state, render] = useReducer(reduce, initial, initialState)
  const [live, setLive] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [online, setOnline] = useState(true)
  // A new form element after "clear", so the file inputs forget their files too.
  const [generation, setGeneration] = useState(0)
  // The state as of the last event, for handlers that read it after awaiting (React renders it later).
  const latest = useRef(state)
  const dispatch = (event: RequestEvent) => {
    latest.current = reduce(latest.current, event)
    render(event)
  }
  const saving = useRef<ReturnType<typeof setTimeout>>(undefined)
  const shrinking = useRef(new Set<Promise<void>>())
  const summary = useRef<HTMLDivElement>(null)
  const queueStatus = useRef<HTMLParagraphElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const formElement = useRef<HTMLFormElement>(null)
  const moved = useRef(false)
  const t = (message: Parameters<typeof say>[1]) => say(texts, message)
  const draft = draftKey(service.slug)

  const finish = (confirmation: string) => {
    clearTimeout(saving.current)
    sessionStorage.removeItem(draft)
    location.assign(confirmation)
  }

  useEffect(() => {
    setLive(true)
    setOnline(navigator.onLine)
    // Earlier versions kept drafts, NIK included, in localStorage: nothing of them stays on the device.
    for (const key of Object.keys(localStorage)) if (key.startsWith('layanan:')) localStorage.removeItem(key)
    dispatch({ type: 'key', submissionKey: newSubmissionKey() })
    // What the resident typed or chose before the island was hydrated is in the inputs, not yet in the state.
    const elements = formElement.current?.elements
    for (const field of elements ? fields : []) {
      const input = elements!.namedItem(field.name)
      if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement)) continue
      if (input instanceof HTMLInputElement && input.type === 'file') {
        if (input.files?.[0]) choose(field.name, input.files[0])
        continue
      }
      const value = input instanceof HTMLInputElement && input.type === 'checkbox' ? (input.checked ? 'on' : '') : input.value
      if (value !== (latest.current.answers[field.name] ?? '')) dispatch({ type: 'edit', name: field.name, value })
    }
    const saved = JSON.parse(sessionStorage.getItem(draft) ?? 'null') as Record<string, string> | null
    const typed = Object.values(latest.current.answers).some(Boolean)
    if (saved && !typed && latest.current.step === 'form') {
      for (const [name, value] of Object.entries(saved)) dispatch({ type: 'edit', name, value })
      setStatus(t('form.draftRestored'))
    }
    const connection = () => setOnline(navigator.onLine)
    addEventListener('online', connection)
    addEventListener('offline', connection)
    listenToQueue(async ({ key, status: outcome, result }) => {
      if (key !== latest.current.submissionKey) return
      if (outcome === 'queued') return dispatch({ type: 'queued' })
      ;(await loadQueue()).forget(key)
      const answer = result as ServerAnswer | null
      if (!answer) return dispatch({ type: 'invalid', problems: {}, message: t('error.generic') })
      if ('sent' in answer) return finish(answer.sent)
      dispatch({ type: 'answered', answer })
    })
    return () => {
      removeEventListener('online', connection)
      removeEventListener('offline', connection)
    }
    // Once, on hydration: the draft and the queue belong to this page.
  }, [])

  // Where the eye is: the problems, the queued message, or the new step's heading.
  useEffect(() => {
    if (!moved.current) return
    const target = Object.keys(state.problems).length ? summary.current : state.step === 'queued' ? queueStatus.current : heading.current
    target?.focus()
    target?.scrollIntoView({ block: 'center' })
  }, [state.step, state.problems])

  const edit = (name: string, value: string) => {
    dispatch({ type: 'edit', name, value })
    clearTimeout(saving.current)
    saving.current = setTimeout(() => {
      const kept = draftOf(fields, latest.current.answers)
      if (Object.keys(kept).length) sessionStorage.setItem(draft, JSON.stringify(kept))
      else sessionStorage.removeItem(draft)
      setStatus(t('form.draftSaved'))
    }, 400)
  }

  const choose = (name: string, file: File | null) => {
    if (!file) return dispatch({ type: 'choose', name, file: null })
    setStatus(t('form.compressing'))
    const work = shrink(file).then((small) => {
      dispatch({ type: 'choose', name, file: small })
      shrinking.current.delete(work)
      if (!shrinking.current.size) setStatus(null)
    })
    shrinking.current.add(work)
  }

  const clear = () => {
    clearTimeout(saving.current)
    sessionStorage.removeItem(draft)
    dispatch({ type: 'clear', submissionKey: newSubmissionKey() })
    setGeneration((n) => n + 1)
    setStatus(t('form.draftCleared'))
  }

  const queue = async (data: FormData) => {
    const { queueRequest } = await loadQueue()
    queueRequest(new URL(actions.submit, location.href).href, data)
    dispatch({ type: 'queued' })
  }

  /** Posts a step; the answer is the next state, whatever it says. */
  const send = async (url: string, data: FormData) => {
    const uploading = Object.keys(latest.current.chosen).length > 0
    setBusy(true)
    try {
      const { answer } = await postForm<ServerAnswer>(
        url,
        data,
        uploading
          ? (percent) => {
              setProgress(percent)
              setStatus(`${t('form.uploading')} ${percent}%`)
            }
          : undefined,
      )
      if ('sent' in answer) return finish(answer.sent)
      setStatus(null)
      dispatch({ type: 'answered', answer })
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }

  const next = async (event: FormEvent) => {
    event.preventDefault()
    moved.current = true
    await Promise.all(shrinking.current)
    const problems = problemsOf(fields, latest.current)
    if (Object.keys(problems).length) {
      const shown = Object.fromEntries(Object.entries(problems).map(([name, problem]) => [name, t(problem)]))
      return dispatch({ type: 'invalid', problems: shown, message: t('form.errorsTitle') })
    }
    // Offline the answers are checked here; sending them will queue them, files and all.
    if (!navigator.onLine) return dispatch({ type: 'checkHere' })
    await send(actions.prepare, formDataOf(fields, latest.current, service.slug)).catch(() => dispatch({ type: 'checkHere' }))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    moved.current = true
    const data = formDataOf(fields, latest.current, service.slug)
    if (!navigator.onLine && canQueue()) return queue(data)
    await send(actions.submit, data).catch(() => {
      if (canQueue()) return queue(data)
      setStatus(t('form.noConnection'))
    })
  }

  const problemList = Object.entries(state.problems)
  const fileRow = (field: { name: string }) => {
    if (state.kept.some((f) => f.field === field.name)) return `✓ ${t('check.file')}`
    return state.chosen[field.name] ? `✓ ${state.chosen[field.name].name}` : '—'
  }
  const statusLine = <SendStatus status={status} progress={progress} label={t('form.uploading')} />
  return (
    <>
      {state.message && problemList.length === 0 && (
        <div className="alert" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <p className="queue-status alert" role="status" tabIndex={-1} ref={queueStatus} hidden={state.step !== 'queued'}>
        {state.step === 'queued' ? t(online ? 'queue.sending' : 'queue.queued') : ''}
      </p>
      {problemList.length > 0 && (
        <div className="alert" role="alert" tabIndex={-1} id="error-summary" ref={summary} autoFocus>
          <h2>{state.message}</h2>
          <ul>
            {problemList.map(([name, message]) => (
              <li key={name}>
                <a href={`#f-${name}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'check' && (
        <form method="post" action={actions.submit} className="check-answers" onSubmit={submit}>
          <h1 tabIndex={-1} ref={heading}>
            {t('check.title')}
          </h1>
          <p>{t('check.intro')}</p>
          <LabelledAnswers
            className="answers"
            fields={fields}
            answers={Object.fromEntries(fields.map((f) => [f.name, state.answers[f.name] ?? '']))}
            show={(field, value) => (field.type === 'file' ? fileRow(field) : answerText(field, value, locale) || '—')}
          />
          <input type="hidden" name="service" value={service.slug} />
          <input type="hidden" name="submissionKey" value={state.submissionKey} />
          {fields
            .filter((f) => f.type !== 'file')
            .map((f) => (
              <input key={f.name} type="hidden" name={f.name} value={state.answers[f.name] ?? ''} />
            ))}
          {state.kept.map((file) => (
            <input key={file.field} type="hidden" name="pending" value={`${file.field}:${file.token}`} />
          ))}
          {statusLine}
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('check.submit')}
            </button>
            <button
              type="submit"
              className="button secondary"
              name="intent"
              value="edit"
              formAction={actions.prepare}
              onClick={(e) => {
                if (!live) return
                e.preventDefault()
                moved.current = true
                dispatch({ type: 'back' })
              }}
            >
              {t('check.change')}
            </button>
          </div>
        </form>
      )}
      {state.step === 'form' && (
        <form
          key={generation}
          method="post"
          action={actions.prepare}
          encType="multipart/form-data"
          className="service-form"
          noValidate={live}
          onSubmit={next}
          ref={formElement}
        >
          <h1 tabIndex={-1} ref={heading}>
            {t('form.title')}: {service.name}
          </h1>
          <input type="hidden" name="service" value={service.slug} />
          <input type="hidden" name="submissionKey" value={state.submissionKey} />
          <div className="trap" aria-hidden="true">
            <label htmlFor="website">{t('form.honeypot')}</label>
            <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
          </div>
          {fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={state.answers[field.name] ?? ''}
              error={state.problems[field.name]}
              kept={
                field.type === 'file' && hasFile(state, field.name)
                  ? { token: state.kept.find((f) => f.field === field.name)?.token, name: state.chosen[field.name]?.name }
                  : undefined
              }
              texts={texts}
              onValue={(value) => edit(field.name, value)}
              onFile={(file) => choose(field.name, file)}
            />
          ))}
          {statusLine}
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('form.next')}
            </button>
            {live && (
              <button type="button" className="button secondary" onClick={clear}>
                {t('form.draftClear')}
              </button>
            )}
          </div>
        </form>
      )}
    </>
  )
}
