import { createClient, type Client } from '@libsql/client'
import path from 'node:path'
import { existsSync } from 'node:fs'

/** What the public site does for real writes, as plain form posts: checkout orders and service requests. */
export const siteClient = (url: string) => {
  const post = (pathname: string, form: FormData, cookie?: string) =>
    fetch(`${url}${pathname}`, { method: 'POST', body: form, headers: { Origin: url, ...(cookie ? { Cookie: cookie } : {}) }, redirect: 'manual' })
  const formOf = (fields: Record<string, string | Blob>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    return form
  }

  /** Cart → checkout (pickup, bank transfer). The order number when the order was accepted, otherwise null. */
  const order = async (item: { productId: number; slug: string; variantId: string }, quantity: number) => {
    const added = await post(`/produk/${item.slug}?_action=shop.addToCart`, formOf({ productId: String(item.productId), variantId: item.variantId, quantity: String(quantity) }))
    await added.arrayBuffer()
    const cookie = added.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const res = await post('/checkout?_action=shop.checkout', formOf({ name: 'Pembeli Uji', email: 'uji@example.com', phone: '081234567890', delivery: 'pickup', paymentMethod: 'bank-transfer' }), cookie)
    await res.arrayBuffer()
    return { status: res.status, number: /\/pesanan\/([A-Z0-9-]+)\?/.exec(res.headers.get('location') ?? '')?.[1] ?? null }
  }

  const answers = { service: 'keterangan-domisili', nama: 'Siti Aminah', nik: '6402014508900003', telepon: '081234567890', alamat: 'RT 02 Dusun Hulu', tempat_lahir: 'Tenggarong', tanggal_lahir: '1990-08-05', sejak_tahun: '2015', keperluan: 'Uji beban', pernyataan: 'on' }

  /** Form with an ID photo → check page → confirm. The reference when the request was accepted, otherwise null. */
  const request = async () => {
    const pdf = new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32)])], { type: 'application/pdf' })
    const prepared = await post('/layanan/keterangan-domisili/formulir?_action=services.prepare', formOf({ ...answers, foto_ktp: new File([pdf], 'ktp.pdf') }))
    const html = await prepared.text()
    const pending = [...html.matchAll(/name="pending" value="([^"]+)"/g)].map((m) => m[1]!)
    if (prepared.status !== 200 || !pending.length) return { status: prepared.status, reference: null }
    const form = formOf(answers)
    for (const p of pending) form.append('pending', p)
    const res = await post('/layanan/keterangan-domisili/formulir?_action=services.submit', form)
    await res.arrayBuffer()
    return { status: res.status, reference: /ref=([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? null }
  }

  return { order, request }
}

export type Stocked = { productId: number; slug: string; variantId: string; stock: number }

/** Active products whose stock is tracked, with each first variant's stock, from the public REST API. */
export const stockedProducts = async (url: string): Promise<Stocked[]> => {
  const res = await fetch(`${url}/api/products?limit=100&depth=0&where[status][equals]=active`)
  const { docs } = (await res.json()) as { docs: { id: number; slug: string; trackStock?: boolean; variants: { id: string; stock: number }[] }[] }
  return docs.filter((p) => p.trackStock !== false && p.variants[0] && p.variants[0].stock > 0).map((p) => ({ productId: p.id, slug: p.slug, variantId: p.variants[0]!.id, stock: p.variants[0]!.stock }))
}

/** Reads the server's SQLite file directly (WAL: safe beside the running server) to check what was written. */
export const database = (dir: string) => {
  const client: Client = createClient({ url: `file:${path.join(dir, 'desa.db')}` })
  const rows = async <T>(query: string, args: (string | number)[] = []) => (await client.execute({ sql: query, args })).rows as unknown as T[]
  return {
    rows,
    close: () => client.close(),
    /** Orders with their line count, and the stock each line holds. */
    orders: () => rows<{ number: string; state: string; lines: number; reserved: number }>(
      `SELECT o.number, o.reservation_state AS state, COUNT(l.id) AS lines, COALESCE(SUM(l.reserved), 0) AS reserved FROM orders o LEFT JOIN orders_lines l ON l._parent_id = o.id GROUP BY o.id`,
    ),
    /** For each variant: its stock now and what orders still hold (reserved or sold). */
    stock: () => rows<{ id: string; stock: number; held: number }>(
      `SELECT v.id, v.stock, COALESCE((SELECT SUM(l.reserved) FROM orders_lines l JOIN orders o ON o.id = l._parent_id WHERE l.variant_id = v.id AND o.reservation_state IN ('reserved', 'sold')), 0) AS held FROM products_variants v`,
    ),
    /** Service requests with their timeline entries and attachments (and whether each file exists). */
    requests: async () => {
      const requests = await rows<{ id: number; reference: string; timeline: number }>(
        `SELECT r.id, r.reference, (SELECT COUNT(*) FROM service_requests_timeline t WHERE t._parent_id = r.id) AS timeline FROM service_requests r`,
      )
      const files = await rows<{ parent: number; file: string }>(`SELECT _parent_id AS parent, file FROM service_requests_attachments`)
      return requests.map((r) => {
        const own = files.filter((f) => f.parent === r.id)
        return { ...r, attachments: own.length, missingFiles: own.filter((f) => !existsSync(path.join(dir, 'private', f.file))).length }
      })
    },
  }
}
