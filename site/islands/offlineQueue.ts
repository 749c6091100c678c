/**
 * Posts made offline (a service request, a returned request's documents) are handed to the service worker
 * (site/serviceWorker/queue.ts), which keeps them with their files in IndexedDB and sends them when the connection
 * returns: on the `online` event, on the next visit, or by Background Sync where the browser has it. The
 * submission key makes a repeated send harmless. `result` is the page's answer as data (null when the
 * server refused the post before the page could answer).
 */
type QueueResult = { key: string; status: 'queued' | 'sent' | 'failed'; result: unknown }

/** A random submission key in the UUID shape the server accepts (randomUUID needs HTTPS; getRandomValues does not). */
export const newSubmissionKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Whether this page can queue: a service worker controls it. */
export const canQueue = () => Boolean(navigator.serviceWorker?.controller)

/** Hands a filled-in form to the service worker to send later to `url`. */
export const queueRequest = (url: string, data: FormData) => {
  navigator.serviceWorker.controller!.postMessage({
    type: 'queue',
    key: String(data.get('submissionKey')),
    url,
    entries: [...data.entries()],
  })
  type WithSync = ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }
  navigator.serviceWorker.ready.then((r) => (r as WithSync).sync?.register('desa-queue')).catch(() => {})
}

/** Calls `handle` for each result the service worker reports, and asks it to try sending what waits. */
export const onQueueResult = (handle: (result: QueueResult) => void) => {
  if (!navigator.serviceWorker) return
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'queue') handle(event.data as QueueResult)
  })
  navigator.serviceWorker.ready.then((r) => r.active?.postMessage('flush'))
}

/** The page has shown the result: the worker forgets the request (and the resident's answers with it). */
export const forget = (key: string) => navigator.serviceWorker.controller?.postMessage({ type: 'seen', key })
