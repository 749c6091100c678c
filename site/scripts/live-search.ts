/**
 * Live suggestions on /cari (ARIA 1.2 combobox with a listbox popup). Without this script the form is
 * a plain GET form; with it, a pause in typing fetches /cari.json and offers the first hits per type.
 * Arrow keys move through the options, Enter opens one, Escape closes the list, Enter in the box
 * without a chosen option submits the form as usual.
 */
import { fill } from '../../cms/lib/messages'

type Part = { text: string; match: boolean }
type Group = { type: string; label: string; total: number; hits: { title: Part[]; url: string }[] }

const form = document.querySelector<HTMLFormElement>('form[data-live-search]')
const input = form?.querySelector<HTMLInputElement>('input[role="combobox"]')
const list = form?.querySelector<HTMLUListElement>('[role="listbox"]')
const liveStatus = form?.querySelector<HTMLElement>('[data-live-status]')

if (form && input && list && liveStatus) {
  let timer: number | undefined
  let controller: AbortController | undefined
  let active = -1
  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')]

  const close = () => {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    active = -1
  }

  const select = (index: number) => {
    const all = options()
    if (!all.length) return
    active = (index + all.length) % all.length
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)))
    input.setAttribute('aria-activedescendant', all[active].id)
    all[active].scrollIntoView({ block: 'nearest' })
  }

  const render = (groups: Group[]) => {
    list.replaceChildren()
    let n = 0
    for (const group of groups) {
      for (const hit of group.hits) {
        const option = document.createElement('li')
        option.id = `cari-option-${n++}`
        option.setAttribute('role', 'option')
        option.setAttribute('aria-selected', 'false')
        option.dataset.url = hit.url
        for (const part of hit.title) {
          option.append(
            part.match ? Object.assign(document.createElement('mark'), { textContent: part.text }) : document.createTextNode(part.text),
          )
        }
        const type = document.createElement('span')
        type.className = 'option-type'
        type.textContent = ` · ${group.label}`
        option.append(type)
        list.append(option)
      }
    }
    liveStatus.textContent = n ? fill(liveStatus.dataset.some!, { n }) : liveStatus.dataset.none!
    active = -1
    input.removeAttribute('aria-activedescendant')
    list.hidden = n === 0
    input.setAttribute('aria-expanded', String(n > 0))
  }

  const fetchSuggestions = async () => {
    const q = input.value.trim()
    controller?.abort()
    if (q.length < 2) return close()
    controller = new AbortController()
    try {
      const res = await fetch(`${form.dataset.endpoint}?q=${encodeURIComponent(q)}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
      if (!res.ok) return close()
      render(((await res.json()) as { groups: Group[] }).groups)
    } catch {
      // Aborted by newer typing, or offline: the plain form still works.
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(fetchSuggestions, 250)
  })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) return
      event.preventDefault()
      select(active + (event.key === 'ArrowDown' ? 1 : -1))
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault()
      window.location.assign(options()[active].dataset.url!)
    } else if (event.key === 'Escape' && !list.hidden) {
      // Closing the list must not also clear what was typed (a search field's own Escape does that).
      event.preventDefault()
      close()
    }
  })
  input.addEventListener('blur', () => window.setTimeout(close, 150))
  list.addEventListener('mousedown', (event) => event.preventDefault())
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLLIElement>('[role="option"]')
    if (option) window.location.assign(option.dataset.url!)
  })
}
