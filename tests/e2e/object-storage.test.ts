import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import mime from 'mime-types'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pushFolder } from '../../scripts/lib/mediaPush'
import { signIn } from '../support/api'
import { jpeg, submitDeathRequest } from '../support/deathRequest'
import { useProductionServer } from '../support/e2e'
import { LocalS3, PRIVATE_BUCKET, PUBLIC_BUCKET } from '../support/s3'

/**
 * The production server on the demo village with its files in buckets (S3_BUCKET and the rest) of a local
 * S3-compatible server: the village's files were copied there as `npm run media:push` does, and its media and private
 * folders are emptied once the server runs, so whatever it serves comes from a bucket.
 */
const s3 = await new LocalS3().start()
const typeOf = (key: string) => mime.lookup(path.extname(key)) || undefined

beforeAll(async () => {
  await pushFolder(path.join(inject('village'), 'media'), s3.store(PUBLIC_BUCKET), typeOf)
  await pushFolder(path.join(inject('village'), 'private'), s3.store(PRIVATE_BUCKET), typeOf)
})

const server = useProductionServer({ env: s3.env })

const filesOnDisk = (folder: string) =>
  readdirSync(path.join(server.dir, folder), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())

beforeAll(() => {
  for (const folder of ['media', 'private']) {
    rmSync(path.join(server.dir, folder), { recursive: true, force: true })
    mkdirSync(path.join(server.dir, folder), { recursive: true, mode: 0o700 })
  }
})

afterAll(() => s3.close())

