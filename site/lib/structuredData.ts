import type { Podcast, Product, Service, Setting } from '../../cms/payload-types'
import type { ShippingZone } from '../../cms/shop/shipping'
import { DEFAULT_LOCALE, localePath, type Locale } from '../i18n/locales'
import { mediaUrl } from './images'

/** schema.org data for `<script type="application/ld+json">`, built from what the pages already read. */

type Thing = Record<string, unknown>
const CONTEXT = 'https://schema.org'

/** The village's logo as an absolute URL (the original file: Google wants at least 112×112 px). */
export const logoUrl = (origin: string, settings: Setting) => {
  const logo = settings.logo && typeof settings.logo === 'object' ? settings.logo : null
  return logo?.filename ? origin + mediaUrl(logo.filename) : undefined
}

const postalAddress = (settings: Setting) =>
  settings.address
    ? {
        '@type': 'PostalAddress',
        streetAddress: settings.address,
        addressLocality: settings.kecamatan ?? undefined,
        addressRegion: [settings.kabupaten, settings.provinsi].filter(Boolean).join(', ') || undefined,
        postalCode: settings.postalCode ?? undefined,
        addressCountry: 'ID',
      }
    : undefined

/** The village government as a reference others point to (publisher, provider, organizer). */
export const villageRef = (origin: string, settings: Setting, locale: Locale): Thing => ({
  '@type': 'GovernmentOrganization',
  '@id': `${origin + localePath(DEFAULT_LOCALE, '/')}#desa`,
  name: settings.name,
  url: origin + localePath(locale, '/'),
  logo: logoUrl(origin, settings) && { '@type': 'ImageObject', url: logoUrl(origin, settings) },
})

/** The village: name, logo, address, position, contacts and its social media accounts. */
export const governmentOrganization = (origin: string, settings: Setting, locale: Locale): Thing => ({
  '@context': CONTEXT,
  ...villageRef(origin, settings, locale),
  description: settings.description ?? undefined,
  address: postalAddress(settings),
  geo:
    typeof settings.latitude === 'number' && typeof settings.longitude === 'number'
      ? { '@type': 'GeoCoordinates', latitude: settings.latitude, longitude: settings.longitude }
      : undefined,
  telephone: settings.phone ?? undefined,
  email: settings.email ?? undefined,
  contactPoint: settings.whatsapp
    ? { '@type': 'ContactPoint', contactType: 'customer service', telephone: settings.whatsapp, availableLanguage: ['id', 'en'] }
    : undefined,
  sameAs: settings.social?.length ? settings.social.map((s) => s.url) : undefined,
})

/** The site, with the search box search engines may show: `/cari?q=…`. */
export const webSite = (origin: string, settings: Setting, locale: Locale): Thing => ({
  '@context': CONTEXT,
  '@type': 'WebSite',
  '@id': `${origin + localePath(DEFAULT_LOCALE, '/')}#website`,
  name: settings.name,
  url: origin + localePath(locale, '/'),
  inLanguage: locale,
  publisher: { '@id': `${origin + localePath(DEFAULT_LOCALE, '/')}#desa` },
  potentialAction: {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${origin}${localePath(locale, '/cari')}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  },
})

export type Crumb = { name: string; url: string }

export const breadcrumbList = (crumbs: Crumb[]): Thing => ({
  '@context': CONTEXT,
  '@type': 'BreadcrumbList',
  itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
})

export const podcastSeries = (origin: string, show: Podcast, settings: Setting, locale: Locale, image?: string): Thing => ({
  '@context': CONTEXT,
  '@type': 'PodcastSeries',
  name: show.title,
  description: show.description,
  url: origin + localePath(locale, '/podcast'),
  webFeed: origin + localePath(DEFAULT_LOCALE, '/podcast/feed.xml'),
  inLanguage: show.language ?? 'id',
  image,
  author: show.author ? { '@type': 'Organization', name: show.author } : villageRef(origin, settings, locale),
  publisher: villageRef(origin, settings, locale),
})

export const governmentService = (origin: string, service: Service, settings: Setting, locale: Locale): Thing => ({
  '@context': CONTEXT,
  '@type': 'GovernmentService',
  name: service.name,
  description: service.summary,
  url: origin + localePath(locale, `/layanan/${service.slug}`),
  serviceType: service.name,
  provider: villageRef(origin, settings, locale),
  areaServed: { '@type': 'AdministrativeArea', name: settings.name },
  audience: service.audience ? { '@type': 'Audience', audienceType: service.audience } : undefined,
  availableChannel: [
    {
      '@type': 'ServiceChannel',
      name: 'Online',
      serviceUrl: origin + localePath(locale, `/layanan/${service.slug}/formulir`),
      processingTime: `P${service.processingDays}D`,
    },
    settings.address && {
      '@type': 'ServiceChannel',
      name: service.inPerson ?? settings.address,
      serviceLocation: { '@type': 'Place', name: settings.name, address: postalAddress(settings) },
    },
  ].filter(Boolean),
  offers: { '@type': 'Offer', price: service.fee ?? 0, priceCurrency: 'IDR' },
})

