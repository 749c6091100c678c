import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { say, type Phrasebook } from './phrasebook'

export const SEARCH_TEXTS = [
  'search.label',
  'search.placeholder',
  'search.submit',
  'search.suggestions',
  'search.live',
  'search.liveNone',
] as const

type Part = { text: string; match: boolean }
/** One type's first hits as /cari.json answers them. */
export type SuggestionGroup = { type: string; label: string; total: number; hits: { title: Part[]; url: string }[] }
type Option = { title: Part[]; url: string; label: string }

type Props = {
  /** The search page (`/cari` or `/en/cari`) and the suggestions' endpoint beside it. */
  action: string
  endpoint: string
  q: string
  /** The type and filters of the current search, kept by a new one. */
  kept: Readonly<Record<string, string | undefined>>
  texts: Phrasebook
}

/** How long typing pauses before suggestions are asked for. */
const TYPING_PAUSE_MS = 250

/**
 * The search form of /cari as an ARIA 1.2 combobox with a listbox popup. Without JavaScript it is a plain GET
 * form; hydrated, a pause in typing fetches the first hits per type. Arrow keys move through the options, Enter
 * opens one, Escape closes the list, Enter without a chosen option submits the form as usual.
 */
export default function LiveSearch({ action, endpoint, q, kept, texts }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const pending = useRef<AbortController>(undefined)
  const [options, setOptions] = useState<Option[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState('')

  const close = () => {
    setOpen(false)
    setActive(-1)
  }
  const suggest = async () => {
    const typed = input.current?.value.trim() ?? ''
    pending.current?.abort()
    if (typed.length < 2) return close()
    const controller = (pending.current = new AbortController())
    try {
      const res = await fetch(`${endpoint}?q=${encodeURIComponent(typed)}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
      if (!res.ok) return close()
      const { groups } = (await res.json()) as { groups: SuggestionGroup[] }
      const found = groups.flatMap((g) => g.hits.map((hit) => ({ ...hit, label: g.label })))
      setOptions(found)
      setActive(-1)
      setOpen(found.length > 0)
      setStatus(found.length ? say(texts, { code: 'search.live', params: { n: found.length } }) : say(texts, 'search.liveNone'))
    } catch {
      // Aborted by newer typing, or offline: the plain form still works.
    }
  }
  const typing = () => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void suggest(), TYPING_PAUSE_MS)
  }
  useEffect(() => {
    // What was typed before the island woke up is suggested for at once.
    if (document.activeElement === input.current && input.current?.value !== q) typing()
    return () => {
      clearTimeout(timer.current)
      pending.current?.abort()
    }
  }, [])

  const keydown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return
      event.preventDefault()
      const next = (active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length
      setActive(next)
      document.getElementById(`cari-option-${next}`)?.scrollIntoView({ block: 'nearest' })
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault()
      window.location.assign(options[active].url)
    } else if (event.key === 'Escape' && open) {
      // Closing the list must not also clear what was typed (a search field's own Escape does that).
      event.preventDefault()
      close()
    }
  }

  return (
    <form className="search-form" action={action} method="get" role="search" aria-labelledby="search-title">
      <label htmlFor="cari-q">{say(texts, 'search.label')}</label>
      <div className="search-row">
        <input
          id="cari-q"
          ref={input}
          type="text"
          enterKeyHint="search"
          name="q"
          defaultValue={q}
          maxLength={500}
          autoComplete="off"
          placeholder={say(texts, 'search.placeholder')}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls="cari-suggestions"
          aria-activedescendant={open && active >= 0 ? `cari-option-${active}` : undefined}
          onInput={typing}
          onKeyDown={keydown}
          onBlur={() => setTimeout(close, 150)}
        />
        <button className="button" type="submit">
          {say(texts, 'search.submit')}
        </button>
      </div>
      {Object.entries(kept).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
      <ul
        id="cari-suggestions"
        role="listbox"
        aria-label={say(texts, 'search.suggestions')}
        hidden={!open}
        onMouseDown={(e) => e.preventDefault()}
      >
        {options.map((option, i) => (
          <li
            key={`${i}-${option.url}`}
            id={`cari-option-${i}`}
            role="option"
            aria-selected={i === active}
            data-url={option.url}
            onClick={() => window.location.assign(option.url)}
          >
            {option.title.map((part, j) => (part.match ? <mark key={j}>{part.text}</mark> : part.text))}
            <span className="option-type"> · {option.label}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </form>
  )
}
