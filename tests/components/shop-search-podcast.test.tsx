import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ShippingZone } from '../../cms/shop/shipping'
import { phrasebook } from '../../site/i18n/ui'
import CartEditor, { CART_TEXTS, type CartView } from '../../site/islands/CartEditor'
import EpisodePlayer, { chapterAt, PLAYER_TEXTS } from '../../site/islands/EpisodePlayer'
import LiveSearch, { SEARCH_TEXTS, type SuggestionGroup } from '../../site/islands/LiveSearch'
import ShippingTotal, { SHIPPING_TEXTS } from '../../site/islands/ShippingTotal'
import { click, mount, pageAnswering, settle, type } from './islands'

let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  unmount = undefined
  document.body.replaceChildren()
  document.cookie = 'keranjang_n=; max-age=0'
})

const line = (quantity: number) => ({
  variantId: 'v1',
  title: 'Kopi robusta bubuk',
  variantLabel: '500 g',
  href: '/produk/kopi-robusta-bubuk',
  unitPrice: 80_000,
  quantity,
  max: 10,
  lineTotal: 80_000 * quantity,
})
const cartOf = (quantity: number, notices: CartView['notices'] = []): CartView => ({
  lines: quantity ? [line(quantity)] : [],
  subtotal: 80_000 * quantity,
  notices,
})
const cart = (action: string, view = cartOf(1)) =>
  mount(
    <CartEditor
      view={view}
      action={action}
      links={{ browse: '/produk', lookup: '/pesanan', checkout: '/checkout' }}
      texts={phrasebook('id', CART_TEXTS)}
    />,
  )
const text = (selector: string) => document.querySelector(selector)?.textContent

describe('the cart editor', () => {
  it('sends a typed quantity by itself after a pause and redraws the cart from the server’s answer, announced, focus kept', async () => {
    const page = await pageAnswering([{ status: 200, body: cartOf(3, [{ text: 'Keranjang diperbarui.', tone: 'ok' }]) }])
    try {
      ;({ unmount } = await cart(page.url))
      const quantity = document.querySelector<HTMLInputElement>('input[name=quantity]')!
      quantity.focus()
      await type('Jumlah Kopi robusta bubuk', '3')
      // The server set the readable count cookie with its answer.
      document.cookie = 'keranjang_n=3'
      const count = Object.assign(document.createElement('span'), { hidden: true })
      count.dataset.cartCount = ''
      document.body.append(count)
      await settle(900)
      expect(page.posts).toHaveLength(1)
      expect(page.posts[0].accept).toBe('application/json')
      expect(page.posts[0].body).toContain('name="quantity"\r\n\r\n3')
      expect(text('.totals')).toMatch(/Rp\s240\.000/)
      expect(text('[data-cart-status]')).toBe('Keranjang diperbarui.')
      expect(text('.notice.ok')).toBe('Keranjang diperbarui.')
      expect(document.activeElement).toBe(quantity)
      expect([count.textContent, count.hidden]).toEqual(['3', false])
    } finally {
      page.close()
    }
  })

  it('sends a quantity typed before the island woke up (Astro hydrates it when the browser is idle)', async () => {
    const page = await pageAnswering([{ status: 200, body: cartOf(3) }])
    try {
      const island = (
        <CartEditor
          view={cartOf(1)}
          action={page.url}
          links={{ browse: '/produk', lookup: '/pesanan', checkout: '/checkout' }}
          texts={phrasebook('id', CART_TEXTS)}
        />
      )
      const host = document.createElement('div')
      host.innerHTML = renderToString(island)
      document.body.append(host)
      host.querySelector<HTMLInputElement>('input[name=quantity]')!.value = '3'
      let root: ReturnType<typeof hydrateRoot>
      await act(async () => {
        root = hydrateRoot(host, island)
      })
      unmount = () => act(() => root.unmount())
      await settle(900)
      expect(page.posts.map((p) => p.body.includes('name="quantity"\r\n\r\n3'))).toEqual([true])
      expect(text('.totals')).toMatch(/Rp\s240\.000/)
    } finally {
      page.close()
    }
  })

  it('removes a line in place, and says the cart is empty', async () => {
    const page = await pageAnswering([{ status: 200, body: cartOf(0) }])
    try {
      ;({ unmount } = await cart(page.url))
      await click('Hapus Kopi robusta bubuk')
      await settle(200)
      expect(page.posts[0].body).toContain('name="quantity"\r\n\r\n0')
      expect(text('[data-cart]')).toMatch(/Keranjang Anda masih kosong/)
    } finally {
      page.close()
    }
  })

  it('posts the form the usual way when the page gives no answer', async () => {
    const submitted = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {})
    ;({ unmount } = await cart('http://127.0.0.1:9/keranjang'))
    await click('Perbarui Kopi robusta bubuk')
    await settle(300)
    expect(submitted).toHaveBeenCalledOnce()
    submitted.mockRestore()
  })
})

