import { describe, expect, it } from 'vitest'
import { addLine, decodeCart, encodeCart, setQuantity, unitCount } from '../../cms/shop/cartCookie'
import { formatRupiah, toStripeAmount } from '../../cms/shop/money'
import { isEmail } from '../../cms/lib/email'
import { normalizePhone } from '../../cms/lib/phone'
import { priceCart, type CatalogProduct } from '../../cms/shop/pricing'
import { PROVINCES, provinceNamed } from '../../cms/shop/provinces'
import { shippingFee, zoneFor } from '../../cms/shop/shipping'
import { buyerWhatsAppLink } from '../../cms/shop/whatsapp'

const coffee: CatalogProduct = {
  id: 7,
  title: 'Kopi robusta',
  slug: 'kopi-robusta',
  producerId: 3,
  trackStock: true,
  variants: [
    { id: 'v250', label: '250 g', sku: 'K-250', price: 45_000, stock: 4, weight: 250 },
    { id: 'v1k', label: '1 kg', sku: 'K-1K', price: 160_000, stock: 0, weight: 1000 },
  ],
}
const catalog = new Map([['7', coffee]])

describe('cart pricing', () => {
  it('prices every line from the catalog, ignoring the price the browser remembered', () => {
    const priced = priceCart([{ productId: 7, variantId: 'v250', quantity: 2, seenPrice: 1 }], catalog)
    expect(priced.lines[0]).toMatchObject({ unitPrice: 45_000, lineTotal: 90_000, producerId: 3 })
    expect(priced.subtotal).toBe(90_000)
    expect(priced.weight).toBe(500)
  })

  it('says when the price changed since the line was added', () => {
    const priced = priceCart([{ productId: 7, variantId: 'v250', quantity: 1, seenPrice: 40_000 }], catalog)
    expect(priced.problems).toEqual([
      { kind: 'priceChanged', productId: 7, variantId: 'v250', title: 'Kopi robusta (250 g)', was: 40_000, now: 45_000 },
    ])
  })

  it('says when there is less stock than wanted', () => {
    const priced = priceCart([{ productId: 7, variantId: 'v1k', quantity: 1 }], catalog)
    expect(priced.problems).toMatchObject([{ kind: 'stockShort', wanted: 1, available: 0 }])
  })

  it("says when a line asks for more than the shop's cap per line, and how many one line may hold", () => {
    const priced = priceCart([{ productId: 7, variantId: 'v250', quantity: 3 }], catalog, 2)
    expect(priced.problems).toMatchObject([{ kind: 'overLimit', wanted: 3, limit: 2 }])
    expect(priced.lines[0]).toMatchObject({ available: 4, sellable: 2 })
  })

  it('drops a variant of another product or a product no longer sold', () => {
    const priced = priceCart(
      [
        { productId: 7, variantId: 'other-products-variant', quantity: 1 },
        { productId: 99, variantId: 'v250', quantity: 1 },
      ],
      catalog,
    )
    expect(priced.lines).toEqual([])
    expect(priced.problems.map((p) => p.kind)).toEqual(['unavailable', 'unavailable'])
  })

  it('does not limit quantities when stock is not tracked', () => {
    const priced = priceCart([{ productId: 7, variantId: 'v1k', quantity: 50 }], new Map([['7', { ...coffee, trackStock: false }]]))
    expect(priced.problems).toEqual([])
  })
})

describe('money', () => {
  it('formats integer rupiah the Indonesian way', () => {
    expect(formatRupiah(25_000).replace(/\s/g, ' ')).toBe('Rp 25.000')
  })
  it('sends rupiah × 100 to Stripe, whose IDR is not zero-decimal', () => {
    expect(toStripeAmount(25_000)).toBe(2_500_000)
    expect(() => toStripeAmount(10.5)).toThrow(RangeError)
  })
})

describe('buyer details', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0361) 234567', '+62361234567'],
  ])('normalises %s to %s', (raw, phone) => expect(normalizePhone(raw)).toBe(phone))
  it.each(['12345', '0812abc', '+1 415 555 0100', '00812345678'])('refuses %s', (raw) => expect(normalizePhone(raw)).toBeNull())
  it('checks email addresses', () => {
    expect(isEmail('ayu@example.com')).toBe(true)
    expect(isEmail('ayu@example')).toBe(false)
  })
})

