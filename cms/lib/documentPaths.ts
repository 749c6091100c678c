/** Where each kind of public document is on a village's site, without the language prefix or the village's base. */
const PUBLIC_DOCUMENT_PATHS = {
  news: '/berita',
  pages: '/profil',
  products: '/produk',
  producers: '/produsen',
  episodes: '/podcast',
  services: '/layanan',
} as const

export type PublicCollection = keyof typeof PUBLIC_DOCUMENT_PATHS

/** The collections whose documents have a page of their own, the ones an editor may link to from rich text. */
export const PUBLIC_COLLECTIONS = Object.keys(PUBLIC_DOCUMENT_PATHS) as PublicCollection[]

export const isPublicCollection = (slug: string): slug is PublicCollection => slug in PUBLIC_DOCUMENT_PATHS

/** The page of a document: `documentPath('news', 'panen')` → `/berita/panen`. */
export const documentPath = (collection: PublicCollection, slug: string) => `${PUBLIC_DOCUMENT_PATHS[collection]}/${slug}`
