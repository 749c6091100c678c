import { afterAll, describe, expect, it } from 'vitest'
import { signIn, type SignedIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { postForm } from '../support/hostile'
import { smtpInbox, type ReceivedMail } from '../support/smtp'

/**
 * Every action refuses a post one way: a 4xx, the message in the visitor's language (at the field it is
 * about), and the form filled in again with what was typed. A resident or buyer then hears about their
 * request or order in the language they used.
 */

const smtp = smtpInbox()
const server = useProductionServer({ env: { SMTP_URL: `smtp://127.0.0.1:${await smtp.listen()}`, EMAIL_FROM: 'desa@desa.test' } })

afterAll(async () => {
  await smtp.close()
})

const pdf = () => new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32)])], { type: 'application/pdf' })

/** The answers of the public event permit, except the event's name, as a resident without JavaScript sends them. */
const permitForm = (email = '') => {
  const form = new FormData()
  const answers = {
    service: 'izin-keramaian',
    nama: 'Budi Santoso',
    nik: '6402011203850001',
    telepon: '081298765432',
    email,
    alamat: 'RT 05 Dusun Hilir',
    nama_acara: '',
    tanggal_acara: '2026-12-20',
    tempat_acara: 'Balai desa',
    jumlah_tamu: '150',
    pernyataan: 'on',
  }
  for (const [name, value] of Object.entries(answers)) form.set(name, value)
  form.set('foto_ktp', pdf(), 'ktp.pdf')
  return form
}

const waitForMail = async (match: (mail: ReceivedMail) => boolean) => {
  await expect.poll(() => smtp.mails.some(match), { timeout: 30_000, interval: 250 }).toBe(true)
  return smtp.mails.find(match)!
}

/** The administrator's REST session. */
let admin: Promise<SignedIn> | undefined
const asAdmin = async (path: string, init: { method?: string; body?: string } = {}) => {
  admin ??= signIn(server, 'admin')
  return (await admin).request(init.method ?? 'GET', path, init.body, { 'Content-Type': 'application/json' })
}

const requestByReference = async (reference: string) =>
  ((await (await asAdmin(`/api/service-requests?where[reference][equals]=${reference}&depth=0`)).json()) as { docs: { id: number }[] })
    .docs[0]

