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

/** How long the page waits before asking again while posts still wait and the browser says it is online. */
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000]

/**
 * Calls `handle` for each result the service worker reports, and asks it to try sending what waits: now, whenever
 * the connection returns, and again a little later each time a try ends with posts still waiting while the
 * browser is online (Background Sync may have fired too early, the connection may come back a moment after the
 * `online` event, or the browser has no Background Sync).
 */
export const onQueueResult = (handle: (result: QueueResult) => void) => {
  if (!navigator.serviceWorker) return
  let tries = 0
  let retry: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(retry)
    return navigator.serviceWorker.ready.then((r) => r.active?.postMessage('flush'))
  }
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'queue') handle(event.data as QueueResult)
    if (event.data?.type === 'queue-waiting' && navigator.onLine) {
      clearTimeout(retry)
      retry = setTimeout(flush, RETRY_MS[Math.min(tries++, RETRY_MS.length - 1)])
    }
  })
  flush()
  addEventListener('online', () => {
    tries = 0
    void flush()
  })
}

/** The page has shown the result: the worker forgets the request (and the resident's answers with it). */
export const forget = (key: string) => navigator.serviceWorker.controller?.postMessage({ type: 'seen', key })
