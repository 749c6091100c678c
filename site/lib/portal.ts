import type { Where } from 'payload'
import type { Service, Village } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { localePath } from '../i18n/locales'
import { cachedRead } from '../../cms/page-cache/cachedRead'
import { recordRead } from '../../cms/page-cache/reads'
import { facetTag } from '../../cms/page-cache/tags'
import { REGENCY_TAG } from '../../cms/globals/Regency'
import { idOf } from '../../cms/lib/relation'
import { villageAddresses } from '../../cms/villages/siteUrl'
import { asAnonymous, listedAs, payload } from './payload'
import type { Located } from './villageMap'

/**
 * The regency portal's reads (site/pages/kabupaten/), made inside the portal's scope (cms/villages/current.ts), where
 * an anonymous read returns the published documents of every active village, each naming its `village`. The portal
 * has no village to keep its reads under (cachedRead), so their names start with `portal:`.
 */

const NEWS_PER_PAGE = 10
const PRODUCTS_PER_PAGE = 12

/**
 * A village as the portal shows it: in its directory, as a filter, and as the site every link leads to (`site`: the
 * address of its home without the last slash, on its own domain or under /desa/<slug> on the regency's host).
 */
export type PortalVillage = Pick<Village, 'id' | 'name' | 'slug' | 'kecamatan'> & { site: string }

/** The regency's name and programme, in the visitor's language. */
export const getRegency = (locale: Locale) =>
  cachedRead(`portal:regency:${locale}`, async () => {
    // Globals are not tagged by their reads (cms/plugins/contentVersion.ts): its save invalidates this tag.
    recordRead(REGENCY_TAG)
    const regency = await (await payload()).findGlobal({ slug: 'regency', locale, depth: 0, overrideAccess: true })
    return { name: regency.name?.trim() || null, introduction: regency.introduction?.trim() || null }
  })

/**
 * The active villages, by kecamatan and name. The villages' records are staff-only (their accounts and templates), so
 * this reads them as the server, for the public facts a directory shows.
 */
export const portalVillages = (): Promise<PortalVillage[]> =>
  cachedRead('portal:villages', async () => {
    // A village without a domain of its own is served on the regency's host.
    recordRead(REGENCY_TAG)
    const p = await payload()
    const { docs } = await p.find({
      collection: 'villages',
      where: { status: { equals: 'active' } },
      sort: ['kecamatan', 'name'],
      pagination: false,
      depth: 0,
      select: { name: true, slug: true, kecamatan: true, domains: true },
      overrideAccess: true,
    })
    const addresses = await villageAddresses(p, docs)
    return docs.map(({ id, name, slug, kecamatan }, at) => ({ id, name, slug, kecamatan, site: addresses[at].site('') }))
  })

/** The villages grouped by kecamatan, in order; villages without one last, under `kecamatan: null`. */
export const byKecamatan = (villages: PortalVillage[]) => {
  const groups = new Map<string | null, PortalVillage[]>()
  for (const village of villages) {
    const key = village.kecamatan?.trim() || null
    groups.set(key, [...(groups.get(key) ?? []), village])
  }
  return [...groups]
    .map(([kecamatan, members]) => ({ kecamatan, villages: members }))
    .sort((a, b) => Number(a.kecamatan === null) - Number(b.kecamatan === null))
}

/** The address of a page of a village's own site, in the visitor's language (`/berita/panen` → its article). */
export const onVillageSite = (village: PortalVillage, locale: Locale, path: string) => village.site + localePath(locale, path)

/** Only the documents of these villages: the portal lists none of an archived village, whatever the scope lets through. */
const ofVillages = (villages: PortalVillage[]): Where => ({ village: { in: villages.length ? villages.map((v) => v.id) : [0] } })

/** Documents of the villages, each with its village as `source`. */
const withVillages = <T extends { village?: number | { id: number } | null }>(docs: T[], villages: PortalVillage[]) =>
  docs.flatMap((doc) => {
    const source = doc.village == null ? undefined : villages.find((v) => v.id === idOf(doc.village))
    return source ? [{ ...doc, source }] : []
  })

/**
 * The active villages that their settings place on the map (latitude and longitude both set). Read apart from the
 * directory, so that a village's settings saved drop only the page with the map.
 */
export const portalVillagesOnMap = (): Promise<Located<PortalVillage>[]> =>
  cachedRead('portal:map', async () => {
    const villages = await portalVillages()
    const { docs } = await (
      await payload()
    ).find({
      collection: 'settings',
      where: ofVillages(villages),
      pagination: false,
      depth: 0,
      select: { latitude: true, longitude: true, village: true },
      overrideAccess: true,
    })
    const places = new Map(docs.map((d) => [idOf(d.village), d]))
    return villages.flatMap((village) => {
      const place = places.get(village.id)
      return typeof place?.latitude === 'number' && typeof place.longitude === 'number'
        ? [{ ...village, latitude: place.latitude, longitude: place.longitude }]
        : []
    })
  })

