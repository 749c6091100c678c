import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Locale } from '../../cms/lib/messages'
import { formatWitaDate } from '../../cms/lib/wita'
import type { TrackedRequest as Tracked } from '../../cms/resident-services/requests'
import type { Status } from '../../cms/resident-services/status'
import { RequestTimeline, StatusBadge } from '../../cms/components/shared/RequestTimeline'
import { FieldInput } from './FieldInput'
import { canQueue, listenToQueue, loadQueue, newSubmissionKey, shrink } from './deferred'
import { postForm } from './post'
import { say, type Phrasebook } from './phrasebook'
import { SendStatus } from './SendStatus'

/** What the resident sees of a tracked request (its database id stays on the server), and whether it is finished. */
export type TrackedView = Omit<Tracked, 'id'> & { final: boolean }

/** The tracking page's answer to a completion, as data (site/lib/islandAnswer.ts). */
export type TrackingAnswer = {
  tracked: TrackedView | null
  done: null | 'cancelled' | 'completed'
  problems: Record<string, string>
  message: string | null
}

export const TRACKING_TEXTS = [
  'track.completed',
  'track.cancelled',
  'track.applicant',
  'track.service',
  'track.status',
  'track.expected',
  'track.download',
  'track.timeline',
  'track.officerNote',
  'track.yourReply',
  'track.returnedTitle',
  'track.returnedHelp',
  'track.asked',
  'track.reply',
  'track.replyMissing',
  'track.sendBack',
  'form.uploading',
  'form.compressing',
  'form.noConnection',
  'form.errorsTitle',
  'queue.completionQueued',
  'queue.completionSending',
  'field.upload',
  'error.generic',
  'status.submitted',
  'status.checking',
  'status.returned',
  'status.processing',
  'status.awaitingSignature',
  'status.done',
  'status.rejected',
  'status.cancelled',
] as const

type Props = {
  locale: Locale
  initial: TrackingAnswer & { tracked: TrackedView }
  digits: string
  /** The completion action's form URL (the same post works without JavaScript). */
  completeAction: string
  letterUrl: string
  /** What the resident typed in a refused completion, shown again. */
  reply: string
  texts: Phrasebook
}

/**
 * A tracked request on the tracking page: its status, timeline and, when the officer returned it, the
 * completion form (a reply and the documents asked for). Rendered on the server it is a plain multipart form;
 * hydrated, photos are shrunk before upload with progress, the answer updates the status and timeline in
 * place, and a completion made offline waits in the service worker's queue.
 */