export type ArticleInput = {
  url: string
  headline: string
  description?: string
  images: string[]
  datePublished?: string | null
  dateModified: string
  locale: Locale
  /** The writer's name and the page listing their articles; the village when no writer is named. */
  author: { name: string; url: string } | null
}

export const newsArticle = (origin: string, settings: Setting, a: ArticleInput): Thing => ({
  '@context': CONTEXT,
  '@type': 'NewsArticle',
  headline: a.headline,
  description: a.description,
  inLanguage: a.locale,
  mainEntityOfPage: a.url,
  url: a.url,
  image: a.images.length ? a.images : undefined,
  datePublished: a.datePublished ?? undefined,
  dateModified: a.dateModified,
  author: a.author ? { '@type': 'Person', name: a.author.name, url: a.author.url } : villageRef(origin, settings, a.locale),
  publisher: villageRef(origin, settings, a.locale),
})

const RETURN_FEES = { free: 'https://schema.org/FreeReturn', buyer: 'https://schema.org/ReturnShippingFees' } as const
const RETURN_METHODS = { mail: 'https://schema.org/ReturnByMail', inStore: 'https://schema.org/ReturnInStore' } as const

/** The shop's return policy from the settings, or nothing when none is set. */
export const merchantReturnPolicy = (settings: Setting): Thing | undefined => {
  const policy = settings.returnPolicy
  if (typeof policy?.days !== 'number') return undefined
  if (policy.days === 0) {
    return {
      '@type': 'MerchantReturnPolicy',
      applicableCountry: 'ID',
      returnPolicyCategory: 'https://schema.org/MerchantReturnNotPermitted',
    }
  }
  return {
    '@type': 'MerchantReturnPolicy',
    applicableCountry: 'ID',
    returnPolicyCategory: 'https://schema.org/MerchantReturnFiniteReturnWindow',
    merchantReturnDays: policy.days,
    returnMethod: RETURN_METHODS[policy.method ?? 'mail'],
    returnFees: RETURN_FEES[policy.fees ?? 'buyer'],
  }
}

/**
 * One courier rate per shipping zone for the variant's weight (the same fee the checkout charges), to the zone's
 * provinces (or anywhere in Indonesia for the fallback zone); pickup in the village is free.
 */
export const shippingDetails = (zones: ShippingZone[], fee: (zone: ShippingZone) => number): Thing[] =>
  zones.map((zone) => ({
    '@type': 'OfferShippingDetails',
    shippingLabel: zone.name,
    shippingRate: { '@type': 'MonetaryAmount', value: fee(zone), currency: 'IDR' },
    shippingDestination: zone.provinces.length
      ? zone.provinces.map((p) => ({ '@type': 'DefinedRegion', addressCountry: 'ID', addressRegion: p }))
      : { '@type': 'DefinedRegion', addressCountry: 'ID' },
  }))

export type ProductInput = {
  product: Product
  url: string
  images: string[]
  brand?: string
  category?: string
  inStock: (stock: number) => boolean
  shipping: (weightGrams: number) => Thing[]
  returns?: Thing
}

export const productLd = ({ product, url, images, brand, category, inStock, shipping, returns }: ProductInput): Thing => ({
  '@context': CONTEXT,
  '@type': 'Product',
  name: product.title,
  description: product.summary ?? undefined,
  sku: product.variants[0]?.sku,
  image: images,
  url,
  brand: brand ? { '@type': 'Brand', name: brand } : undefined,
  category,
  offers: product.variants.map((v) => ({
    '@type': 'Offer',
    sku: v.sku,
    name: v.label ?? undefined,
    price: v.price,
    priceCurrency: 'IDR',
    itemCondition: 'https://schema.org/NewCondition',
    availability: product.madeToOrder
      ? 'https://schema.org/PreOrder'
      : inStock(v.stock)
        ? 'https://schema.org/InStock'
        : 'https://schema.org/OutOfStock',
    url,
    shippingDetails: shipping(v.weight),
    hasMerchantReturnPolicy: returns,
  })),
})
