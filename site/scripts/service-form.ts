import { compressImage } from './compressImage'
import { canQueue, forget, newSubmissionKey, onQueueResult, queueRequest } from './offlineQueue'

/**
 * Enhances a service request form when JavaScript runs: a draft kept in this browser (so a dropped
 * connection or closed tab loses nothing), checks before sending, photos made smaller before upload,
 * upload progress, and a queue for requests made offline. Without JavaScript the form still works as a plain post.
 */
const form = document.querySelector<HTMLFormElement>('form.service-form')
const check = document.querySelector<HTMLFormElement>('form.check-answers')
const status = document.querySelector<HTMLElement>('.draft-status')
const queueStatus = document.querySelector<HTMLElement>('.queue-status')

const showQueue = (text: string) => {
  if (!queueStatus) return
  queueStatus.hidden = false
  queueStatus.textContent = text
}

// One key per filled-in request, kept from the form to the check page, so the server stores it once however often it is sent.
for (const f of [form, check]) {
  const key = f?.querySelector<HTMLInputElement>('input[name=submissionKey]')
  if (key && !key.value) key.value = newSubmissionKey()
}

/** Offline: the whole request (files included) goes to the worker's queue, to be created in one step when sent. */
const queue = (f: HTMLFormElement, data: FormData) => {
  queueRequest(new URL(f.dataset.queueAction!, location.href).href, data)
  f.hidden = true
  showQueue(queueStatus?.dataset.queued ?? '')
}

onQueueResult(({ key, status: state, result }) => {
  if (state === 'queued') return showQueue(queueStatus?.dataset.queued ?? '')
  forget(key)
  // Sent: the confirmation page shows the reference. Refused: the server's page shows the problems and keeps the answers.
  if (state === 'sent') return location.assign(result!)
  document.open()
  document.write(result!)
  document.close()
})
addEventListener('online', () => {
  if (queueStatus && !queueStatus.hidden) showQueue(queueStatus.dataset.sending ?? '')
})

const say = (text: string) => {
  if (!status) return
  status.hidden = false
  status.textContent = text
}

const textInputs = (f: HTMLFormElement) =>
  [...f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].filter(
    (el) => el.name && !['file', 'hidden'].includes(el.type) && el.name !== 'website',
  )

// The shapes come from the server with each field (data-pattern, data-ignore), the messages from the page, in its language.
const messages: Record<string, string> = { nik: form?.dataset.badNik ?? '', phone: form?.dataset.badPhone ?? '' }

const checkField = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) => {
  const { pattern, ignore } = el.dataset
  if (!pattern) return
  const value = ignore ? el.value.replace(new RegExp(ignore, 'g'), '') : el.value
  const type = el.closest<HTMLElement>('[data-type]')?.dataset.type ?? ''
  el.setCustomValidity(value && !new RegExp(pattern).test(value) ? (messages[type] ?? '') : '')
}

if (form) {
  const key = form.dataset.draft!
  const inputs = textInputs(form)
  const hasServerValues = inputs.some((el) => (el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value))
  const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, string> | null
  if (saved && !hasServerValues) {
    for (const el of inputs) {
      if (!(el.name in saved)) continue
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = saved[el.name] === 'on'
      else el.value = saved[el.name]!
    }
    say(status?.dataset.restored ?? '')
  }
  let timer: number | undefined
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement
    if (target.name) checkField(target)
    clearTimeout(timer)
    timer = window.setTimeout(() => {
      const draft = Object.fromEntries(
        inputs.map((el) => [el.name, el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.checked ? 'on' : '') : el.value]),
      )
      localStorage.setItem(key, JSON.stringify(draft))
      say(status?.dataset.saved ?? '')
    }, 400)
  })

  form.addEventListener('submit', async (event) => {
    inputs.forEach(checkField)
    if (!form.reportValidity()) return event.preventDefault()
    const fileInputs = [...form.querySelectorAll<HTMLInputElement>('input[type=file]')].filter((i) => i.files?.length)
    const offline = !navigator.onLine && canQueue()
    if (!fileInputs.length && !offline) return
    event.preventDefault()
    const data = new FormData(form)
    if (fileInputs.length) say(status?.dataset.compressing ?? '')
    for (const input of fileInputs) data.set(input.name, await compressImage(input.files![0]))
    if (offline) return queue(form, data)
    const bars = fileInputs
      .map((i) => i.parentElement!.querySelector<HTMLProgressElement>('.upload-progress'))
      .filter(Boolean) as HTMLProgressElement[]
    const xhr = new XMLHttpRequest()
    xhr.open('POST', form.action)
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return
      const percent = Math.round((e.loaded / e.total) * 100)
      bars.forEach((bar) => ((bar.hidden = false), (bar.value = percent)))
      say(`${status?.dataset.uploading ?? ''} ${percent}%`)
    })
    // The connection dropped: queue the request, or where that is impossible let the browser's own submit show the error (the draft is kept).
    xhr.addEventListener('error', () => (canQueue() ? queue(form, data) : form.submit()))
    xhr.addEventListener('load', () => {
      history.replaceState(null, '', xhr.responseURL)
      document.open()
      document.write(xhr.responseText)
      document.close()
    })
    xhr.send(data)
  })
}

check?.addEventListener('submit', (event) => {
  // "Change answers" needs the server; only the final send can wait in the queue.
  if (navigator.onLine || !canQueue() || event.submitter?.getAttribute('name') === 'intent') return
  event.preventDefault()
  queue(check, new FormData(check))
})

// The confirmation page: the request is sent, so its draft is no longer needed.
if (document.querySelector('[data-reference]')) {
  for (const k of Object.keys(localStorage)) if (k.startsWith('layanan:')) localStorage.removeItem(k)
}