const get = (pathname: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(server.url + pathname, { method, headers, redirect: 'manual' })
const bucketBytes = async (bucket: string, key: string) => (await s3.store(bucket).read(key))!

describe('pictures from the public bucket', () => {
  it('are served at /media/ with their type, a year of caching, validators and byte ranges', async () => {
    const home = await (await get('/')).text()
    const src = /\/media\/[^"'\s,]+\.webp/.exec(home)?.[0]
    expect(src, 'a WebP picture on the home page').toBeTruthy()
    const key = decodeURIComponent(src!.slice('/media/'.length))
    const stored = await bucketBytes(PUBLIC_BUCKET, key)
    const res = await get(src!)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), stored)).toBe(0)
    const etag = res.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect((await get(src!, { 'If-None-Match': etag })).status).toBe(304)
    const part = await get(src!, { Range: 'bytes=0-9' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${stored.length}`)
    expect(Buffer.compare(Buffer.from(await part.arrayBuffer()), stored.subarray(0, 10))).toBe(0)
    expect(filesOnDisk('media')).toEqual([])
  })

  it('answer a name the bucket does not hold with the 404 page, and never read outside the bucket', async () => {
    expect((await get('/media/tidak-ada-640df23946.jpg')).status).toBe(404)
    expect([400, 404]).toContain((await get('/media/%2e%2e/private/x.pdf')).status)
    expect((await get('/media/.hidden')).status).toBe(404)
  })

  it('an editor uploads go to the bucket and are served from it', async () => {
    const editor = await signIn(server, 'editor')
    const form = new FormData()
    const picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer()
    form.set('file', new Blob([new Uint8Array(picture)], { type: 'image/jpeg' }), 'sawah-baru.jpg')
    form.set('_payload', JSON.stringify({ alt: 'Sawah baru' }))
    const { doc } = await editor.post<{ doc: { filename: string; sizes: Record<string, { filename: string | null }> } }>('/api/media', form)
    const keys = await s3.keys(PUBLIC_BUCKET)
    expect(keys).toContain(doc.filename)
    expect(keys).toContain(doc.sizes['w480-avif'].filename)
    const res = await get(`/media/${doc.sizes['w480-avif'].filename}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/avif')
    expect(filesOnDisk('media')).toEqual([])
  })
})

describe("an episode's audio from the public bucket", () => {
  it('seeks with byte ranges: 206 with Content-Range, 416 past the end, HEAD with its length', async () => {
    const episodes = await (await get('/podcast')).text()
    const episode = /href="(\/podcast\/[a-z0-9-]+)"/.exec(episodes)?.[1]
    const page = await (await get(episode!)).text()
    const src = /\/media\/audio\/[^"'\s]+\.mp3/.exec(page)?.[0]
    expect(src, `an audio file on ${episode}`).toBeTruthy()
    const stored = await bucketBytes(PUBLIC_BUCKET, decodeURIComponent(src!.slice('/media/'.length)))

    const head = await get(src!, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('audio/mpeg')
    expect(head.headers.get('content-length')).toBe(String(stored.length))
    expect(head.headers.get('accept-ranges')).toBe('bytes')

    const middle = await get(src!, { Range: 'bytes=1000-1999' })
    expect(middle.status).toBe(206)
    expect(middle.headers.get('content-range')).toBe(`bytes 1000-1999/${stored.length}`)
    expect(middle.headers.get('content-encoding')).toBeNull()
    expect(Buffer.compare(Buffer.from(await middle.arrayBuffer()), stored.subarray(1000, 2000))).toBe(0)

    const tail = await get(src!, { Range: 'bytes=-100' })
    expect(tail.status).toBe(206)
    expect(Buffer.compare(Buffer.from(await tail.arrayBuffer()), stored.subarray(stored.length - 100))).toBe(0)

    const beyond = await get(src!, { Range: `bytes=${stored.length}-` })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${stored.length}`)
  })
})

describe("a resident's upload in the private bucket", () => {
  it('is stored only there, is not reachable at /media/, and reaches officers through the checked route', async () => {
    const before = new Set(await s3.keys(PRIVATE_BUCKET))
    const { reference } = await submitDeathRequest(server, await jpeg(640, 400))

    const added = (await s3.keys(PRIVATE_BUCKET)).filter((key) => !before.has(key))
    expect(added.length).toBe(1)
    const publicKeys = await s3.keys(PUBLIC_BUCKET)
    for (const key of added) {
      expect(publicKeys).not.toContain(key)
      expect((await get(`/media/${key}`)).status).toBe(404)
    }
    expect(filesOnDisk('private')).toEqual([])

    const officer = await signIn(server, 'officer')
    const found = await officer.get<{ docs: { id: number }[] }>(`/api/service-requests?where[reference][equals]=${reference}&depth=0`)
    const attachment = `/api/service-requests/${found.docs[0].id}/attachments/0`
    const download = await officer.request('GET', attachment)
    expect(download.status).toBe(200)
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), await bucketBytes(PRIVATE_BUCKET, added[0]))).toBe(0)
    expect((await get(attachment)).status).toBe(403)
  })

  it('keeps a buyer’s transfer receipt there too, behind Payload’s access check', async () => {
    const form = (fields: Record<string, string>, cookie = '') =>
      fetch(server.url + fields.path, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
        body: new URLSearchParams(Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'path'))),
      })
    const { docs } = await (await get('/api/products?where[slug][equals]=kopi-robusta-bubuk&depth=0')).json()
    const added = await form({
      path: '/produk/kopi-robusta-bubuk?_action=shop.addToCart',
      productId: String(docs[0].id),
      variantId: docs[0].variants[0].id,
      quantity: '1',
    })
    const cookie = added.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const buyer = {
      name: 'Ayu Lestari',
      email: 'ayu@example.com',
      phone: '081234567890',
      delivery: 'pickup',
      paymentMethod: 'bank-transfer',
    }
    const placed = await form({ path: '/checkout?_action=shop.checkout', ...buyer }, cookie)
    const location = placed.headers.get('location')!
    expect(location).toMatch(/^\/pesanan\//)
    const before = new Set(await s3.keys(PRIVATE_BUCKET))
    const receipt = await sharp({ create: { width: 300, height: 500, channels: 3, background: '#eee' } })
      .png()
      .toBuffer()
    const upload = new FormData()
    upload.append('number', /DD-[A-Z0-9-]+/.exec(location)![0])
    upload.append('token', new URL(server.url + location).searchParams.get('t')!)
    upload.append('proof', new File([new Uint8Array(receipt)], 'bukti.png', { type: 'image/png' }))
    const sent = await fetch(`${server.url}${location}&_action=shop.uploadProof`, {
      method: 'POST',
      body: upload,
      headers: { origin: server.url },
      redirect: 'manual',
    })
    expect(sent.status, await sent.clone().text()).toBeLessThan(400)

    const proofs = (await s3.keys(PRIVATE_BUCKET)).filter((key) => !before.has(key))
    expect(proofs).toHaveLength(1)
    expect(proofs[0]).toMatch(/^payment-proofs\//)
    expect(await s3.keys(PUBLIC_BUCKET)).not.toContain(proofs[0])
    const file = proofs[0].slice('payment-proofs/'.length)
    expect((await get(`/media/${proofs[0]}`)).status).toBe(404)
    expect((await get(`/media/${file}`)).status).toBe(404)
    expect((await get(`/api/payment-proofs/file/${file}`)).status).toBe(403)
    const admin = await signIn(server, 'admin')
    const seen = await admin.request('GET', `/api/payment-proofs/file/${file}`)
    expect(seen.status).toBe(200)
    expect(Buffer.compare(Buffer.from(await seen.arrayBuffer()), await bucketBytes(PRIVATE_BUCKET, proofs[0]))).toBe(0)
    expect(filesOnDisk('private')).toEqual([])
  })
})
