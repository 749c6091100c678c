/**
 * What an island needs at once is small; what only some visits need is fetched the first time it is needed
 * (a dynamic import): photo shrinking when a file is chosen, the offline queue when the service worker
 * controls the page or a post is queued. Both are one small chunk ("offline", astro.config.mjs) that the
 * service worker precaches, so they load offline too.
 */
import type { QueueResult } from './offlineQueue'

export const loadQueue = () => import('./offlineQueue')

/** A photo shrunk before upload; the file itself when the shrinking code cannot be had (offline, not cached). */
export const shrink = (file: File) =>
  import('./compressImage').then(
    ({ compressImage }) => compressImage(file),
    () => file,
  )

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

/**
 * Calls `handle` for each result the service worker reports about this page's posts, once the worker
 * controls the page (only then can it report): at once if it does, else when it takes control.
 */
export const listenToQueue = (handle: (result: QueueResult) => void) => {
  const worker = navigator.serviceWorker
  if (!worker) return
  let listening = false
  const listen = () => {
    if (listening || !worker.controller) return
    listening = true
    loadQueue().then(
      ({ onQueueResult }) => onQueueResult(handle),
      () => {},
    )
  }
  listen()
  worker.addEventListener('controllerchange', listen)
}
