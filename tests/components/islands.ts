import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { applicantFields } from '../../cms/resident-services/applicantFields'
import type { FormField } from '../../cms/resident-services/formFields'
import { phrasebook } from '../../site/i18n/ui'
import { FIELD_TEXTS } from '../../site/islands/FieldInput'
import { REQUEST_TEXTS } from '../../site/islands/ServiceRequest'
import { TRACKING_TEXTS } from '../../site/islands/TrackedRequest'

// React's act() needs to be told it runs in a test environment.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** A request form as the CMS defines one: the applicant's fields, then the service's. */
export const FIELDS: FormField[] = [
  ...applicantFields('id'),
  { name: 'keperluan', label: 'Keperluan', type: 'text', required: true },
  { name: 'foto_ktp', label: 'Foto KTP', type: 'file', required: true, accept: ['image/jpeg'] },
]
export const REQUEST_BOOK = phrasebook('id', [...REQUEST_TEXTS, ...FIELD_TEXTS])
export const TRACKING_BOOK = phrasebook('id', [...TRACKING_TEXTS, ...FIELD_TEXTS])

/** Renders an island into the document, as Astro hydrates it; `unmount` at the end of the test. */
export const mount = async (element: ReactElement) => {
  const host = document.createElement('div')
  document.body.append(host)
  let root: Root
  await act(async () => {
    root = createRoot(host)
    root.render(element)
  })
  return {
    host,
    unmount: () => act(() => root.unmount()),
  }
}

const setter = (el: HTMLInputElement | HTMLTextAreaElement) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!

/** Types into a field by its label, as a person does (React listens to `input` events). */
export const type = async (label: string, value: string) => {
  const input = fieldByLabel(label) as HTMLInputElement
  await act(async () => {
    setter(input).call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export const tick = async (label: string) => {
  const input = fieldByLabel(label) as HTMLInputElement
  await act(async () => input.click())
}

export const chooseFile = async (label: string, file: File) => {
  const input = fieldByLabel(label) as HTMLInputElement
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

export const fieldByLabel = (label: string) => {
  const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label))
  if (!found) throw new Error(`No field labelled ${label}`)
  return (found.htmlFor ? document.getElementById(found.htmlFor) : found.querySelector('input'))!
}

export const button = (name: string) => {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)
  if (!found) throw new Error(`No button ${name}`)
  return found
}

export const click = async (name: string) => {
  await act(async () => button(name).click())
}

/** Lets the island's promises (files, posts) settle, and React render what they changed. */
export const settle = async (ms = 20) => {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms))
  })
}

/** Waits (rendering what changes) until `done` holds, for work that loads code first (the offline queue); 2 s at most. */
export const until = async (done: () => boolean) => {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 2000) throw new Error('Still not done after 2 s')
    await settle(20)
  }
}

export const fillApplicant = async () => {
  await type('Nama lengkap', 'Siti Aminah')
  await type('NIK', '6402014508900003')
  await type('Nomor HP/WhatsApp', '0812 3456 7890')
  await type('Alamat', 'RT 02, Dusun Hulu')
  await type('Keperluan', 'Melamar kerja')
}

/** Whether the browser is online, as `navigator.onLine` and its events tell the page. */
export const setOnline = (online: boolean) => {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true })
  dispatchEvent(new Event(online ? 'online' : 'offline'))
}

/**
 * The browser's service-worker API as a page controlled by the site's worker sees it: what the page posts
 * to the worker is recorded, and the worker's messages can be delivered (`deliver`).
 */
export const serviceWorkerContainer = () => {
  const posted: { type?: string; key?: string; url?: string; entries?: [string, FormDataEntryValue][] }[] = []
  const listeners: ((event: MessageEvent) => void)[] = []
  const worker = { postMessage: (message: (typeof posted)[number]) => posted.push(message) }
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      controller: worker,
      ready: Promise.resolve({ active: worker }),
      addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    },
  })
  return {
    posted,
    deliver: (data: unknown) => act(() => listeners.forEach((l) => l(new MessageEvent('message', { data })))),
  }
}

/**
 * The browser's upload progress, which happy-dom does not report: each post's upload tells that half of it
 * was sent, as a browser's XMLHttpRequest does while a body goes out. `restore` puts the real send back.
 */
export const reportUploadHalfway = () => {
  const send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
    send.call(this, body)
    this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded: 50, total: 100 }))
  }
  return { restore: () => void (XMLHttpRequest.prototype.send = send) }
}

/**
 * An HTTP server answering the island's posts (and reads) with the page's data answers it is given, in order, recording
 * each post (the island posts to the page's own URL; the page's answers are tested in e2e).
 */
export const pageAnswering = async (answers: { status: number; body: unknown; afterMs?: number }[]) => {
  const posts: { accept: string | undefined; body: string }[] = []
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    // The test document is on another origin: an upload with progress, or a read asking for JSON, is preflighted.
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Accept',
      'Access-Control-Allow-Methods': 'GET, POST',
    }
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end()
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    posts.push({ accept: req.headers.accept, body: Buffer.concat(chunks).toString('latin1') })
    const answer = answers.shift() ?? { status: 500, body: null }
    // A slow connection: the answer comes this long after the post was received.
    if (answer.afterMs) await new Promise((resolve) => setTimeout(resolve, answer.afterMs))
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...cors })
    res.end(JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/layanan/pengantar-skck/formulir`, posts, close: () => server.close() }
}