describe('the checkout’s shipping total', () => {
  const zones: ShippingZone[] = [
    { name: 'Kalimantan', provinces: ['Kalimantan Timur'], baseFee: 10_000, perKgFee: 6_000 },
    { name: 'Jawa', provinces: ['Jawa Timur'], baseFee: 20_000, perKgFee: 10_000 },
  ]
  const checkout = () =>
    mount(
      <form>
        <input type="radio" name="delivery" value="pickup" defaultChecked aria-label="Ambil sendiri" />
        <input type="radio" name="delivery" value="courier" aria-label="Dikirim dengan kurir" />
        <select name="province" defaultValue="" aria-label="Provinsi">
          <option value="">Pilih</option>
          <option>Kalimantan Timur</option>
          <option>Jawa Timur</option>
          <option>Papua</option>
        </select>
        <button type="submit" formAction="?_action=shop.quoteShipping" data-quote>
          Hitung ongkir
        </button>
        <ShippingTotal
          zones={zones}
          weight={1000}
          subtotal={160_000}
          initial={{ delivery: 'pickup', province: '' }}
          texts={phrasebook('id', SHIPPING_TEXTS)}
        />
      </form>,
    )
  const choose = (province: string) =>
    act(() => {
      const select = document.querySelector('select')!
      select.value = province
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })

  it('follows the delivery and province chosen with the server’s zones and formula, without the quote button', async () => {
    ;({ unmount } = await checkout())
    expect(document.querySelector('[data-quote]')).toBeNull()
    expect(text('[data-fee]')).toBe(phrasebook('id', ['checkout.shippingFree'])['checkout.shippingFree'])
    await act(async () => document.querySelector<HTMLInputElement>('input[value=courier]')!.click())
    expect(text('[data-fee]')).toBe(phrasebook('id', ['checkout.shippingChoose'])['checkout.shippingChoose'])
    await choose('Jawa Timur')
    expect(text('[data-fee]')).toMatch(/Rp\s30\.000/)
    expect(text('[data-total]')).toMatch(/Rp\s190\.000/)
    await choose('Papua')
    expect(text('[data-fee]')).toBe(phrasebook('id', ['checkout.noZone'])['checkout.noZone'])
    expect(text('[data-total]')).toMatch(/Rp\s160\.000/)
  })
})

describe('the live search combobox', () => {
  const groups: SuggestionGroup[] = [
    {
      type: 'pages',
      label: 'Halaman',
      total: 2,
      hits: [
        {
          title: [
            { text: 'Sejar', match: true },
            { text: 'ah Desa', match: false },
          ],
          url: '/profil/sejarah',
        },
        {
          title: [
            { text: 'Sejar', match: true },
            { text: 'ah Pasar', match: false },
          ],
          url: '/profil/pasar',
        },
      ],
    },
  ]
  const key = (name: string) =>
    act(() => {
      document.getElementById('cari-q')!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }))
    })

  it('offers the first hits while typing, moves through them with the arrow keys, and Escape closes the list keeping the text', async () => {
    const endpoint = await pageAnswering([{ status: 200, body: { groups } }])
    try {
      ;({ unmount } = await mount(
        <LiveSearch action="/cari" endpoint={endpoint.url} q="" kept={{ type: 'pages' }} texts={phrasebook('id', SEARCH_TEXTS)} />,
      ))
      const box = document.getElementById('cari-q') as HTMLInputElement
      await type('Cari', 'sejar')
      await settle(500)
      const options = [...document.querySelectorAll('[role=option]')]
      expect(options.map((o) => o.textContent)).toEqual(['Sejarah Desa · Halaman', 'Sejarah Pasar · Halaman'])
      expect(options[0].querySelector('mark')?.textContent).toBe('Sejar')
      expect(box.getAttribute('aria-expanded')).toBe('true')
      expect(document.querySelector('[aria-live]')?.textContent).toMatch(/2/)
      await key('ArrowDown')
      await key('ArrowDown')
      expect(box.getAttribute('aria-activedescendant')).toBe(options[1].id)
      expect(options[1].getAttribute('aria-selected')).toBe('true')
      await key('ArrowDown')
      expect(box.getAttribute('aria-activedescendant')).toBe(options[0].id)
      await key('Escape')
      expect(box.getAttribute('aria-expanded')).toBe('false')
      expect(document.getElementById('cari-suggestions')!.hidden).toBe(true)
      expect(box.getAttribute('aria-activedescendant')).toBeNull()
      expect(box.value).toBe('sejar')
      // The search's type stays with the next plain submit.
      expect(document.querySelector<HTMLInputElement>('input[type=hidden][name=type]')?.value).toBe('pages')
    } finally {
      endpoint.close()
    }
  })
})

describe('the episode player', () => {
  const chapters = [
    { at: 0, title: 'Pembuka' },
    { at: 95, title: 'Panen kopi' },
    { at: 600, title: 'Penutup' },
  ]

  it('knows the chapter playing at each moment', () => {
    expect([0, 94, 95, 599, 3600].map((s) => chapterAt(chapters, s))).toEqual([0, 0, 1, 1, 2])
  })

  it('seeks the player from a chapter link (a #t= link into the file without JavaScript) and marks it as current', async () => {
    ;({ unmount } = await mount(<EpisodePlayer src="/media/audio/ep1.mp3" chapters={chapters} texts={phrasebook('id', PLAYER_TEXTS)} />))
    const audio = document.querySelector('audio')!
    const play = vi.spyOn(audio, 'play').mockResolvedValue()
    const link = [...document.querySelectorAll<HTMLAnchorElement>('.chapters a')][1]
    expect(link.getAttribute('href')).toBe('/media/audio/ep1.mp3#t=95')
    await act(async () => link.click())
    expect(audio.currentTime).toBe(95)
    expect(play).toHaveBeenCalledOnce()
    expect(link.closest('li')?.getAttribute('aria-current')).toBe('true')
  })
})
