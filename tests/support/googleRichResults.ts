/**
 * Google Search's documented requirements for the rich results the site offers, as checks: what the Rich
 * Results Test would report. Article (NewsArticle): Google lists no required property, so every recommended
 * one is checked (author with name and url, dates, headline, image) plus the publisher's name and logo; Product
 * (product snippets and merchant listings): name, image, offers with price and currency (merchant listings),
 * availability, and the shipping and return details an offer shows.
 */
type Json = Record<string, unknown>
/** A JSON object, or an empty one for anything else, so missing properties read as undefined. */
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})

const isAbsoluteUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^/]+\//.test(v)
/** ISO 8601 with a time zone, as Google asks for dates. */
const isIsoDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)
const list = (v: unknown): Json[] => (Array.isArray(v) ? v : v ? [v] : []).map(obj)

export const newsArticleProblems = (ld: Json): string[] => {
  const problems: string[] = []
  if (!['NewsArticle', 'Article', 'BlogPosting'].includes(String(ld['@type']))) problems.push('@type is not an Article type')
  if (typeof ld.headline !== 'string' || !ld.headline.trim()) problems.push('headline missing')
  else if (ld.headline.length > 110) problems.push('headline longer than 110 characters')
  const images = (Array.isArray(ld.image) ? ld.image : [ld.image]).filter(Boolean).map((i) => (typeof i === 'string' ? i : obj(i).url))
  if (!images.length) problems.push('image missing')
  if (images.some((i) => !isAbsoluteUrl(i))) problems.push('image not an absolute URL')
  if (!isIsoDate(ld.datePublished)) problems.push('datePublished missing or not ISO 8601')
  if (!isIsoDate(ld.dateModified)) problems.push('dateModified missing or not ISO 8601')
  const authors = list(ld.author)
  if (!authors.length) problems.push('author missing')
  for (const a of authors) {
    if (!['Person', 'Organization', 'GovernmentOrganization'].includes(String(a['@type'])))
      problems.push('author is not a Person or Organization')
    if (!a.name) problems.push('author.name missing')
    if (!isAbsoluteUrl(a.url)) problems.push('author.url missing')
  }
  const publisher = obj(ld.publisher)
  if (!publisher.name) problems.push('publisher.name missing')
  const logo = typeof publisher.logo === 'string' ? publisher.logo : obj(publisher.logo).url
  if (!isAbsoluteUrl(logo)) problems.push('publisher.logo missing')
  return problems
}

export const productProblems = (ld: Json): string[] => {
  const problems: string[] = []
  if (ld['@type'] !== 'Product') problems.push('@type is not Product')
  if (!ld.name) problems.push('name missing')
  const images = Array.isArray(ld.image) ? ld.image : [ld.image].filter(Boolean)
  if (!images.length || images.some((i) => !isAbsoluteUrl(i))) problems.push('image missing or not absolute')
  const offers = list(ld.offers)
  if (!offers.length) problems.push('offers missing')
  for (const [i, offer] of offers.entries()) {
    const at = `offers[${i}]`
    if (typeof offer.price !== 'number' || offer.price <= 0) problems.push(`${at}.price missing or not above zero`)
    if (!/^[A-Z]{3}$/.test(String(offer.priceCurrency ?? ''))) problems.push(`${at}.priceCurrency missing`)
    if (
      !/^https:\/\/schema\.org\/(InStock|OutOfStock|PreOrder|BackOrder|LimitedAvailability|SoldOut|Discontinued)$/.test(
        String(offer.availability ?? ''),
      )
    )
      problems.push(`${at}.availability missing`)
    const shipping = list(offer.shippingDetails)
    if (!shipping.length) problems.push(`${at}.shippingDetails missing`)
    for (const s of shipping) {
      const rate = obj(s.shippingRate)
      if (typeof rate.value !== 'number' || !rate.currency) problems.push(`${at}.shippingDetails.shippingRate incomplete`)
      if (!list(s.shippingDestination).every((d) => /^[A-Z]{2}$/.test(String(d.addressCountry ?? ''))))
        problems.push(`${at}.shippingDetails.shippingDestination.addressCountry missing`)
    }
    const returns = offer.hasMerchantReturnPolicy ? obj(offer.hasMerchantReturnPolicy) : null
    if (!returns) problems.push(`${at}.hasMerchantReturnPolicy missing`)
    else {
      if (!/^[A-Z]{2}$/.test(String(returns.applicableCountry ?? '')))
        problems.push(`${at}.hasMerchantReturnPolicy.applicableCountry missing`)
      if (!String(returns.returnPolicyCategory ?? '').startsWith('https://schema.org/MerchantReturn'))
        problems.push(`${at}.hasMerchantReturnPolicy.returnPolicyCategory missing`)
      if (
        returns.returnPolicyCategory === 'https://schema.org/MerchantReturnFiniteReturnWindow' &&
        !(Number(returns.merchantReturnDays) > 0)
      )
        problems.push(`${at}.hasMerchantReturnPolicy.merchantReturnDays missing`)
    }
  }
  return problems
}

/** Every JSON-LD block of a page, parsed. */
export const jsonLdBlocks = (html: string): Json[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]))
