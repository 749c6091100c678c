/**
 * The offline queue of posts (a service request, a returned request's documents; site/islands/offlineQueue.ts
 * hands them over): records { key, url, entries, status: queued | sent | failed, result } in IndexedDB.
 */
declare const self: ServiceWorkerGlobalScope

const DB = 'desa-offline'
const STORE = 'requests'

type Entry = [string, FormDataEntryValue]
export type QueuedPost = { key: string; url: string; entries: Entry[]; status: 'queued' | 'sent' | 'failed'; result: unknown }

const database = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(DB, 1)
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' })
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })

const store = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void) => {
  const db = await database()
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(STORE, mode)
    const request = work(tx.objectStore(STORE))
    tx.oncomplete = () => resolve(request ? request.result : undefined)
    tx.onerror = () => reject(tx.error)
  })
}

const all = async () => (await store<QueuedPost[]>('readonly', (s) => s.getAll())) ?? []

export const enqueue = (post: Pick<QueuedPost, 'key' | 'url' | 'entries'>) =>
  store('readwrite', (s) => s.put({ ...post, status: 'queued', result: null } satisfies QueuedPost))

/** The page has shown the result: the record (with the resident's answers) is no longer kept. */
export const forget = (key: string) => store('readwrite', (s) => s.delete(key))

const announce = async () => {
  const done = (await all()).filter((record) => record.status !== 'queued')
  const clients = await self.clients.matchAll({ type: 'window' })
  for (const record of done)
    for (const client of clients) client.postMessage({ type: 'queue', key: record.key, status: record.status, result: record.result })
}

/**
 * Sends one queued post, asking for the page's answer as data (site/lib/islandAnswer.ts), which the page
 * that queued it shows. A network error or a busy server (429, 5xx) leaves it queued for the next try.
 */
const send = async (record: QueuedPost) => {
  const body = new FormData()
  for (const [name, value] of record.entries) body.append(name, value)
  const response = await fetch(record.url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
  if (response.status === 429 || response.status >= 500) return false
  // A refusal made before the page ran (a body over the server's limit) has no answer to show but itself.
  const result: unknown = await response.json().catch(() => null)
  await store('readwrite', (s) => s.put({ ...record, entries: [], status: response.ok ? 'sent' : 'failed', result } satisfies QueuedPost))
  return true
}

let flushing: Promise<boolean> | null = null
let next: Promise<boolean> | null = null

const sendWaiting = async () => {
  try {
    for (const record of await all()) if (record.status === 'queued' && !(await send(record))) break
  } catch {
    // Still offline: the records stay queued.
  }
  await announce()
  const waiting = (await all()).some((record) => record.status === 'queued')
  if (waiting) for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'queue-waiting' })
  return waiting
}

/**
 * Sends what waits, one at a time, then tells the open pages what became of each and whether posts still wait
 * (the connection is still down, or the server busy). A flush asked for while one runs runs again after it, since
 * the running one may have started before the connection returned. Resolves to whether a post still waits.
 */
export const flush = (): Promise<boolean> => {
  if (!flushing)
    return (flushing = sendWaiting().finally(() => {
      flushing = null
    }))
  return (next ??= flushing.then(() => {
    next = null
    return flush()
  }))
}
