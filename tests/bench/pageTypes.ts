import { cartCookie } from './harness'

/**
 * The page types the bench measures in a browser. `content`: reading pages held to the HTML+CSS budget;
 * `noScript`: pages that must work without JavaScript files (an inline service-worker registration aside);
 * `cart`: opened with one product in the cart, as a buyer reaches them.
 */
export type PageType = { name: string; path: string; content?: boolean; noScript?: boolean; cart?: boolean }

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/', content: true, noScript: true },
  { name: 'profile', path: '/profil/sejarah', content: true, noScript: true },
  { name: 'news list', path: '/berita', content: true, noScript: true },
  { name: 'article', path: '/berita/panen-raya-lada-2026', content: true, noScript: true },
  { name: 'podcast episode', path: '/podcast/panen-lada-bersama', content: true },
  { name: 'product list', path: '/produk', content: true, noScript: true },
  { name: 'product', path: '/produk/kopi-robusta-bubuk', content: true, noScript: true },
  { name: 'cart', path: '/keranjang', cart: true },
  { name: 'checkout', path: '/checkout', cart: true },
  { name: 'services list', path: '/layanan', content: true },
  { name: 'service form', path: '/layanan/keterangan-domisili/formulir' },
  { name: 'tracking', path: '/layanan/lacak' },
  { name: 'search', path: '/cari?q=kopi' },
]

/** The cookie of a cart holding one seeded product (the product page type's). */
export const oneProductCart = async (url: string) => {
  const slug = PAGE_TYPES.find((p) => p.name === 'product')!.path.split('/').pop()
  const res = await fetch(`${url}/api/products?where[slug][equals]=${slug}&depth=0&limit=1`)
  const { docs } = (await res.json()) as { docs: Parameters<typeof cartCookie>[1][] }
  if (!docs[0]) throw new Error(`The seeded product ${slug} is missing`)
  return cartCookie(url, docs[0])
}

/** The cookies a browser sends for a page type, as name/value pairs. */
export const cookiesFor = (page: PageType, cart: string) =>
  page.cart ? cart.split('; ').filter(Boolean).map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) })) : []