describe('shipping', () => {
  const zones = [
    { name: 'Bali', provinces: ['Bali'], baseFee: 12_000, perKgFee: 8_000 },
    { name: 'Lainnya', provinces: [], baseFee: 25_000, perKgFee: 20_000 },
  ]
  it('finds the zone naming the province, else the fallback zone', () => {
    expect(zoneFor(zones, ' bali ')?.name).toBe('Bali')
    expect(zoneFor(zones, 'Papua')?.name).toBe('Lainnya')
    expect(zoneFor(zones.slice(0, 1), 'Papua')).toBeNull()
  })
  it('charges the base fee plus every started kilogram', () => {
    expect(shippingFee(zones[0], 250)).toBe(20_000)
    expect(shippingFee(zones[0], 1_001)).toBe(28_000)
  })
})

describe('the cart cookie', () => {
  const secret = 'test-secret'
  it('round-trips line ids and quantities', () => {
    const lines = addLine(addLine([], { productId: 7, variantId: 'v250', quantity: 1, seenPrice: 45_000 }), {
      productId: 7,
      variantId: 'v250',
      quantity: 2,
    })
    expect(decodeCart(encodeCart(lines, secret), secret)).toEqual([{ productId: 7, variantId: 'v250', quantity: 3, seenPrice: 45_000 }])
    expect(setQuantity(lines, 'v250', 0)).toEqual([])
  })
  it('never holds more of a line than may be sold', () => {
    const lines = addLine([{ productId: 7, variantId: 'v250', quantity: 3 }], { productId: 7, variantId: 'v250', quantity: 5 }, 4)
    expect(lines[0].quantity).toBe(4)
    expect(setQuantity(lines, 'v250', 50, 4)[0].quantity).toBe(4)
    expect(unitCount([...lines, { productId: 8, variantId: 'x', quantity: 2 }])).toBe(6)
  })

  it('is empty when tampered with or signed by someone else', () => {
    const value = encodeCart([{ productId: 7, variantId: 'v250', quantity: 1 }], secret)
    const [body, mac] = value.split('.')
    const forged = Buffer.from(JSON.stringify([[7, 'v250', 99]])).toString('base64url')
    expect(decodeCart(`${forged}.${mac}`, secret)).toEqual([])
    expect(decodeCart(`${body}.${mac}`, 'other-secret')).toEqual([])
    expect(decodeCart('garbage', secret)).toEqual([])
  })
})

describe('the admin WhatsApp link to the buyer', () => {
  it('opens a chat with the buyer about the order', () => {
    const link = new URL(buyerWhatsAppLink('+62 812-3456-7890', 'DD-261122-ABCDE', 'Ayu')!)
    expect(link.origin + link.pathname).toBe('https://wa.me/6281234567890')
    expect(link.searchParams.get('text')).toBe('Halo Ayu, kami dari toko desa, tentang pesanan DD-261122-ABCDE: ')
  })

  it('in the language the buyer ordered in, with or without a name', () => {
    const text = (...args: Parameters<typeof buyerWhatsAppLink>) => new URL(buyerWhatsAppLink(...args)!).searchParams.get('text')
    expect(text('+6281234567890', 'DD-261122-ABCDE', 'Ayu', 'en')).toBe(
      'Hello Ayu, this is the village shop, about your order DD-261122-ABCDE: ',
    )
    expect(text('+6281234567890', 'DD-261122-ABCDE', '', 'en')).toBe('Hello, this is the village shop, about your order DD-261122-ABCDE: ')
    expect(text('+6281234567890', 'DD-261122-ABCDE')).toBe('Halo, kami dari toko desa, tentang pesanan DD-261122-ABCDE: ')
  })
})

describe('provinces', () => {
  it("lists Indonesia's 38 provinces and reads a name however it was typed", () => {
    expect(PROVINCES).toHaveLength(38)
    expect(new Set(PROVINCES).size).toBe(38)
    expect(provinceNamed('  kalimantan   timur ')).toBe('Kalimantan Timur')
    expect(provinceNamed('Jatim')).toBeNull()
  })
})
