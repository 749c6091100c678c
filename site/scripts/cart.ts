/**
 * The cart without page reloads: each form in the cart posts in the background and the cart is redrawn
 * from the server's answer (which re-prices every line); a changed quantity sends itself after a pause.
 * Without JavaScript the same forms post normally.
 */
const cart = document.querySelector<HTMLElement>('[data-cart]')
const cartStatus = document.querySelector<HTMLElement>('[data-cart-status]')

const redraw = async (form: HTMLFormElement) => {
  const focused = (document.activeElement as HTMLInputElement | null)?.form?.querySelector<HTMLInputElement>('[name=variantId]')?.value
  cart!.setAttribute('aria-busy', 'true')
  try {
    const response = await fetch(form.action, { method: 'POST', body: new FormData(form) })
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-cart]')
    if (!next) throw new Error('no cart in the answer')
    cart!.innerHTML = next.innerHTML
    // The header's count follows the cart (the server's answer set the readable count cookie).
    const count = document.querySelector<HTMLElement>('[data-cart-count]')
    const units = /(?:^|; )keranjang_n=(\d+)/.exec(document.cookie)?.[1] ?? '0'
    if (count) Object.assign(count, { textContent: units, hidden: units === '0' })
    // The cart's messages (updated, price changed, not enough stock) are read out by screen readers.
    if (cartStatus) cartStatus.textContent = [...cart!.querySelectorAll('.notice')].map((n) => n.textContent).join(' ')
    if (focused)
      cart!
        .querySelector<HTMLInputElement>(`input[name=variantId][value="${CSS.escape(focused)}"]`)
        ?.form?.querySelector<HTMLInputElement>('[name=quantity]')
        ?.focus()
  } catch {
    form.submit()
  } finally {
    cart!.removeAttribute('aria-busy')
  }
}

if (cart) {
  let timer: ReturnType<typeof setTimeout> | undefined
  cart.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement
    event.preventDefault()
    void redraw(form)
  })
  cart.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement
    if (input.name !== 'quantity' || !input.form || !input.checkValidity()) return
    clearTimeout(timer)
    timer = setTimeout(() => input.form!.requestSubmit(), 600)
  })
}
