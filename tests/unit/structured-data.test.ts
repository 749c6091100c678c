import { describe, expect, it } from 'vitest'
import type { Product, Setting } from '../../cms/payload-types'
import { shippingFee } from '../../cms/shop/shipping'
import { merchantReturnPolicy, newsArticle, productLd, shippingDetails } from '../../site/lib/structuredData'
import { newsArticleProblems, productProblems } from '../support/googleRichResults'

const ORIGIN = 'https://desa.example'
const settings = {
  id: 1,
  name: 'Desa Sungai Lestari',
  logo: { id: 1, alt: 'Logo', filename: 'logo.png', updatedAt: '', createdAt: '' },
  returnPolicy: { days: 7, method: 'mail', fees: 'buyer' },
} as unknown as Setting

describe("Google's NewsArticle requirements", () => {
  it('fail on the article data the site used to send: no publisher logo, no author page', () => {
    const before = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Panen raya lada',
      image: ['https://desa.example/media/panen-960x504.jpg'],
      datePublished: '2026-11-12T01:30:00.000Z',
      dateModified: '2026-11-12T01:30:00.000Z',
      author: { '@type': 'Person', name: 'Rina' },
      publisher: { '@type': 'Organization', name: 'Desa Sungai Lestari' },
    }
    expect(newsArticleProblems(before)).toEqual(['author.url missing', 'publisher.logo missing'])
  })

  it('pass on what the article page builds, with a writer and without one', () => {
    const article = {
      url: `${ORIGIN}/berita/panen`,
      headline: 'Panen raya lada',
      images: [`${ORIGIN}/media/panen-1200x630.jpg`],
      datePublished: '2026-11-12T01:30:00.000Z',
      dateModified: '2026-11-13T01:30:00.000Z',
      locale: 'id' as const,
    }
    expect(
      newsArticleProblems(newsArticle(ORIGIN, settings, { ...article, author: { name: 'Rina', url: `${ORIGIN}/berita?penulis=Rina` } })),
    ).toEqual([])
    expect(newsArticleProblems(newsArticle(ORIGIN, settings, { ...article, author: null }))).toEqual([])
  })
})

describe("Google's Product (merchant listing) requirements", () => {
  const product = {
    id: 1,
    title: 'Kopi robusta bubuk',
    summary: 'Kopi desa',
    variants: [{ id: 'a', sku: 'KOPI-250', label: '250 g', price: 45_000, stock: 3, weight: 250 }],
  } as unknown as Product
  const zones = [
    { name: 'Kalimantan Timur', provinces: ['Kalimantan Timur'], baseFee: 10_000, perKgFee: 5_000 },
    { name: 'Seluruh Indonesia', provinces: [], baseFee: 25_000, perKgFee: 15_000 },
  ]

  it('fail without shipping details and a return policy, as the product page used to send', () => {
    const before = productLd({
      product,
      url: `${ORIGIN}/produk/kopi`,
      images: [`${ORIGIN}/media/kopi.jpg`],
      inStock: () => true,
      shipping: () => [],
    })
    expect(productProblems(before)).toEqual(['offers[0].shippingDetails missing', 'offers[0].hasMerchantReturnPolicy missing'])
  })

  it('pass with a rate per shipping zone for the variant weight and the return policy from the settings', () => {
    const ld = productLd({
      product,
      url: `${ORIGIN}/produk/kopi`,
      images: [`${ORIGIN}/media/kopi.jpg`],
      inStock: () => true,
      shipping: (grams) => shippingDetails(zones, (zone) => shippingFee(zone, grams)),
      returns: merchantReturnPolicy(settings),
    })
    expect(productProblems(ld)).toEqual([])
    expect(ld).toMatchObject({
      offers: [
        {
          shippingDetails: [
            { shippingRate: { '@type': 'MonetaryAmount', value: 15_000, currency: 'IDR' } },
            { shippingDestination: { '@type': 'DefinedRegion', addressCountry: 'ID' } },
          ],
          hasMerchantReturnPolicy: { merchantReturnDays: 7, returnFees: 'https://schema.org/ReturnShippingFees' },
        },
      ],
    })
  })

  it('say so when the shop accepts no returns', () => {
    expect(merchantReturnPolicy({ ...settings, returnPolicy: { days: 0 } })).toMatchObject({
      returnPolicyCategory: 'https://schema.org/MerchantReturnNotPermitted',
    })
  })
})
