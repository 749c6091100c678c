import { compressImage } from './compressImage'

/**
 * Enhances a service request form when JavaScript runs: a draft kept in this browser (so a dropped
 * connection or closed tab loses nothing), checks before sending, photos made smaller before upload,
 * and upload progress. Without JavaScript the form still works as a plain post.
 */
const form = document.querySelector<HTMLFormElement>('form.service-form')
const status = document.querySelector<HTMLElement>('.draft-status')

const say = (text: string) => {
  if (!status) return
  status.hidden = false
  status.textContent = text
}

const textInputs = (f: HTMLFormElement) =>
  [...f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].filter(
    (el) => el.name && !['file', 'hidden'].includes(el.type) && el.name !== 'website',
  )

// The same shapes the server checks; the messages come from the page, in its language.
const rules: Record<string, [RegExp, string]> = {
  nik: [/^\d{16}$/, form?.dataset.badNik ?? ''],
  phone: [/^(\+62|62|0)8[1-9][0-9]{6,11}$/, form?.dataset.badPhone ?? ''],
}

const checkField = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) => {
  const type = el.closest<HTMLElement>('[data-type]')?.dataset.type ?? ''
  const rule = rules[type]
  const value = el.value.replace(/[\s-]/g, '')
  el.setCustomValidity(rule && value && !rule[0].test(value) ? rule[1] : '')
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
      const draft = Object.fromEntries(inputs.map((el) => [el.name, el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.checked ? 'on' : '') : el.value]))
      localStorage.setItem(key, JSON.stringify(draft))
      say(status?.dataset.saved ?? '')
    }, 400)
  })

  form.addEventListener('submit', async (event) => {
    inputs.forEach(checkField)
    if (!form.reportValidity()) return event.preventDefault()
    const fileInputs = [...form.querySelectorAll<HTMLInputElement>('input[type=file]')].filter((i) => i.files?.length)
    if (!fileInputs.length) return
    event.preventDefault()
    const data = new FormData(form)
    say(status?.dataset.compressing ?? '')
    for (const input of fileInputs) data.set(input.name, await compressImage(input.files![0]!))
    const bars = fileInputs.map((i) => i.parentElement!.querySelector<HTMLProgressElement>('.upload-progress')).filter(Boolean) as HTMLProgressElement[]
    const xhr = new XMLHttpRequest()
    xhr.open('POST', form.action)
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return
      const percent = Math.round((e.loaded / e.total) * 100)
      bars.forEach((bar) => ((bar.hidden = false), (bar.value = percent)))
      say(`${status?.dataset.uploading ?? ''} ${percent}%`)
    })
    // Without a connection the browser's own submit is the best fallback: it shows the error and keeps the draft.
    xhr.addEventListener('error', () => form.submit())
    xhr.addEventListener('load', () => {
      history.replaceState(null, '', xhr.responseURL)
      document.open()
      document.write(xhr.responseText)
      document.close()
    })
    xhr.send(data)
  })
}

// The confirmation page: the request is sent, so its draft is no longer needed.
if (document.querySelector('[data-reference]')) {
  for (const k of Object.keys(localStorage)) if (k.startsWith('layanan:')) localStorage.removeItem(k)
}
