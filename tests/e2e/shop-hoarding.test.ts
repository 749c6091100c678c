import { describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'
import { database } from '../support/traffic'

/**
 * One visitor must not be able to hold the shop's stock: units per line and per order are capped, and an
 * unverified manual payment is held briefly, then released by the scheduled job, on a schedule staff see.
 */
const server = useProductionServer({
  env: { SHOP_MAX_UNITS_PER_LINE: '3', SHOP_MAX_UNITS_PER_ORDER: '5', SHOP_UNVERIFIED_HOLD_MINUTES: '1' },
})

const post = (path: string, fields: Record<string, string>, cookie = '') =>
  fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
    body: new URLSearchParams(fields),
  })
const variant = async (slug: string) => {
  const { docs } = await (await fetch(`${server.url}/api/products?where[slug][equals]=${slug}&depth=0`)).json()
  return { productId: String(docs[0].id), slug, variantId: docs[0].variants[0].id as string, stock: docs[0].variants[0].stock as number }
}
const add = async (item: Awaited<ReturnType<typeof variant>>, quantity: number, cookie: string) => {
  const fields = { productId: item.productId, variantId: item.variantId, quantity: String(quantity) }
  const res = await post(`/produk/${item.slug}?_action=shop.addToCart`, fields, cookie)
  await res.arrayBuffer()
  const set = new Map(cookie ? cookie.split('; ').map((c) => [c.split('=')[0], c] as const) : [])
  for (const c of res.headers.getSetCookie()) set.set(c.split('=')[0], c.split(';')[0])
  return [...set.values()].join('; ')
}
const buyer = { name: 'Penimbun', email: 'palsu@example.com', phone: '081234567890', delivery: 'pickup', paymentMethod: 'cash' }

describe('hoarding', () => {
  it('caps each line and each order, however the cart is filled', async () => {
    const pepper = await variant('lada-hitam-butir')
    const chips = await variant('keripik-singkong-pedas')
    let cookie = await add(pepper, 50, '')
    cookie = await add(pepper, 50, cookie)
    const cart = await (await fetch(`${server.url}/keranjang`, { headers: { cookie } })).text()
    expect(cart).toMatch(/<input(?=[^>]*name="quantity")(?=[^>]*max="3")(?=[^>]*value="3")/)
    cookie = await add(chips, 3, cookie)
    const refused = await post('/checkout?_action=shop.checkout', buyer, cookie)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Paling banyak 5 unit dalam satu pesanan.')
    const db = database(server.dir)
    try {
      expect(await db.orders()).toEqual([])
    } finally {
      db.close()
    }
  })

  it('holds an unverified cash order briefly, shows when, and the scheduled job gives the stock back', async () => {
    const pepper = await variant('lada-hitam-butir')
    const cookie = await add(pepper, 3, '')
    const placed = await post('/checkout?_action=shop.checkout', buyer, cookie)
    expect(placed.status).toBe(303)
    const page = await (await fetch(server.url + placed.headers.get('location'))).text()
    expect(page).toMatch(/Stok kami simpan untuk Anda sampai .+ WITA\./)
    const db = database(server.dir)
    try {
      const stock = async () => (await db.stock()).find((v) => v.id === pepper.variantId)!.stock
      expect(await stock()).toBe(pepper.stock - 3)
      const [{ expires }] = await db.rows<{ expires: string }>('SELECT reservation_expires_at AS expires FROM orders')
      expect(new Date(expires).getTime() - Date.now()).toBeLessThanOrEqual(60_000)
      // The release job runs at the start of every minute.
      await expect
        .poll(stock, { timeout: 200_000, interval: 2_000 })
        .toBe(pepper.stock)
        .catch(async (err: Error) => {
          const jobs = await db.rows('SELECT task_slug, queue, has_error, completed_at, wait_until, error FROM payload_jobs')
          throw new Error(`${err.message}\njobs: ${JSON.stringify(jobs)}\n${server.output().slice(-3000)}`)
        })
      expect(await db.rows('SELECT payment_status, reservation_state FROM orders')).toEqual([
        { payment_status: 'expired', reservation_state: 'released' },
      ])
    } finally {
      db.close()
    }
  }, 260_000)
})
