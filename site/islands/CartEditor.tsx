import { useEffect, useRef, useState, type FormEvent } from 'react'
import { formatRupiah } from '../../cms/shop/money'
import { postForm } from './post'
import { say, type Phrasebook } from './phrasebook'

export const CART_TEXTS = [
  'cart.title',
  'cart.empty',
  'cart.browse',
  'cart.product',
  'cart.price',
  'cart.quantity',
  'cart.lineTotal',
  'cart.update',
  'cart.remove',
  'cart.max',
  'cart.subtotal',
  'cart.checkout',
  'lookup.link',
] as const

/** A line of the cart as the server priced it; `max` is what can be sold of it in one order. */
export type CartViewLine = {
  variantId: string
  title: string
  variantLabel: string | null
  href: string
  unitPrice: number
  quantity: number
  max: number
  lineTotal: number
}

/** What the cart page shows, and answers an island's post with (site/lib/islandAnswer.ts): its notices are in the page's language. */
export type CartView = {
  lines: CartViewLine[]
  subtotal: number
  notices: { text: string; tone: 'error' | 'ok' | null }[]
}

type Props = {
  view: CartView
  action: string
  links: { browse: string; lookup: string; checkout: string }
  texts: Phrasebook
}

/** The header's cart count follows the readable count cookie the server's answer set (site/lib/cart.ts). */
const showCount = () => {
  const count = document.querySelector<HTMLElement>('[data-cart-count]')
  const units = /(?:^|; )keranjang_n=(\d+)/.exec(document.cookie)?.[1] ?? '0'
  if (count) Object.assign(count, { textContent: units, hidden: units === '0' })
}

/** How long a typed quantity waits before it is sent by itself. */
const TYPING_PAUSE_MS = 600

/**
 * The cart's lines with their quantity and remove forms. Without JavaScript each form posts and the page comes
 * back; hydrated, a form posts in the background and the cart is redrawn from the server's answer (which
 * re-prices every line), its notices read out, and a changed quantity sends itself after a pause.
 */
export default function CartEditor({ view: first, action, links, texts }: Props) {
  const [view, setView] = useState(first)
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const cart = useRef<HTMLDivElement>(null)

  const send = async (form: HTMLFormElement) => {
    clearTimeout(timer.current)
    setBusy(true)
    try {
      const { answer } = await postForm<CartView>(action, new FormData(form))
      setView(answer)
      setTyped({})
      setStatus(answer.notices.map((n) => n.text).join(' '))
      showCount()
    } catch {
      // No answer from the page: the same form posts the usual way.
      form.submit()
    } finally {
      setBusy(false)
    }
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void send(event.currentTarget)
  }
  const type = (line: CartViewLine, input: HTMLInputElement) => {
    setTyped((t) => ({ ...t, [line.variantId]: input.value }))
    clearTimeout(timer.current)
    if (input.form && input.checkValidity()) {
      const form = input.form
      timer.current = setTimeout(() => void send(form), TYPING_PAUSE_MS)
    }
  }

  useEffect(() => {
    // A quantity typed before the island woke up (React replays no such change) is sent like one typed after.
    for (const line of first.lines) {
      const input = cart.current?.querySelector<HTMLInputElement>(`input[name=quantity][data-variant="${CSS.escape(line.variantId)}"]`)
      if (input && input.value !== String(line.quantity)) type(line, input)
    }
    return () => clearTimeout(timer.current)
  }, [])

  return (
    <>
      <p className="visually-hidden" role="status" data-cart-status="">
        {status}
      </p>
      <div className="wrap" data-cart="" aria-busy={busy || undefined} ref={cart}>
        <h1>{say(texts, 'cart.title')}</h1>
        {view.notices.map((n, i) => (
          <p key={i} className={n.tone ? `notice ${n.tone}` : 'notice'} role={n.tone === 'error' ? 'alert' : 'status'}>
            {n.text}
          </p>
        ))}
        {view.lines.length === 0 ? (
          <>
            <p className="empty">
              {say(texts, 'cart.empty')} <a href={links.browse}>{say(texts, 'cart.browse')}</a>
            </p>
            <p>
              <a href={links.lookup}>{say(texts, 'lookup.link')}</a>
            </p>
          </>
        ) : (
          <>
            <table className="cart-table">
              <thead>
                <tr>
                  <th scope="col">{say(texts, 'cart.product')}</th>
                  <th scope="col">{say(texts, 'cart.price')}</th>
                  <th scope="col">{say(texts, 'cart.quantity')}</th>
                  <th scope="col">{say(texts, 'cart.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {view.lines.map((line) => (
                  <tr key={line.variantId}>
                    <td data-label={say(texts, 'cart.product')}>
                      <a href={line.href}>{line.title}</a>
                      {line.variantLabel && (
                        <>
                          <br />
                          <small>{line.variantLabel}</small>
                        </>
                      )}
                    </td>
                    <td data-label={say(texts, 'cart.price')}>{formatRupiah(line.unitPrice)}</td>
                    <td data-label={say(texts, 'cart.quantity')} className="qty">
                      <form method="POST" action={action} onSubmit={submit}>
                        <input type="hidden" name="variantId" value={line.variantId} />
                        <label>
                          <span className="visually-hidden">
                            {say(texts, 'cart.quantity')} {line.title}
                          </span>
                          <input
                            type="number"
                            name="quantity"
                            data-variant={line.variantId}
                            min="0"
                            max={line.max}
                            value={typed[line.variantId] ?? String(line.quantity)}
                            onChange={(e) => type(line, e.currentTarget)}
                            inputMode="numeric"
                          />
                        </label>
                        <small className="max">{say(texts, { code: 'cart.max', params: { n: line.max } })}</small>
                        <button className="button small" type="submit">
                          {say(texts, 'cart.update')}
                          <span className="visually-hidden"> {line.title}</span>
                        </button>
                      </form>
                      <form method="POST" action={action} onSubmit={submit}>
                        <input type="hidden" name="variantId" value={line.variantId} />
                        <input type="hidden" name="quantity" value="0" />
                        <button className="button small secondary" type="submit">
                          {say(texts, 'cart.remove')}
                          <span className="visually-hidden"> {line.title}</span>
                        </button>
                      </form>
                    </td>
                    <td data-label={say(texts, 'cart.lineTotal')}>{formatRupiah(line.lineTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="totals">
              <dt>{say(texts, 'cart.subtotal')}</dt>
              <dd>{formatRupiah(view.subtotal)}</dd>
            </dl>
            <p>
              <a className="button" href={links.checkout}>
                {say(texts, 'cart.checkout')}
              </a>
            </p>
          </>
        )}
      </div>
    </>
  )
}
