import { describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'
import { freePort } from '../support/server'
import { database, stockedProducts } from '../support/traffic'

/**
 * STRIPE_SECRET_KEY is set, but the Stripe API (STRIPE_API_URL, a closed local port) cannot be reached. The server
 * runs as behind a TLS proxy: visitors use PUBLIC_URL (https), the proxy forwards to it over plain http.
 */
const PUBLIC = 'https://desa.test'
const server = useProductionServer({
  env: { STRIPE_SECRET_KEY: 'sk_test_unreachable', STRIPE_API_URL: `http://127.0.0.1:${await freePort()}`, PUBLIC_URL: PUBLIC },
})

/** Posts like the site's forms do (url-encoded: they carry no files). */
const post = (path: string, fields: Record<string, string>, cookie = '') => {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { Origin: server.url, Cookie: cookie },
    redirect: 'manual',
  })
}

describe('checkout while Stripe cannot be reached', () => {
  it('says so, offers the manual methods with the cart and the typed details kept, and leaves no order half-written', async () => {
    const [item] = await stockedProducts(server.url)
    const added = await post(`/produk/${item.slug}?_action=shop.addToCart`, {
      productId: String(item.productId),
      variantId: item.variantId,
      quantity: '2',
    })
    const cookie = added.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const buyer = { name: 'Ayu Lestari', email: 'ayu@example.com', phone: '081234567890', delivery: 'pickup' }

    const card = await post('/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'stripe' }, cookie)
    expect(card.status).toBeGreaterThanOrEqual(400)
    expect(card.status).toBeLessThan(600)
    const html = await card.text()
    expect(html).toContain('Pembayaran kartu sedang tidak dapat dihubungi. Pilih cara bayar lain atau coba lagi.')
    expect(html).toContain('value="bank-transfer"')
    expect(html).toContain('value="Ayu Lestari"')
    expect(card.headers.getSetCookie().some((c) => /=;|Max-Age=0|expires=Thu, 01 Jan 1970/i.test(c))).toBe(false)

    const db = database(server.dir)
    try {
      // The card order failed as a whole: its stock is back on the shelf, nothing is held for it.
      const failed = await db.rows<{ payment_status: string; state: string; lines: number }>(
        `SELECT o.payment_status, o.reservation_state AS state, (SELECT COUNT(*) FROM orders_lines l WHERE l._parent_id = o.id) AS lines FROM orders o`,
      )
      expect(failed).toEqual([{ payment_status: 'failed', state: 'released', lines: 1 }])
      expect((await db.stock()).find((v) => v.id === item.variantId)).toMatchObject({ stock: item.stock, held: 0 })

      const transfer = await post('/checkout?_action=shop.checkout', { ...buyer, paymentMethod: 'bank-transfer' }, cookie)
      expect(transfer.status).toBe(303)
      expect(transfer.headers.get('location')).toMatch(/^\/pesanan\/DD-/)
      expect((await db.stock()).find((v) => v.id === item.variantId)).toMatchObject({ stock: item.stock - 2, held: 2 })
    } finally {
      db.close()
    }
  })
})

describe('behind a TLS proxy (PUBLIC_URL)', () => {
  const head = (html: string, pattern: RegExp) => pattern.exec(html)?.[1]

  it('links every page to its public https address, not to the address the proxy forwarded to', async () => {
    const html = await (await fetch(`${server.url}/produk/keripik-pisang-manis`)).text()
    expect(head(html, /<link rel="canonical" href="([^"]+)"/)).toBe(`${PUBLIC}/produk/keripik-pisang-manis`)
    expect(head(html, /<link rel="alternate" hreflang="en" href="([^"]+)"/)).toBe(`${PUBLIC}/en/produk/keripik-pisang-manis`)
    expect(head(html, /<meta property="og:url" content="([^"]+)"/)).toBe(`${PUBLIC}/produk/keripik-pisang-manis`)
    const product = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1])
    expect(product.offers[0].url).toBe(`${PUBLIC}/produk/keripik-pisang-manis`)
    expect(product.image.length).toBeGreaterThan(0)
    for (const image of product.image) expect(image.startsWith(`${PUBLIC}/media/`)).toBe(true)
    expect(await (await fetch(`${server.url}/robots.txt`)).text()).toContain(`Sitemap: ${PUBLIC}/sitemap.xml`)
  })
})