/** An article without a title in any language is never shown (site/lib/news.ts). */
const titled = (doc: { title?: string | null }) => Boolean(doc.title?.trim())

type NewsQuery = { page: number; village?: PortalVillage }

/** One page of every active village's published articles, newest first, or one village's. */
export const portalNews = (locale: Locale, { page, village }: NewsQuery) =>
  cachedRead(`portal:news:${locale}:${page}:${village?.id ?? ''}`, async () => {
    const villages = await portalVillages()
    const result = await (
      await payload()
    ).find({
      collection: 'news',
      locale,
      where: ofVillages(village ? [village] : villages),
      sort: '-publishedAt',
      page,
      limit: NEWS_PER_PAGE,
      depth: 1,
      select: { slug: true, title: true, excerpt: true, cover: true, publishedAt: true, village: true, forEveryVillage: true },
      ...asAnonymous,
      ...(village ? {} : listedAs(facetTag('news', 'publishedAt'))),
    })
    return { ...result, docs: withVillages(result.docs.filter(titled), villages) }
  })

/** The newest articles of every active village with what the RSS feed carries (body, cover, categories, writer). */
export const portalNewsForFeed = (locale: Locale, limit = 30) =>
  cachedRead(`portal:feed:${locale}:${limit}`, async () => {
    const villages = await portalVillages()
    const { docs } = await (
      await payload()
    ).find({
      collection: 'news',
      locale,
      where: ofVillages(villages),
      sort: '-publishedAt',
      limit,
      depth: 1,
      select: {
        slug: true,
        title: true,
        excerpt: true,
        body: true,
        cover: true,
        categories: true,
        author: true,
        publishedAt: true,
        updatedAt: true,
        village: true,
      },
      ...asAnonymous,
      ...listedAs(facetTag('news', 'publishedAt')),
    })
    return withVillages(docs.filter(titled), villages)
  })

const cardSelect = {
  title: true,
  slug: true,
  price: true,
  compareAtPrice: true,
  gallery: true,
  trackStock: true,
  madeToOrder: true,
  variants: true,
  producer: true,
  village: true,
} as const

type ProductQuery = { page: number; villages?: PortalVillage[] }

/** The featured products of every village, newest first. */
export const portalFeaturedProducts = (locale: Locale, limit = 8) =>
  cachedRead(`portal:featured:${locale}:${limit}`, async () => {
    const villages = await portalVillages()
    const { docs } = await (
      await payload()
    ).find({
      collection: 'products',
      locale,
      where: { and: [{ featured: { equals: true } }, ofVillages(villages)] },
      sort: '-createdAt',
      limit,
      depth: 1,
      select: cardSelect,
      populate: { producers: { name: true, slug: true } },
      ...asAnonymous,
      ...listedAs(facetTag('products', 'featured', true)),
    })
    return withVillages(docs, villages)
  })

/** One page of every village's products for sale, newest first, or of some villages' (one village, one kecamatan). */
export const portalProducts = (locale: Locale, { page, villages: chosen }: ProductQuery) =>
  cachedRead(`portal:products:${locale}:${page}:${chosen?.map((v) => v.id).join(',') ?? ''}`, async () => {
    const villages = await portalVillages()
    const result = await (
      await payload()
    ).find({
      collection: 'products',
      locale,
      where: ofVillages(chosen ?? villages),
      sort: '-createdAt',
      page,
      limit: PRODUCTS_PER_PAGE,
      depth: 1,
      select: cardSelect,
      populate: { producers: { name: true, slug: true } },
      ...asAnonymous,
    })
    return { ...result, docs: withVillages(result.docs, villages) }
  })

export type PortalService = Pick<Service, 'slug' | 'name' | 'summary'> & { villages: PortalVillage[] }

/**
 * The services residents can request online, one entry per service (villages copy the regency's catalogue, so a
 * service has the same slug in each), in the catalogue's order, with the villages that offer it.
 */
export const portalServices = (locale: Locale): Promise<PortalService[]> =>
  cachedRead(`portal:services:${locale}`, async () => {
    const villages = await portalVillages()
    const { docs } = await (
      await payload()
    ).find({
      collection: 'services',
      locale,
      where: { and: [{ active: { equals: true } }, ofVillages(villages)] },
      sort: 'order',
      pagination: false,
      depth: 0,
      select: { slug: true, name: true, summary: true, village: true },
      ...asAnonymous,
    })
    const services = new Map<string, PortalService>()
    for (const doc of withVillages(docs, villages)) {
      const service = services.get(doc.slug) ?? { slug: doc.slug, name: doc.name, summary: doc.summary, villages: [] }
      service.villages.push(doc.source)
      services.set(doc.slug, service)
    }
    // Each service's villages in the directory's order.
    for (const service of services.values()) service.villages.sort((a, b) => villages.indexOf(a) - villages.indexOf(b))
    return [...services.values()]
  })