describe.each([
  {
    lang: 'id',
    prefix: '',
    missing: 'Isi Nama acara.',
    notKept: 'Berkas belum disimpan karena ada isian lain yang perlu diperbaiki: pilih berkas ini lagi setelah memperbaikinya.',
    summary: 'Ada yang perlu diperbaiki',
    badFile: 'Isi berkas bukan jenis yang diterima (JPEG, PNG, WebP, PDF), apa pun nama berkasnya.',
    name: 'Nama wajib diisi.',
    fix: 'Periksa kembali isian yang ditandai.',
    street: 'Alamat lengkap wajib diisi.',
  },
  {
    lang: 'en',
    prefix: '/en',
    missing: 'Fill in Event.',
    notKept: 'The file was not kept because other answers need fixing: choose this file again once they are fixed.',
    summary: 'There is a problem',
    badFile: 'The file&#39;s content is not an accepted type (JPEG, PNG, WebP, PDF), whatever its name says.',
    name: 'Please write your name.',
    fix: 'Please check the marked fields.',
    street: 'Please write the street address.',
  },
])('a refused post in $lang', ({ prefix, missing, notKept, summary, badFile, name, fix, street }) => {
  it('a request form with a problem comes back with the message at its field, everything typed and the file already received', async () => {
    const page = `${prefix}/layanan/izin-keramaian/formulir`
    const expectTyped = (body: string) => {
      for (const typed of ['Budi Santoso', '6402011203850001', '081298765432', 'Balai desa', '2026-12-20', '150'])
        expect(body).toContain(`value="${typed}"`)
      expect(body).toContain('RT 05 Dusun Hilir</textarea>')
      expect(body).toMatch(/<input[^>]*name="pernyataan"[^>]*checked/)
    }
    const sent = await postForm(server.url, page, 'services.prepare', permitForm())
    expect(sent.status).toBe(400)
    expect(sent.body).toContain(summary)
    expect(sent.body).toMatch(new RegExp(`id="f-nama_acara-error"[^>]*>\\s*${missing}`))
    expectTyped(sent.body)
    // A new file is stored only with answers that are all right (a wrong post costs no disk): its field says so.
    expect(sent.body).toMatch(new RegExp(`id="f-foto_ktp-error"[^>]*>\\s*${notKept.replace(/[.]/g, '\\$&')}`))
    expect(sent.body).not.toContain('name="pending"')

    // Sent with the rest right, the photo is received; a later refusal keeps it, never asking for it again.
    const right = permitForm()
    right.set('nama_acara', 'Syukuran panen')
    const pending = /name="pending" value="(foto_ktp:[0-9a-f]{32}\.pdf)"/.exec(
      (await postForm(server.url, page, 'services.prepare', right)).body,
    )![1]
    const changed = permitForm()
    changed.delete('foto_ktp')
    changed.set('pending', pending)
    const again = await postForm(server.url, page, 'services.prepare', changed)
    expect(again.status).toBe(400)
    expect(again.body).toMatch(new RegExp(`id="f-nama_acara-error"[^>]*>\\s*${missing}`))
    expectTyped(again.body)
    expect(again.body).toContain(`name="pending" value="${pending}"`)
  })

  it('a completion of a returned request refused for its file keeps the reply', async () => {
    const form = permitForm()
    form.set('nama_acara', 'Syukuran panen')
    const checked = await postForm(server.url, `${prefix}/layanan/izin-keramaian/formulir`, 'services.prepare', form)
    form.delete('foto_ktp')
    form.set('pending', /name="pending" value="([^"]+)"/.exec(checked.body)![1])
    const submitted = await postForm(server.url, `${prefix}/layanan/izin-keramaian/formulir`, 'services.submit', form)
    const reference = new URL(submitted.location!, server.url).searchParams.get('ref')!
    const { id } = await requestByReference(reference)
    for (const [nextStatus, transitionNote] of [['checking'], ['returned', 'Foto KTP kurang jelas.']])
      expect(
        (await asAdmin(`/api/service-requests/${id}`, { method: 'PATCH', body: JSON.stringify({ nextStatus, transitionNote }) })).status,
      ).toBe(200)

    const reply = new FormData()
    reply.set('reference', reference)
    reply.set('digits', '5432')
    reply.set('reply', 'Ini foto yang baru.')
    reply.set('foto_ktp', new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }), 'ktp.svg')
    const refused = await postForm(server.url, `${prefix}/layanan/lacak`, 'services.complete', reply)
    expect(refused.status).toBe(400)
    expect(refused.body).toContain(badFile)
    expect(refused.body).toMatch(/<textarea[^>]*name="reply"[^>]*>Ini foto yang baru\.<\/textarea>/)
    expect(refused.body).toContain(`>${reference}</h2>`)
  })

  it('a checkout refused for its fields comes back filled in, each field with its own message', async () => {
    const { docs } = (await (await fetch(`${server.url}/api/products?limit=1&depth=0&where[status][equals]=active`)).json()) as {
      docs: { id: number; slug: string; variants: { id: string }[] }[]
    }
    const add = await fetch(`${server.url}${prefix}/produk/${docs[0].slug}?_action=shop.addToCart`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url },
      body: new URLSearchParams({ productId: String(docs[0].id), variantId: docs[0].variants[0].id, quantity: '1' }),
    })
    const cart = add.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const typed = {
      name: '',
      email: 'ayu@example.com',
      phone: '081234567890',
      delivery: 'courier',
      city: 'Bandung',
      paymentMethod: 'bank-transfer',
    }
    const res = await fetch(`${server.url}${prefix}/checkout?_action=shop.checkout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: cart },
      body: new URLSearchParams(typed),
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(fix)
    // An empty name and each missing part of the address have their own message, not the generic one.
    expect(html).toMatch(new RegExp(`id="name-error"[^>]*>\\s*${name}`))
    expect(html).toMatch(new RegExp(`id="street-error"[^>]*>\\s*${street}`))
    expect(html).toMatch(/<input[^>]* name="email"[^>]* value="ayu@example\.com"/)
    expect(html).toMatch(/<input[^>]* name="city"[^>]* value="Bandung"/)
    expect(html).toMatch(/<input[^>]* name="delivery" value="courier" checked/)
  })
})

describe('a resident who applied in English', () => {
  it('gets the confirmation, every status email and the WhatsApp text in English', async () => {
    const form = permitForm('budi@warga.test')
    form.set('nama_acara', 'Harvest thanksgiving')
    const checked = await postForm(server.url, '/en/layanan/izin-keramaian/formulir', 'services.prepare', form)
    form.delete('foto_ktp')
    form.set('pending', /name="pending" value="([^"]+)"/.exec(checked.body)![1])
    const submitted = await postForm(server.url, '/en/layanan/izin-keramaian/formulir', 'services.submit', form)
    expect(submitted.status).toBe(303)
    const reference = new URL(submitted.location!, server.url).searchParams.get('ref')!

    const received = await waitForMail((m) => m.to.includes('budi@warga.test') && m.subject.includes(reference))
    expect(received.subject).toBe(`Request ${reference} received: Public event permit referral`)
    expect(received.text).toContain('We have received your request for Public event permit referral.')
    expect(received.text).toMatch(/Expected by: .+ \(3 working days, WITA\)\./)
    expect(received.text).toMatch(/Track it at \S*\/en\/layanan\/lacak with your reference/)

    const { id } = await requestByReference(reference)
    const moved = await asAdmin(`/api/service-requests/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ nextStatus: 'checking', transitionNote: 'Kami periksa hari ini.' }),
    })
    const { doc } = (await moved.json()) as { doc: { whatsappLink: string } }
    expect(new URL(doc.whatsappLink).searchParams.get('text')).toMatch(
      new RegExp(
        `^Dear Budi Santoso,\\n\\nYour request for Public event permit referral \\(reference ${reference}\\) is now "Being checked"\\.\\nMessage from the officer: Kami periksa hari ini\\.\\nTrack it at`,
      ),
    )
    const news = await waitForMail((m) => m.subject === `Request ${reference} (Public event permit referral): Being checked`)
    expect(news.text).toContain('Message from the officer: Kami periksa hari ini.')
  })
})
