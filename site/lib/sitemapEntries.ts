import { asAnonymous, payload } from './payload'
import { newestOf, type SitemapEntry } from './sitemap'

type Dated = { slug?: string | null; updatedAt: string }

/** Slug and last change of everything an anonymous visitor may read in a collection (published, active). */
const published = async (collection: 'pages' | 'news' | 'episodes' | 'products' | 'producers' | 'services'): Promise<Dated[]> =>
  (
    await (
      await payload()
    ).find({
      collection,
      pagination: false,
      depth: 0,
      select: { slug: true, updatedAt: true },
      ...(collection === 'services' && { where: { active: { equals: true } } }),
      ...asAnonymous,
    })
  ).docs

/**
 * Every page a search engine should list, without the language prefix: the home page, the village profile, news,
 * podcast, the shop with every product and producer, and the residents' services with tracking. Pages for one
 * visitor (cart, checkout, orders, forms, confirmations, letters) and search results are left out.
 */
export const sitemapEntries = async (): Promise<SitemapEntry[]> => {
  const [pages, news, episodes, products, producers, services] = await Promise.all(
    (['pages', 'news', 'episodes', 'products', 'producers', 'services'] as const).map(published),
  )
  const all = [pages, news, episodes, products, producers, services].flat()
  const list = (base: string, docs: Dated[], listLastmod = newestOf(docs.map((d) => d.updatedAt))) => [
    { path: base, lastmod: listLastmod },
    ...docs.map((d) => ({ path: `${base}/${d.slug}`, lastmod: d.updatedAt })),
  ]
  const lastOf = (docs: Dated[]) => newestOf(docs.map((d) => d.updatedAt))
  return [
    { path: '/', lastmod: lastOf(all) },
    ...list('/profil', pages),
    ...list('/berita', news),
    ...list('/podcast', episodes),
    ...list('/produk', products, lastOf([...products, ...producers])),
    ...producers.map((p) => ({ path: `/produsen/${p.slug}`, lastmod: p.updatedAt })),
    ...list('/layanan', services),
    { path: '/layanan/lacak', lastmod: lastOf(services) },
  ]
}
