/**
 * Posts made offline (a service request, a returned request's documents) are handed to the service worker
 * (site/serviceWorker/queue.ts), which keeps them with their files in IndexedDB and sends them when the connection
 * returns: on the `online` event, on the next visit, or by Background Sync where the browser has it. The
 * submission key makes a repeated send harmless. `result` is the page's answer as data (null when the
 * server refused the post before the page could answer).
 */
export type QueueResult = { key: string; status: 'queued' | 'sent' | 'failed'; result: unknown }

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

/**
 * Calls `handle` for each result the service worker reports, and asks it to try sending what waits: now, and
 * whenever the connection returns (Background Sync may have fired too early, or the browser has none).
 */
export const onQueueResult = (handle: (result: QueueResult) => void) => {
  if (!navigator.serviceWorker) return
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'queue') handle(event.data as QueueResult)
  })
  const flush = () => navigator.serviceWorker.ready.then((r) => r.active?.postMessage('flush'))
  flush()
  addEventListener('online', flush)
}

/** The page has shown the result: the worker forgets the request (and the resident's answers with it). */
export const forget = (key: string) => navigator.serviceWorker.controller?.postMessage({ type: 'seen', key })