export default function TrackedRequest({ locale, initial, digits, completeAction, letterUrl, reply: typed, texts }: Props) {
  const [answer, setAnswer] = useState<TrackingAnswer>(initial)
  const tracked = answer.tracked ?? initial.tracked
  const [reply, setReply] = useState(typed)
  const [chosen, setChosenState] = useState<Record<string, File>>({})
  // The files as of the last change, for the send that waited for a photo to shrink (React renders it later).
  const files = useRef(chosen)
  const setChosen = (next: Record<string, File>) => {
    files.current = next
    setChosenState(next)
  }
  const [progress, setProgress] = useState<number | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [queued, setQueued] = useState(false)
  const [online, setOnline] = useState(true)
  const [generation, setGeneration] = useState(0)
  const [live, setLive] = useState(false)
  const key = useRef('')
  const shrinking = useRef(new Set<Promise<void>>())
  const notice = useRef<HTMLParagraphElement>(null)
  const summary = useRef<HTMLDivElement>(null)
  const queueStatus = useRef<HTMLParagraphElement>(null)
  const formElement = useRef<HTMLFormElement>(null)
  const t = (message: Parameters<typeof say>[1]) => say(texts, message)
  const statusName = (s: Status) => t(`status.${s}`)

  const show = (next: TrackingAnswer) => {
    setQueued(false)
    setStatus(null)
    setAnswer(next)
    if (next.done) {
      key.current = newSubmissionKey()
      setReply('')
      setChosen({})
      setGeneration((n) => n + 1)
    }
    // Where the eye is: the problems, or the notice that it was sent.
    requestAnimationFrame(() => {
      const target = Object.keys(next.problems).length || next.message ? summary.current : notice.current
      target?.focus()
      target?.scrollIntoView({ block: 'center' })
    })
  }

  useEffect(() => {
    key.current = newSubmissionKey()
    setLive(true)
    // What the resident typed or chose before the island was hydrated is in the inputs, not yet in the state.
    const elements = formElement.current?.elements
    const typed = elements?.namedItem('reply')
    if (typed instanceof HTMLTextAreaElement && typed.value !== reply) setReply(typed.value)
    for (const field of elements ? tracked.uploads : []) {
      const input = elements!.namedItem(field.name)
      if (input instanceof HTMLInputElement && input.files?.[0]) choose(field.name, input.files[0])
    }
    setOnline(navigator.onLine)
    const connection = () => setOnline(navigator.onLine)
    addEventListener('online', connection)
    addEventListener('offline', connection)
    listenToQueue(async ({ key: queuedKey, status: outcome, result }) => {
      if (queuedKey !== key.current) return
      if (outcome === 'queued') return setQueued(true)
      ;(await loadQueue()).forget(queuedKey)
      show((result as TrackingAnswer | null) ?? { ...initial, done: null, problems: {}, message: t('error.generic') })
    })
    return () => {
      removeEventListener('online', connection)
      removeEventListener('offline', connection)
    }
    // Once, on hydration.
  }, [])

  useEffect(() => {
    if (!queued) return
    queueStatus.current?.focus()
    queueStatus.current?.scrollIntoView({ block: 'center' })
  }, [queued])

  const choose = (name: string, file: File | null) => {
    if (!file) {
      const { [name]: _dropped, ...rest } = files.current
      return setChosen(rest)
    }
    setStatus(t('form.compressing'))
    const work = shrink(file).then((small) => {
      setChosen({ ...files.current, [name]: small })
      shrinking.current.delete(work)
      if (!shrinking.current.size) setStatus(null)
    })
    shrinking.current.add(work)
  }

  const complete = async (event: FormEvent) => {
    event.preventDefault()
    await Promise.all(shrinking.current)
    const chosen = files.current
    const problems: Record<string, string> = {}
    for (const field of tracked.uploads)
      if (field.required && !chosen[field.name]) problems[field.name] = t({ code: 'field.upload', params: { label: field.label } })
    if (!reply.trim() && !Object.keys(chosen).length) problems.reply = t('track.replyMissing')
    if (Object.keys(problems).length) return show({ ...answer, done: null, problems, message: t('form.errorsTitle') })
    const data = new FormData()
    data.set('reference', tracked.reference)
    data.set('digits', digits)
    data.set('reply', reply)
    // The queue's key: the worker keeps one record per completion (the action reads no such field).
    data.set('submissionKey', key.current)
    for (const [name, file] of Object.entries(chosen)) data.set(name, file)
    const queue = async () => {
      const { queueRequest } = await loadQueue()
      queueRequest(new URL(completeAction, location.href).href, data)
      setQueued(true)
    }
    if (!navigator.onLine && canQueue()) return queue()
    try {
      const uploading = Object.keys(chosen).length > 0
      const { answer: next } = await postForm<TrackingAnswer>(
        completeAction,
        data,
        uploading
          ? (percent) => {
              setProgress(percent)
              setStatus(`${t('form.uploading')} ${percent}%`)
            }
          : undefined,
      )
      show(next)
    } catch {
      if (canQueue()) await queue()
      else setStatus(t('form.noConnection'))
    } finally {
      setProgress(null)
    }
  }

  const problems = Object.entries(answer.problems)
  const asked = tracked.uploads.filter((f) => f.required)
  return (
    <section aria-labelledby="result">
      {answer.done && (
        <p className="notice" role="status" tabIndex={-1} ref={notice}>
          {answer.done === 'cancelled' ? t('track.cancelled') : t('track.completed')}
        </p>
      )}
      <p className="queue-status alert" role="status" tabIndex={-1} ref={queueStatus} hidden={!queued}>
        {queued ? t(online ? 'queue.completionSending' : 'queue.completionQueued') : ''}
      </p>
      <h2 id="result">{tracked.reference}</h2>
      <dl className="facts">
        <dt>{t('track.applicant')}</dt>
        <dd data-masked-name>{tracked.maskedName}</dd>
        <dt>{t('track.service')}</dt>
        <dd>{tracked.serviceName}</dd>
        <dt>{t('track.status')}</dt>
        <dd>
          <StatusBadge status={tracked.status} name={statusName(tracked.status)} />
        </dd>
        {tracked.dueDate && !tracked.final && (
          <>
            <dt>{t('track.expected')}</dt>
            <dd>{formatWitaDate(tracked.dueDate, locale)}</dd>
          </>
        )}
      </dl>
      {tracked.letterReady && (
        <p>
          <a className="button" href={letterUrl} download={`surat-${tracked.reference}.pdf`}>
            {t('track.download')}
          </a>
        </p>
      )}
      <h3>{t('track.timeline')}</h3>
      <RequestTimeline
        entries={tracked.timeline}
        locale={locale}
        statusName={statusName}
        labels={{ officer: t('track.officerNote'), resident: t('track.yourReply') }}
      />
      {tracked.returned && !queued && (
        <form
          key={generation}
          method="post"
          action={completeAction}
          encType="multipart/form-data"
          noValidate={live}
          onSubmit={complete}
          ref={formElement}
        >
          <h3>{t('track.returnedTitle')}</h3>
          <p>{t('track.returnedHelp')}</p>
          {(problems.length > 0 || answer.message) && (
            <div className="alert" role="alert" tabIndex={-1} id="error-summary" ref={summary}>
              <h2>{answer.message}</h2>
              <ul>
                {problems.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${name === 'reply' ? 'reply' : `f-${name}`}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {asked.length > 0 && (
            <>
              <p>{t('track.asked')}</p>
              <ul>
                {asked.map((f) => (
                  <li key={f.name}>{f.label}</li>
                ))}
              </ul>
            </>
          )}
          <input type="hidden" name="reference" value={tracked.reference} />
          <input type="hidden" name="digits" value={digits} />
          <div className={`field${answer.problems.reply ? ' field-error' : ''}`}>
            <label htmlFor="reply">{t('track.reply')}</label>
            {answer.problems.reply && (
              <p className="error" id="reply-error">
                {answer.problems.reply}
              </p>
            )}
            <textarea
              id="reply"
              name="reply"
              rows={3}
              maxLength={2000}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              aria-invalid={answer.problems.reply ? true : undefined}
              aria-describedby={answer.problems.reply ? 'reply-error' : undefined}
            />
          </div>
          {tracked.uploads.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value=""
              error={answer.problems[field.name]}
              kept={chosen[field.name] ? { name: chosen[field.name].name } : undefined}
              texts={texts}
              onFile={(file) => choose(field.name, file)}
            />
          ))}
          <SendStatus status={status} progress={progress} label={t('form.uploading')} />
          <button type="submit" className="button">
            {t('track.sendBack')}
          </button>
        </form>
      )}
    </section>
  )
}
