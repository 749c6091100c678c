import { titleMark } from './dataset/dataset'
import { cartCookie } from './harness'

type Generated = 'news' | 'products' | 'episodes'
/**
 * The page types the bench measures in a browser. `content`: reading pages held to the HTML+CSS budget;
 * `noScript`: pages that must work without JavaScript files (an inline service-worker registration aside);
 * `interactive`: pages with islands, held to the interactive pages' JavaScript budget;
 * `cart`: opened with one product in the cart, as a buyer reaches them; `generated`: the page of the first
 * generated document of that collection (full-length text, several photos and variants), under `path`.
 */
export type PageType = {
  name: string
  path: string
  content?: boolean
  noScript?: boolean
  interactive?: boolean
  cart?: boolean
  generated?: Generated
  /** An island hydrated on the first touch (`client:interaction`): the label of the field a visitor taps first. */
  touch?: string
}

const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/', content: true, noScript: true },
  { name: 'profile', path: '/profil/sejarah', content: true, noScript: true },
  { name: 'news list', path: '/berita', content: true, noScript: true },
  { name: 'article', path: '/berita/', generated: 'news', content: true, noScript: true },
  { name: 'podcast episode', path: '/podcast/', generated: 'episodes', content: true, interactive: true },
  { name: 'product list', path: '/produk', content: true, noScript: true },
  { name: 'product', path: '/produk/', generated: 'products', content: true, noScript: true },
  { name: 'cart', path: '/keranjang', cart: true, interactive: true },
  { name: 'checkout', path: '/checkout', cart: true, interactive: true },
  { name: 'services list', path: '/layanan', content: true },
  { name: 'service form', path: '/layanan/keterangan-domisili/formulir', interactive: true, touch: 'Nama lengkap' },
  { name: 'tracking', path: '/layanan/lacak', interactive: true },
  { name: 'search', path: '/cari?q=kopi', interactive: true },
]

type Product = Parameters<typeof cartCookie>[1]
const firstGenerated = async (url: string, collection: Generated) => {
  const res = await fetch(`${url}/api/${collection}?where[title][like]=${encodeURIComponent(titleMark(0))}&depth=0&limit=1`)
  const { docs } = (await res.json()) as { docs: Product[] }
  if (!docs[0]) throw new Error(`No generated ${collection} found: was the dataset loaded?`)
  return docs[0]
}

/** Every page type with its path resolved, and the cookie of a cart holding the product page's product. */
export const pageTypes = async (url: string) => {
  const pages = await Promise.all(
    PAGE_TYPES.map(async (p) => (p.generated ? { ...p, path: p.path + (await firstGenerated(url, p.generated)).slug } : p)),
  )
  const cart = await cartCookie(url, await firstGenerated(url, 'products'))
  return { pages, cart }
}

/** The cookies a browser sends for a page type, as name/value pairs. */
export const cookiesFor = (page: PageType, cart: string) =>
  page.cart
    ? cart
        .split('; ')
        .filter(Boolean)
        .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }))
    : []
