import autocannon from 'autocannon'
import sharp from 'sharp'
import budgets from '../budgets.json'
import { compressedSize, type Suite } from '../harness'
import { launchBrowser } from '../../support/browser'

const FORM = '/layanan/keterangan-domisili/formulir'
const answers = {
  service: 'keterangan-domisili',
  nama: 'Siti Aminah',
  nik: '6402014508900003',
  telepon: '081234567890',
  email: '',
  alamat: 'RT 02',
  tempat_lahir: 'Tenggarong',
  tanggal_lahir: '1990-08-05',
  sejak_tahun: '2015',
  keperluan: 'Kerja',
  pernyataan: 'on',
}

/** Compressed HTML, stylesheets and every script module the page loads (following its imports). */
const formPageWeight = async (base: string) => {
  const html = await (await fetch(base + FORM)).text()
  let total = compressedSize(html)
  const seen = new Set<string>()
  const queue = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g), ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map(
    (m) => new URL(m[1], base).href,
  )
  while (queue.length) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    seen.add(url)
    const text = await (await fetch(url)).text()
    total += compressedSize(text)
    if (url.endsWith('.js')) for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(new URL(m[1], url).href)
  }
  return total
}

/** A phone photo of about 4 MB: 4000×3000, JPEG of sensor-like noise. */
const phonePhoto = async () => {
  const width = 4000
  const height = 3000
  const pixels = Buffer.alloc(width * height * 3)
  for (let i = 0; i < pixels.length; i++) pixels[i] = (((i * 2654435761) >>> 24) & 0x3f) | 0x80
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The photo's bytes as the browser sends them, after its own compression. */
const compressedInBrowser = async (base: string, photo: Buffer) => {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    // Records the size of the file the page's script hands to XMLHttpRequest.
    await page.addInitScript(() => {
      const send = XMLHttpRequest.prototype.send
      XMLHttpRequest.prototype.send = function (body) {
        if (body instanceof FormData) (window as unknown as { sentPhoto: number }).sentPhoto = (body.get('foto_ktp') as File).size
        return send.call(this, body)
      }
    })
    await page.goto(base + FORM)
    for (const [name, value] of Object.entries(answers)) {
      if (name === 'service' || !value) continue
      if (name === 'pernyataan') await page.check('[name=pernyataan]')
      else await page.fill(`[name=${name}]`, value)
    }
    await page.setInputFiles('[name=foto_ktp]', { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page.click('form.service-form button[type=submit]')
    return await page
      .waitForFunction(() => (window as unknown as { sentPhoto?: number }).sentPhoto)
      .then((h) => h.jsonValue() as Promise<number>)
  } finally {
    await browser.close()
  }
}

const post = async (url: string, body: URLSearchParams, origin: string) => {
  const options = {
    url,
    method: 'POST' as const,
    body: body.toString(),
    connections: 20,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
  }
  await autocannon({ ...options, duration: 2 })
  const result = await autocannon({ ...options, duration: 10 })
  return {
    p99: result.latency.p99,
    statuses: result.statusCodeStats as unknown as Record<string, { count: number }>,
    errors: result.errors,
  }
}

/** Issue 6: the request form's weight, photo compression, and submit and tracking latency. */
export const services: Suite = {
  name: 'services',
  run: async (url, record) => {
    record(`${FORM} HTML+CSS+JS (brotli)`, await formPageWeight(url), 'bytes', { max: budgets.serviceFormPageBytes })

    const photo = await phonePhoto()
    record('phone photo before upload', photo.length, 'bytes')
    record('phone photo after in-browser compression', await compressedInBrowser(url, photo), 'bytes', { max: budgets.servicePhotoBytes })

    // One prepared upload serves every benchmarked submission.
    const form = new FormData()
    for (const [k, v] of Object.entries(answers)) form.set(k, v)
    form.set(
      'foto_ktp',
      new Blob(
        [
          await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
            .jpeg()
            .toBuffer(),
        ],
        { type: 'image/jpeg' },
      ),
      'ktp.jpg',
    )
    const prepared = await (
      await fetch(`${url}${FORM}?_action=services.prepare`, { method: 'POST', body: form, headers: { origin: url } })
    ).text()
    const pending = /name="pending" value="([^"]+)"/.exec(prepared)![1]
    const submit = await post(`${url}${FORM}?_action=services.submit`, new URLSearchParams({ ...answers, pending }), url)
    record('submit at 20 concurrent clients: p99', submit.p99, 'ms', { max: budgets.serviceSubmitP99Ms })
    const notRedirected = Object.entries(submit.statuses)
      .filter(([code]) => code !== '303')
      .reduce((n, [, s]) => n + s.count, 0)
    record('submit at 20 concurrent clients: errors and non-303', submit.errors + notRedirected, 'count', { max: 0 })

    const location = (
      await fetch(`${url}${FORM}?_action=services.submit`, {
        method: 'POST',
        body: new URLSearchParams({ ...answers, pending }),
        headers: { origin: url },
        redirect: 'manual',
      })
    ).headers.get('location')!
    const reference = new URL(location, url).searchParams.get('ref')!
    const track = await post(`${url}/layanan/lacak?_action=services.track`, new URLSearchParams({ reference, digits: '7890' }), url)
    record('tracking look-up at 20 concurrent clients: p99', track.p99, 'ms', { max: budgets.serviceTrackP99Ms })
    const notOk = Object.entries(track.statuses)
      .filter(([code]) => code !== '200')
      .reduce((n, [, s]) => n + s.count, 0)
    record('tracking look-up at 20 concurrent clients: errors and non-200', track.errors + notOk, 'count', { max: 0 })
  },
}
