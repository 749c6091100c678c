import { createClient, type Client } from '@libsql/client'
import path from 'node:path'
import { existsSync, readdirSync } from 'node:fs'

/** What the public site does for real writes, as plain form posts: checkout orders and service requests. */
export const siteClient = (url: string) => {
  const post = (pathname: string, form: FormData, cookie?: string) =>
    fetch(`${url}${pathname}`, {
      method: 'POST',
      body: form,
      headers: { Origin: url, ...(cookie ? { Cookie: cookie } : {}) },
      redirect: 'manual',
    })
  const formOf = (fields: Record<string, string | Blob>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    return form
  }

  /** Cart → checkout (pickup, bank transfer). The order number when the order was accepted, otherwise null. */
  const order = async (item: { productId: number; slug: string; variantId: string }, quantity: number) => {
    const added = await post(
      `/produk/${item.slug}?_action=shop.addToCart`,
      formOf({ productId: String(item.productId), variantId: item.variantId, quantity: String(quantity) }),
    )
    await added.arrayBuffer()
    const cookie = added.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const res = await post(
      '/checkout?_action=shop.checkout',
      formOf({ name: 'Pembeli Uji', email: 'uji@example.com', phone: '081234567890', delivery: 'pickup', paymentMethod: 'bank-transfer' }),
      cookie,
    )
    await res.arrayBuffer()
    return { status: res.status, number: /\/pesanan\/([A-Z0-9-]+)\?/.exec(res.headers.get('location') ?? '')?.[1] ?? null }
  }

  const answers = {
    service: 'keterangan-domisili',
    nama: 'Siti Aminah',
    nik: '6402014508900003',
    telepon: '081234567890',
    alamat: 'RT 02 Dusun Hulu',
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1990-08-05',
    sejak_tahun: '2015',
    keperluan: 'Uji beban',
    pernyataan: 'on',
  }

  /** A filled-in form with an ID photo, checked by the server: its files kept and waiting for the resident's confirmation. */
  type Prepared = { pending: string[]; submissionKey: string }

  /** Step 1, the form with an ID photo. Null when the server did not keep the form. */
  const prepare = async (): Promise<Prepared | null> => {
    const pdf = new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32)])], { type: 'application/pdf' })
    const prepared = await post(
      '/layanan/keterangan-domisili/formulir?_action=services.prepare',
      formOf({ ...answers, foto_ktp: new File([pdf], 'ktp.pdf') }),
    )
    const html = await prepared.text()
    const pending = [...html.matchAll(/name="pending" value="([^"]+)"/g)].map((m) => m[1])
    return prepared.status === 200 && pending.length ? { pending, submissionKey: crypto.randomUUID() } : null
  }

  /** Step 2, the confirmation (sent again, it finds its first request by the key). The reference when the request was accepted, otherwise null. */
  const submit = async ({ pending, submissionKey }: Prepared) => {
    const form = formOf({ ...answers, submissionKey })
    for (const p of pending) form.append('pending', p)
    const res = await post('/layanan/keterangan-domisili/formulir?_action=services.submit', form)
    await res.arrayBuffer()
    return { status: res.status, reference: /ref=([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? null }
  }

  /** Form → check page → confirm. */
  const request = async () => {
    const prepared = await prepare()
    return prepared ? submit(prepared) : { status: 0, reference: null }
  }

  return { order, prepare, submit, request }
}

export type Stocked = { productId: number; slug: string; variantId: string; stock: number }

/** Active products whose stock is tracked, with each first variant's stock, from the public REST API. */
export const stockedProducts = async (url: string): Promise<Stocked[]> => {
  const res = await fetch(`${url}/api/products?limit=100&depth=0&where[status][equals]=active`)
  const { docs } = (await res.json()) as {
    docs: { id: number; slug: string; trackStock?: boolean; variants: { id: string; stock: number }[] }[]
  }
  return docs
    .filter((p) => p.trackStock !== false && p.variants[0] && p.variants[0].stock > 0)
    .map((p) => ({ productId: p.id, slug: p.slug, variantId: p.variants[0].id, stock: p.variants[0].stock }))
}

/** Reads the server's SQLite file directly (WAL: safe beside the running server) to check what was written. */
export const database = (dir: string) => {
  const client: Client = createClient({ url: `file:${path.join(dir, 'desa.db')}` })
  // A read that meets the server's write lock (a checkpoint) waits for it, as the server's own connections do.
  const waiting = client.execute('PRAGMA busy_timeout = 5000')
  const rows = async <T>(query: string, args: (string | number)[] = []) => {
    await waiting
    return (await client.execute({ sql: query, args })).rows as unknown as T[]
  }
  return {
    rows,
    close: () => client.close(),
    /** Orders with their line count, and the stock each line holds. */
    orders: () =>
      rows<{ number: string; state: string; lines: number; reserved: number }>(
        `SELECT o.number, o.reservation_state AS state, COUNT(l.id) AS lines, COALESCE(SUM(l.reserved), 0) AS reserved FROM orders o LEFT JOIN orders_lines l ON l._parent_id = o.id GROUP BY o.id`,
      ),
    /** For each variant: its stock now and what orders still hold (reserved or sold). */
    stock: () =>
      rows<{ id: string; stock: number; held: number }>(
        `SELECT v.id, v.stock, COALESCE((SELECT SUM(l.reserved) FROM orders_lines l JOIN orders o ON o.id = l._parent_id WHERE l.variant_id = v.id AND o.reservation_state IN ('reserved', 'sold')), 0) AS held FROM products_variants v`,
      ),
    /** Service requests with their timeline entries and attachments (and whether each file exists). */
    requests: async () => {
      const requests = await rows<{ id: number; reference: string; incomplete: number; timeline: number }>(
        `SELECT r.id, r.reference, r.incomplete, (SELECT COUNT(*) FROM service_requests_timeline t WHERE t._parent_id = r.id) AS timeline FROM service_requests r`,
      )
      const files = await rows<{ parent: number; file: string }>(`SELECT _parent_id AS parent, file FROM service_requests_attachments`)
      return requests.map((r) => {
        const own = files.filter((f) => f.parent === r.id)
        return { ...r, attachments: own.length, missingFiles: own.filter((f) => !existsSync(path.join(dir, 'private', f.file))).length }
      })
    },
    /** Residents' private files that no request or letter refers to (subfolders belong to other features). */
    unreferencedFiles: async () => {
      const used = await rows<{ file: string }>(
        `SELECT file FROM service_requests_attachments WHERE file IS NOT NULL UNION SELECT pdf_file FROM letters WHERE pdf_file IS NOT NULL`,
      )
      const names = new Set(used.map((u) => u.file))
      const entries = existsSync(path.join(dir, 'private')) ? readdirSync(path.join(dir, 'private'), { withFileTypes: true }) : []
      return entries.filter((e) => e.isFile() && !names.has(e.name)).map((e) => e.name)
    },
  }
}
